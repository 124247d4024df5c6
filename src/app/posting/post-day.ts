// Posting one closed store-day to freee (docs/posting.md): the run that the job, `uriage post` and
// the tests call. In order:
//   claim the store-day (lease) → the latest close's 日報 with the company's methods, stores and
//   settings (one read) → the store's freee connection →
//   GET companies/{id} (+ masters) and taxes/companies → mappings → the planned deals →
//   our record, brought in line with freee by a lookup when an intent is open (after the settle time)
//   or when the plan touches deals already written → diffPosting → nothing to do: 送信済 →
//   the fiscal-year guard → each action written exactly once (write-actions.ts) → 送信済.
// Every freee failure ends the run with a status (classify.ts); nothing runs inside a transaction.
import { randomUUID } from 'node:crypto';
import { buildDayPosting } from '../../domain/posting/build-deals.js';
import { diffPosting, type PostedEntry, type PostingAction } from '../../domain/posting/diff.js';
import { fiscalGuard } from '../../domain/posting/fiscal-guard.js';
import type { Clock } from '../clock.js';
import { notFound } from '../errors.js';
import { isAmbiguous, outcome } from './classify.js';
import { domainFailure } from './domain-failure.js';
import { postingMessages, type EntryRecord, type PostingOutcome } from './model.js';
import type {
  Lease,
  PostingConnections,
  PostingGateway,
  PostingSources,
  PostingStore,
  RecordWrite,
} from './ports.js';
import { resolveDayMappings } from './resolve.js';
import { effectiveSettingsOf } from './settings.js';
import type { PostingTimings } from './timings.js';
import { applyAction, PostingLeaseLostError, writeAnswer } from './write-actions.js';
import { lookUp } from './look-up.js';
import type { CompanyInfoCache } from './company-info-cache.js';
import { countsOf, failed, writeDepsOf, type Planned, type Run } from './run-context.js';

/** Lookup + diff + writes, again after the books changed under us (a deal gone): at most this often. */
export const postingRoundsMax = 3;
/** A store-day never needs more writes than this (≤ 10 methods × parts, delete + create). */
export const postingActionsMax = 200;
/** The masters are read again after a 品目 / 取引先 creation was refused, once. */
export const mastersReadingsMax = 2;

export interface PostingLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface PostingDeps {
  store: PostingStore;
  sources: PostingSources;
  connections: PostingConnections;
  clock: Clock;
  timings: PostingTimings;
  log: PostingLog;
  /** The job's runs reuse a 事業所's masters a short while (company-info-cache.ts); none = read each run. */
  companyInfo?: CompanyInfoCache;
}

export interface PostingRequest {
  companyId: string;
  storeCode: string;
  businessDate: string;
}

export class PostingActionsLimitError extends Error {
  constructor(readonly count: number) {
    super(`a store-day needs ${count} freee writes, more than ${postingActionsMax}`);
    this.name = 'PostingActionsLimitError';
  }
}

export async function postStoreDay(
  deps: PostingDeps,
  request: PostingRequest,
): Promise<PostingOutcome> {
  const now = deps.clock.now();
  const leaseId = randomUUID();
  // The store by its code and the claim of its store-day: one statement.
  const claimed = await deps.store.claimStoreDay({
    companyId: request.companyId,
    storeCode: request.storeCode,
    businessDate: request.businessDate,
    leaseId,
    now,
    until: new Date(now.getTime() + deps.timings.leaseMs),
  });
  if (!claimed)
    throw notFound('store', `店舗コード「${request.storeCode}」の店舗が見つかりません。`);
  const { store, claim } = claimed;
  const lease: Lease = { storeId: store.id, businessDate: request.businessDate, leaseId };
  if (!claim.claimed)
    return outcome(
      'busy',
      'busy',
      postingMessages.busy,
      { calls: 0, writes: 0, closeVersion: null },
      { retryAt: claim.leaseUntil },
    );
  const run: Run = {
    deps,
    lease,
    request,
    refScope: store.refScope,
    autoRetries: claim.autoRetries,
    gateway: null,
    closeVersion: null,
    unwritten: [],
  };
  let result: PostingOutcome;
  try {
    result = await runClaimed(run);
  } catch (error) {
    if (error instanceof PostingLeaseLostError) {
      deps.log.warn(
        { posting: { ...request } },
        'posting lease lost; another run owns the store-day',
      );
      // Whoever took the day over finishes it; if nobody did, this retry does (then `busy` or a no-op).
      return outcome('busy', 'lease_lost', postingMessages.busy, countsOf(run), {
        retryAt: new Date(deps.clock.now().getTime() + deps.timings.leaseMs),
      });
    }
    const known = domainFailure(error, countsOf(run));
    if (!known) {
      await finish(
        run,
        outcome('retry_wait', 'internal_error', postingMessages.unexpected, countsOf(run), {
          retryAt: new Date(deps.clock.now().getTime() + deps.timings.retryWaitMs),
        }),
      ).catch(() => undefined);
      throw error;
    }
    result = known;
  }
  return finish(run, result);
}

async function finish(run: Run, result: PostingOutcome): Promise<PostingOutcome> {
  const { deps } = run;
  let final = result;
  if (result.status === 'retry_wait' && run.autoRetries >= deps.timings.autoRetriesMax) {
    final = outcome(
      'failed',
      'retries_exhausted',
      `${postingMessages.retriesExhausted}(${result.message ?? ''})`,
      countsOf(run),
      { freeeMessages: result.freeeMessages },
    );
  }
  const status = final.status === 'busy' || final.status === 'unsent' ? 'queued' : final.status;
  await deps.store.finishDay(
    run.lease,
    {
      status,
      reasonCode: final.reasonCode,
      message: final.message,
      freeeMessages: final.freeeMessages,
      closeVersion: final.closeVersion,
      postedVersion: final.status === 'posted' ? final.closeVersion : null,
      nextAttemptAt: final.retryAt,
      autoRetries:
        final.status === 'posted' ? 'reset' : final.status === 'retry_wait' ? 'increment' : 'keep',
      calls: final.calls,
      writes: final.writes,
      entries: run.unwritten,
    },
    deps.clock.now(),
  );
  deps.log.info(
    {
      posting: {
        ...run.request,
        status: final.status,
        reason: final.reasonCode,
        calls: final.calls,
        writes: final.writes,
      },
    },
    'posting run finished',
  );
  return final;
}

async function runClaimed(run: Run): Promise<PostingOutcome> {
  const { deps, request } = run;
  // The close, the company's methods, stores and settings: one round trip.
  const inputs = await deps.sources.dayInputs(
    request.companyId,
    run.lease.storeId,
    request.businessDate,
  );
  const close = inputs.close;
  if (!close) return outcome('unsent', 'not_closed', postingMessages.notClosed, countsOf(run));
  run.closeVersion = close.version;
  const freee = await deps.connections.forStore(request.companyId, run.lease.storeId);
  if (freee.kind === 'unconnected')
    return outcome('unsent', 'not_connected', postingMessages.notConnected, countsOf(run));
  if (freee.kind === 'unusable')
    return outcome(
      freee.status,
      `connection_${freee.status}`,
      freee.status === 'expired' ? postingMessages.tokenExpired : freee.message,
      countsOf(run),
    );
  run.gateway = freee.gateway;
  const methods = inputs.methods;
  const settings = effectiveSettingsOf(inputs.settings, methods, inputs.storeCodes);
  const cacheKey = `${request.companyId}/${freee.gateway.provider}/${freee.gateway.freeeCompanyId}`;
  for (let reading = 1; reading <= mastersReadingsMax; reading++) {
    const info = await companyInfoOf(run, cacheKey, reading === 1);
    if (!info.ok) return failed(run, info.failure, false);
    const writesBefore = freee.gateway.counts().writes;
    const guard = fiscalGuard(info.value.fiscalYears, request.businessDate);
    const resolution = await resolveDayMappings({
      gateway: freee.gateway,
      info: info.value,
      settings,
      methods,
      report: close.report,
      refScope: run.refScope,
      mayWrite: guard.kind === 'open',
    });
    if (resolution.kind === 'failed') {
      // A 品目 / 取引先 refused (400, e.g. created meanwhile by an earlier run whose answer was lost): read the
      // masters again, once. One created without an answer may still land: wait the settle time first.
      if (resolution.failure.kind === 'validation' && reading < mastersReadingsMax) continue;
      return failed(run, resolution.failure, isAmbiguous(resolution.failure));
    }
    if (resolution.kind === 'mappingError')
      return outcome('failed', 'mapping', resolution.messageJa, countsOf(run));
    if (resolution.kind === 'needsWrites') return guarded(run, guard);
    // Masters created here are not in the kept copy: the next run reads them.
    if (freee.gateway.counts().writes > writesBefore) deps.companyInfo?.forget(cacheKey);
    const plan = buildDayPosting(close.report, resolution.mappings, { paymentMethods: methods });
    const result = await postPlan(run, {
      plan,
      mappings: resolution.mappings,
      itemNames: resolution.itemNames,
      methods,
      info: info.value,
      guard,
    });
    if (result.status !== 'posted') deps.companyInfo?.forget(cacheKey);
    return result;
  }
  return outcome(
    'failed',
    'masters_changing',
    'freeeの品目・取引先を作成できませんでした。時間をおいて再実行してください。',
    countsOf(run),
  );
}

/** The 事業所's masters: the kept copy on a run's first reading when fresh, else read (and kept). */
async function companyInfoOf(
  run: Run,
  key: string,
  mayReuse: boolean,
): Promise<Awaited<ReturnType<PostingGateway['companyInfo']>>> {
  const cache = run.deps.companyInfo;
  const now = run.deps.clock.now();
  const kept = mayReuse ? cache?.get(key, now) : null;
  if (kept) return { ok: true, value: kept };
  const info = await (run.gateway as PostingGateway).companyInfo();
  if (info.ok) cache?.put(key, info.value, now);
  else cache?.forget(key);
  return info;
}

function guarded(run: Run, guard: ReturnType<typeof fiscalGuard>): PostingOutcome {
  if (guard.kind === 'outsideFiscalYear')
    return outcome('outside_fiscal_year', 'outside_fiscal_year', guard.messageJa, countsOf(run));
  if (guard.kind === 'periodClosed')
    return outcome('period_closed', 'period_closed', guard.messageJa, countsOf(run));
  return outcome('failed', 'internal_error', postingMessages.unexpected, countsOf(run));
}

function postedEntries(records: readonly EntryRecord[]): PostedEntry[] {
  return records.flatMap((record) =>
    record.dealId !== null && record.content !== null
      ? [
          {
            key: record.key,
            dealId: record.dealId,
            deal: record.content,
            hasPayments: record.hasPayments,
          },
        ]
      : [],
  );
}

function openIntentWait(run: Run, records: readonly EntryRecord[]): Date | null {
  const open = records.filter((record) => record.intent !== null);
  if (open.length === 0) return null;
  const settledAt = Math.max(
    ...open.map(
      (record) =>
        (record.intent as NonNullable<EntryRecord['intent']>).at.getTime() +
        run.deps.timings.settleMs,
    ),
  );
  return settledAt > run.deps.clock.now().getTime() ? new Date(settledAt) : null;
}

const touchesWritten = (actions: readonly PostingAction[]) =>
  actions.some((action) => action.kind !== 'create');

async function postPlan(run: Run, planned: Planned): Promise<PostingOutcome> {
  const gateway = run.gateway as PostingGateway;
  let forceLookup = false;
  for (let round = 0; round < postingRoundsMax; round++) {
    let records = await run.deps.store.listEntries(
      run.lease.storeId,
      run.request.businessDate,
      gateway.freeeCompanyId,
    );
    const waitUntil = openIntentWait(run, records);
    if (waitUntil)
      return outcome('retry_wait', 'ambiguous_write', postingMessages.ambiguous, countsOf(run), {
        retryAt: waitUntil,
      });
    let lookedUp = false;
    if (forceLookup || records.some((record) => record.intent !== null)) {
      const looked = await lookUp(run, planned, records);
      if (looked.kind === 'stop') return looked.outcome;
      records = looked.records;
      lookedUp = true;
    }
    let diff = diffPosting(postedEntries(records), planned.plan);
    if (!lookedUp && touchesWritten(diff.actions)) {
      const looked = await lookUp(run, planned, records);
      if (looked.kind === 'stop') return looked.outcome;
      records = looked.records;
      diff = diffPosting(postedEntries(records), planned.plan);
    }
    if (diff.actions.length === 0)
      return outcome(
        'posted',
        null,
        diff.notes.map((note) => note.message).join(' ') || null,
        countsOf(run),
      );
    if (planned.guard.kind !== 'open') return guarded(run, planned.guard);
    if (diff.actions.length > postingActionsMax)
      throw new PostingActionsLimitError(diff.actions.length);
    const written = await writeAll(run, planned, diff.actions, records);
    if (written !== 'gone') return written;
    forceLookup = true;
  }
  return outcome(
    'failed',
    'books_changing',
    'freeeの取引が送信中に変更されました。時間をおいて再実行してください。',
    countsOf(run),
  );
}

/**
 * Each action with our record of its entry as it stands: the records read for the diff (the lease
 * keeps other runs off this store-day), read again only for a key an earlier action here wrote.
 */
async function writeAll(
  run: Run,
  planned: Planned,
  actions: readonly PostingAction[],
  records: readonly EntryRecord[],
): Promise<PostingOutcome | 'gone'> {
  const deps = writeDepsOf(run, planned);
  let current = records;
  const written = new Set<string>();
  // The answer of the action before, written with the next intent (write-actions.ts).
  let pending: RecordWrite | null = null;
  for (const action of actions) {
    if (written.has(action.key)) {
      if (pending) await writeAnswer(deps, pending);
      pending = null;
      current = await run.deps.store.listEntries(
        run.lease.storeId,
        run.request.businessDate,
        deps.gateway.freeeCompanyId,
      );
    }
    const record = current.find((each) => each.key === action.key);
    written.add(action.key);
    // `pending` is written with this action's intent (its first statement).
    const result = await applyAction(deps, action, record, pending);
    if (result.kind === 'gone') return 'gone';
    if (result.kind === 'failed') return failed(run, result.failure, result.ambiguous);
    pending = result.answer;
  }
  // The last answer is written with the run's finish (one statement fewer); nothing runs between.
  run.unwritten = pending ? [pending] : [];
  return outcome('posted', null, null, countsOf(run));
}
