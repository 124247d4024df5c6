// Checkout ingest (issue 3 §1): a batch of up to 1,000 checkouts; every item gets its own result.
// Items are checked first without the database; the accepted ones of the batch are then written in
// ONE transaction: one multi-row insert of the ids new to the ledger, then for the others lock the
// stored heads, decide (plan-checkouts.ts), archive replaced revisions, insert and update. Counting
// once under concurrency is the primary key's job: an insert that meets an id another transaction
// has just committed writes nothing. In the first insert that item is then decided over the
// winner's locked row; in the plan's insert the transaction rolls back and the batch is decided
// again (bounded by `ingestAttemptsMax`).
import { AppError, validationError } from '../errors.js';
import { loadContext, type LedgerDeps } from './deps.js';
import {
  batchReport,
  type BatchReport,
  type CompanyLedgerContext,
  type ItemResult,
  type LedgerActor,
} from './model.js';
import { historyKeysNeeded, planCheckouts, revisionKey, type Decision } from './plan-checkouts.js';
import type { LedgerTransaction } from './ports.js';
import { RetryableConflictError } from './ports.js';
import { prepareCheckout, type PreparedCheckout } from './prepare-checkout.js';

export const checkoutsPerBatchMax = 1000;
export const ingestAttemptsMax = 5;

class LostInsertRaceError extends Error {
  constructor(readonly missing: number) {
    super(`${missing} checkout ids were inserted by a concurrent batch`);
    this.name = 'LostInsertRaceError';
  }
}

export interface IngestOptions {
  /** The path of item `index` in the request (`checkouts[3]`, or '' for a single checkout). */
  pathOf: (index: number) => string;
  /** Pre-loaded context (the import checks a whole file against one). */
  context?: CompanyLedgerContext;
}

export async function ingestCheckouts(
  deps: LedgerDeps,
  actor: LedgerActor,
  items: readonly unknown[],
  options: IngestOptions,
): Promise<BatchReport> {
  if (items.length > checkoutsPerBatchMax) {
    throw validationError([
      {
        path: 'checkouts',
        code: 'too_big',
        message: `1回に送信できる会計は${checkoutsPerBatchMax}件までです。`,
      },
    ]);
  }
  const context = options.context ?? (await loadContext(deps, actor.companyId));
  const results: ItemResult[] = [];
  const prepared: PreparedCheckout[] = [];
  items.forEach((raw, index) => {
    const outcome = prepareCheckout(raw, index, options.pathOf(index), context, actor);
    if (outcome.ok) prepared.push(outcome.item);
    else
      results[index] = {
        index,
        id: outcome.id,
        revision: outcome.revision,
        result: 'rejected',
        error: outcome.rejection,
      };
  });
  if (prepared.length > 0) {
    const byIndex = new Map(prepared.map((item) => [item.index, item]));
    for (const decision of await writeWithRetry(deps, actor.companyId, prepared)) {
      const item = byIndex.get(decision.index);
      results[decision.index] = resultOf(
        decision,
        item?.write.checkoutId ?? null,
        item?.write.revision ?? null,
      );
    }
  }
  return batchReport(results);
}

function resultOf(decision: Decision, id: string | null, revision: number | null): ItemResult {
  if (decision.outcome === 'accepted')
    return { index: decision.index, id, revision, result: 'accepted' };
  if (decision.outcome === 'unchanged')
    return { index: decision.index, id, revision, result: 'unchanged', reason: decision.reason };
  return { index: decision.index, id, revision, result: 'rejected', error: decision.rejection };
}

async function writeWithRetry(
  deps: LedgerDeps,
  companyId: string,
  items: readonly PreparedCheckout[],
): Promise<Decision[]> {
  for (let attempt = 1; attempt <= ingestAttemptsMax; attempt += 1) {
    try {
      return await deps.uow.transaction((tx) => writeOnce(tx, companyId, items, deps.clock.now()));
    } catch (error) {
      if (!(error instanceof LostInsertRaceError) && !(error instanceof RetryableConflictError))
        throw error;
    }
  }
  throw new AppError(
    'unavailable',
    'ingest_contention',
    '同じ会計が同時に送信され続けています。しばらくしてから再送してください。',
    [],
    `ingest gave up after ${ingestAttemptsMax} attempts`,
  );
}

/**
 * One attempt, in one transaction. First the batch's ids that occur once in it are inserted as
 * new rows in one statement (`ON CONFLICT DO NOTHING`): an id the insert wrote had no stored
 * checkout, which is exactly when the plan accepts it whatever its status, so a batch of new
 * checkouts costs that one statement. Every other item (an id already stored, or sent several
 * times in the batch) is then decided as before over its locked head (plan-checkouts.ts).
 */
async function writeOnce(
  tx: LedgerTransaction,
  companyId: string,
  items: readonly PreparedCheckout[],
  now: Date,
): Promise<Decision[]> {
  const occurrences = new Map<string, number>();
  for (const { write } of items)
    occurrences.set(write.checkoutId, (occurrences.get(write.checkoutId) ?? 0) + 1);
  const fresh = items
    .filter((item) => occurrences.get(item.write.checkoutId) === 1)
    .map((item) => item.write)
    .sort(byCheckoutId);
  const inserted =
    fresh.length === 0
      ? new Set<string>()
      : new Set(await tx.insertCheckouts(companyId, fresh, now));
  const decisions: Decision[] = [];
  const rest: PreparedCheckout[] = [];
  for (const item of items) {
    if (inserted.has(item.write.checkoutId))
      decisions.push({ index: item.index, outcome: 'accepted' });
    else rest.push(item);
  }
  if (rest.length > 0) decisions.push(...(await writeDecided(tx, companyId, rest, now)));
  return decisions;
}

const byCheckoutId = (a: { checkoutId: string }, b: { checkoutId: string }) =>
  a.checkoutId < b.checkoutId ? -1 : a.checkoutId > b.checkoutId ? 1 : 0;

/** Items decided over the locked stored heads of their ids: archive, history, insert, replace. */
async function writeDecided(
  tx: LedgerTransaction,
  companyId: string,
  items: readonly PreparedCheckout[],
  now: Date,
): Promise<Decision[]> {
  const ids = [...new Set(items.map((item) => item.write.checkoutId))].sort();
  const heads = new Map(
    (await tx.lockCheckoutHeads(companyId, ids)).map((head) => [head.checkoutId, head]),
  );
  const keys = historyKeysNeeded(items, heads);
  const kept = keys.length === 0 ? [] : await tx.findRevisionHashes(companyId, keys);
  const plan = planCheckouts(
    items,
    heads,
    new Map(kept.map((k) => [revisionKey(k.checkoutId, k.revision), k.contentHash])),
  );
  if (plan.archiveIds.length > 0) await tx.archiveCurrentRevisions(companyId, plan.archiveIds, now);
  if (plan.history.length > 0) await tx.insertRevisionHistory(companyId, plan.history, now);
  if (plan.inserts.length > 0) {
    const inserted = await tx.insertCheckouts(companyId, plan.inserts, now);
    if (inserted.length !== plan.inserts.length)
      throw new LostInsertRaceError(plan.inserts.length - inserted.length);
  }
  if (plan.replaces.length > 0) {
    const replaced = await tx.replaceCheckouts(companyId, plan.replaces, now);
    if (replaced !== plan.replaces.length)
      throw new Error(`replaced ${replaced} of ${plan.replaces.length} locked checkouts`);
  }
  return plan.decisions;
}
