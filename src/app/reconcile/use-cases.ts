// 消込 for the console: import a statement (bytes from an upload, size checked by the adapter and
// the reader), the open deposits with their suggestions against the receivables fetched from freee
// beforehand, accept (claim → intent → freee, exactly once; the payer name is learned), undo, a
// manual search, and the company's automatic apply of unique exact matches.
import { randomUUID } from 'node:crypto';
import { sumYen, yen } from '../../domain/money/yen.js';
import { applyPlan, PlanMismatchError } from '../../domain/reconcile/apply-plan.js';
import { suggestMatches } from '../../domain/reconcile/engine.js';
import type { Candidate, Receivable, Suggestion } from '../../domain/reconcile/model.js';
import type { StatementLine } from '../../domain/reconcile/statement.js';
import type { Clock } from '../clock.js';
import { AppError, conflict, notFound, validationError } from '../errors.js';
import { runApplication, undoApplication } from './apply.js';
import { partnersFromFreee, receivablesFromFreee, tolerancesFromJson } from './freee-input.js';
import type {
  ApplicationRow,
  ImportResult,
  ReconcileFreee,
  ReconcileSettings,
  ReconcileStore,
} from './ports.js';
import type { StatementReading } from './statements.js';

/** Deposits shown (and matched) per page. */
export const openDepositsMax = 200;
export const applicationsShownMax = 50;
/** Receivables one acceptance may settle (a combination's maximum and a little more). */
const acceptDealsMax = 20;

/** What 消込 reads from one company's freee, beside the writes of the port. */
export interface ReconcileFreeeSide extends ReconcileFreee {
  openReceivables(): Promise<unknown[]>;
  partners(): Promise<unknown[]>;
  /** The bank 口座 payments are made from (the first bank_account walletable), null if none. */
  bankWalletableId(): Promise<number | null>;
}

export interface ReconcileConnections {
  /** The company's freee, or null when it is not connected. */
  forCompany(companyId: string): Promise<ReconcileFreeeSide | null>;
}

export interface ReconcileDeps {
  store: ReconcileStore;
  connections: ReconcileConnections | null;
  reading: StatementReading;
  clock: Clock;
}

export interface Actor {
  companyId: string;
  label: string;
}

export interface Overview {
  connected: boolean;
  deposits: { line: StatementLine; suggestion: Suggestion | null }[];
  receivables: Receivable[];
  partnerNames: Map<string, string>;
  aliases: Map<string, string[]>;
  applications: ApplicationRow[];
  settings: ReconcileSettings;
}

const unconnected = () =>
  new AppError(
    'unavailable',
    'reconcile_freee_unconnected',
    'freeeに接続されていません。freee連携の設定から接続してください。',
  );

async function freeeOf(deps: ReconcileDeps, companyId: string): Promise<ReconcileFreeeSide> {
  const freee = deps.connections ? await deps.connections.forCompany(companyId) : null;
  if (!freee) throw unconnected();
  return freee;
}

async function matchInputs(deps: ReconcileDeps, freee: ReconcileFreeeSide, companyId: string) {
  const aliases = await deps.store.aliases(companyId);
  const rawPartners = await freee.partners();
  const receivables = receivablesFromFreee(await freee.openReceivables());
  const partners = partnersFromFreee(rawPartners, aliases);
  const partnerNames = new Map(
    (rawPartners as { id?: unknown; name?: unknown }[]).map((p) => [String(p.id), String(p.name)]),
  );
  return { aliases, receivables, partners, partnerNames };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/** A candidate the user picked by hand (manual search): the difference follows from the sums. */
function manualCandidate(line: StatementLine, chosen: readonly Receivable[]): Candidate {
  const settled = sumYen(chosen.map((r) => r.dueAmountYen));
  const gap = settled - line.amountYen;
  return {
    kind:
      gap === 0 ? (chosen.length > 1 ? 'combination' : 'exact') : gap > 0 ? 'fee' : 'overpayment',
    receivableIds: chosen.map((r) => r.id),
    settledYen: settled,
    differenceYen: yen(Math.abs(gap)),
    differenceAccount: gap === 0 ? null : gap > 0 ? '支払手数料' : '仮受金',
    differenceTax: gap === 0 ? null : gap > 0 ? 136 : 2,
    confidence: 0,
    rank: 0,
    reasons: ['手動で選択'],
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Accepting with an Idempotency-Key (the application's id): a repeat continues the first. */
async function acceptOnce(
  deps: ReconcileDeps,
  actor: Actor,
  lineKey: string,
  dealIds: readonly string[],
  idempotencyKey: string,
): Promise<string> {
  if (!uuidPattern.test(idempotencyKey))
    throw validationError([
      { path: 'idempotencyKey', message: '画面を再読み込みしてからやり直してください。' },
    ]);
  const earlier = await deps.store.application(idempotencyKey);
  if (earlier) {
    if (earlier.companyId !== actor.companyId)
      throw conflict('idempotency_key_reused', '画面を再読み込みしてからやり直してください。');
    const freee = await freeeOf(deps, actor.companyId);
    await runApplication({ store: deps.store, freee, now: () => deps.clock.now() }, idempotencyKey);
    return idempotencyKey;
  }
  return accept(deps, actor, lineKey, dealIds, idempotencyKey);
}

async function accept(
  deps: ReconcileDeps,
  actor: Actor,
  lineKey: string,
  dealIds: readonly string[],
  applicationId: string = randomUUID(),
): Promise<string> {
  if (dealIds.length === 0 || dealIds.length > acceptDealsMax)
    throw validationError([
      { path: 'deals', message: `取引を1件以上${acceptDealsMax}件以下で選んでください。` },
    ]);
  if ((await deps.store.settings(actor.companyId)).bankSynced)
    throw conflict(
      'reconcile_bank_synced',
      `この口座の明細はfreeeと同期しているため、Uriageからは書き込みません。freeeの「未決済取引の消込」で取引 ${dealIds.join(', ')} にチェックしてください。`,
    );
  const line = await deps.store.line(actor.companyId, lineKey);
  if (!line || line.direction !== 'deposit')
    throw notFound('statement_line', '指定した入金明細が見つかりません。');
  const freee = await freeeOf(deps, actor.companyId);
  const input = await matchInputs(deps, freee, actor.companyId);
  const byId = new Map(input.receivables.map((r) => [r.id, r]));
  const chosen = dealIds.map((id) => byId.get(id));
  if (chosen.some((r) => r === undefined))
    throw conflict('reconcile_deal_not_open', '選んだ取引はfreeeで既に決済済みか、存在しません。');
  const receivables = chosen as Receivable[];
  const [suggestion] = suggestMatches({
    lines: [line],
    receivables: input.receivables,
    partners: input.partners,
    tolerances: tolerancesFromJson({}),
  });
  const offered = [suggestion?.best, ...(suggestion?.alternatives ?? [])].find(
    (c) => c && sameSet(c.receivableIds, dealIds),
  );
  const candidate = offered ?? manualCandidate(line, receivables);
  const walletableId = await freee.bankWalletableId();
  if (walletableId === null)
    throw conflict('reconcile_no_bank_account', 'freeeに銀行口座が登録されていません。');
  let plan;
  try {
    plan = applyPlan(line, candidate, receivables);
  } catch (error) {
    if (!(error instanceof PlanMismatchError)) throw error;
    throw validationError([{ path: 'deals', message: 'この組み合わせでは消し込めません。' }]);
  }
  const claimed = await deps.store.claim(
    {
      applicationId,
      companyId: actor.companyId,
      lineKey,
      walletable: { type: 'bank_account', id: walletableId },
      plan,
      createdBy: actor.label,
    },
    deps.clock.now(),
  );
  if (!claimed.ok)
    throw conflict(
      'reconcile_deal_claimed',
      `取引 ${claimed.takenDealIds.join(', ')} は別の消込で処理中か処理済みです。`,
    );
  const partnerId = receivables[0]?.partnerId;
  if (partnerId && line.payerName.trim() !== '')
    await deps.store.learnAlias(actor.companyId, partnerId, line.payerName, deps.clock.now());
  await runApplication({ store: deps.store, freee, now: () => deps.clock.now() }, applicationId);
  return applicationId;
}

/** Accepts every unique exact suggestion (no alternative) when the company allows it. */
async function autoApply(deps: ReconcileDeps, companyId: string): Promise<number> {
  const settings = await deps.store.settings(companyId);
  if (!settings.autoApplyExact || settings.bankSynced) return 0;
  const overview = await overviewOf(deps, companyId);
  let applied = 0;
  for (const { line, suggestion } of overview.deposits) {
    const best = suggestion?.best;
    if (!best || best.kind !== 'exact' || suggestion.alternatives.length > 0) continue;
    await accept(deps, { companyId, label: 'auto' }, line.key, best.receivableIds);
    applied += 1;
  }
  return applied;
}

async function overviewOf(deps: ReconcileDeps, companyId: string): Promise<Overview> {
  const lines = await deps.store.openDeposits(companyId, openDepositsMax);
  const applications = await deps.store.applications(companyId, applicationsShownMax);
  const settings = await deps.store.settings(companyId);
  const freee = deps.connections ? await deps.connections.forCompany(companyId) : null;
  if (!freee)
    return {
      connected: false,
      deposits: lines.map((line) => ({ line, suggestion: null })),
      receivables: [],
      partnerNames: new Map(),
      aliases: await deps.store.aliases(companyId),
      applications,
      settings,
    };
  const input = await matchInputs(deps, freee, companyId);
  const suggestions = suggestMatches({
    lines,
    receivables: input.receivables,
    partners: input.partners,
    tolerances: tolerancesFromJson({}),
  });
  const byKey = new Map(suggestions.map((s) => [s.line.key, s]));
  return {
    connected: true,
    deposits: lines.map((line) => ({ line, suggestion: byKey.get(line.key) ?? null })),
    receivables: input.receivables,
    partnerNames: input.partnerNames,
    aliases: input.aliases,
    applications,
    settings,
  };
}

export function bindReconcile(deps: ReconcileDeps) {
  return {
    /** Reads and stores a statement (all or nothing); then the automatic apply when allowed. */
    importStatement: async (
      companyId: string,
      bytes: Buffer,
    ): Promise<ImportResult & { autoApplied: number }> => {
      const statement = deps.reading.readBytes(bytes);
      const result = await deps.store.importLines(companyId, statement.lines, deps.clock.now());
      const connected = deps.connections && (await deps.connections.forCompany(companyId));
      return { ...result, autoApplied: connected ? await autoApply(deps, companyId) : 0 };
    },
    overview: (companyId: string) => overviewOf(deps, companyId),
    accept: (actor: Actor, lineKey: string, dealIds: readonly string[], idempotencyKey: string) =>
      acceptOnce(deps, actor, lineKey, dealIds, idempotencyKey),
    /** Runs an application again (after a failure it continues where it stopped). */
    resume: async (companyId: string, applicationId: string) => {
      const stored = await deps.store.application(applicationId);
      if (!stored || stored.companyId !== companyId)
        throw notFound('reconcile_application', '指定した消込が見つかりません。');
      const freee = await freeeOf(deps, companyId);
      const applyDeps = { store: deps.store, freee, now: () => deps.clock.now() };
      if (stored.state === 'undoing') await undoApplication(applyDeps, applicationId);
      else await runApplication(applyDeps, applicationId);
    },
    undo: async (companyId: string, applicationId: string) => {
      const stored = await deps.store.application(applicationId);
      if (!stored || stored.companyId !== companyId)
        throw notFound('reconcile_application', '指定した消込が見つかりません。');
      const freee = await freeeOf(deps, companyId);
      await undoApplication(
        { store: deps.store, freee, now: () => deps.clock.now() },
        applicationId,
      );
    },
    saveSettings: (companyId: string, settings: ReconcileSettings) =>
      deps.store.saveSettings(companyId, settings, deps.clock.now()),
  };
}

export type ReconcileApp = ReturnType<typeof bindReconcile>;
