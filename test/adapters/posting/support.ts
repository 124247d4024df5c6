// Posting end-to-end harness: the service on real HTTP with the freee sandbox mounted at
// /sandbox/freee (reached over HTTP by the freee runtime), a Uriage company with the demo payment
// methods connected to a new sandbox 事業所, posting settings with the store's 部門, and helpers to
// ingest checkouts, close a day, post it (the use case the job runs) and read the books back from
// the sandbox through freee's API. The invariant setup is rebuilt here from freee's masters by name
// (a second model: nothing is shared with the posting code but the domain's types and dueDate).
import assert from 'node:assert/strict';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { recordDrawerEvents } from '../../../src/app/ledger/record-drawer-events.js';
import { closeDay } from '../../../src/app/ledger/close-day.js';
import type { PostingOutcome } from '../../../src/app/posting/model.js';
import type { PostingGateway } from '../../../src/app/posting/ports.js';
import { postStoreDay } from '../../../src/app/posting/post-day.js';
import { getPostingSettings, savePostingSettings } from '../../../src/app/posting/settings.js';
import { postingTimings } from '../../../src/app/posting/timings.js';
import { postingDepsOf, postingSettingsDepsOf } from '../../support/deps.js';
import {
  checkPostingInvariants,
  type InvariantViolation,
} from '../../../src/domain/posting/invariants.js';
import type { Checkout } from '../../../src/domain/ledger/types.js';
import type { DailyReport } from '../../../src/domain/report/types.js';
import { connectedCompany, type Connected } from '../freee/support/connect.js';
import {
  heldDealsOn,
  invariantSetup,
  ofStore,
  type HeldDeal,
} from '../../support/posting-books.js';
import {
  startFreeeTestApp,
  type FreeeTestApp,
  type FreeeTestAppOptions,
} from '../freee/support/freee-app.js';

export interface PostingHarness {
  app: FreeeTestApp;
  connected: Connected;
  companyId: string;
  /** freee calls of the sandbox API seen so far, by "METHOD path-kind" (writes and reads). */
  close(): Promise<void>;
}

export async function startPostingHarness(
  options: FreeeTestAppOptions & { code?: string; stores?: string[] } = {},
): Promise<PostingHarness> {
  const app = await startFreeeTestApp(options);
  app.services.postingTimings = postingTimings({ scale: 0.001, requestTimeoutMs: 2_000 });
  const connected = await connectedCompany(app, options.code ?? 'pos', options.stores ?? ['0001']);
  const companyId = connected.company.companyId;
  const current = await getPostingSettings(postingSettingsDepsOf(app.services), companyId);
  await savePostingSettings(
    postingSettingsDepsOf(app.services),
    companyId,
    {
      ...current.settings,
      stores: current.settings.stores.map((s) => ({ ...s, sectionName: '本店' })),
    },
    'test',
  );
  return { app, connected, companyId, close: () => app.close() };
}

export function checkout(
  id: string,
  storeCode: string,
  businessDate: string,
  lines: Checkout['lines'],
  payments: Checkout['payments'],
  extra: Partial<Checkout> = {},
): Checkout {
  return {
    id,
    revision: 1,
    storeCode,
    registerCode: '01',
    businessDate,
    startedAt: `${businessDate}T12:00:00+09:00`,
    completedAt: `${businessDate}T12:01:00+09:00`,
    status: 'completed',
    customerCount: 1,
    priceMode: 'inclusive',
    lines,
    payments,
    ...extra,
  };
}

export const item = (
  unitPrice: number,
  taxCategory: Checkout['lines'][number]['taxCategory'],
  quantity = 1,
) => ({ name: `${taxCategory}-${unitPrice}`, quantity, unitPrice, taxCategory });

const ledger = async (h: PostingHarness) =>
  (await import('../../../src/main/app.js')).ledgerDepsOver(h.app.db.pool, h.app.clock);
const actor = (h: PostingHarness) => ({ companyId: h.companyId, label: 'staff:admin' });

export async function ingest(h: PostingHarness, checkouts: readonly Checkout[]): Promise<void> {
  const report = await ingestCheckouts(await ledger(h), actor(h), checkouts, {
    pathOf: (i) => `checkouts[${i}]`,
  });
  assert.ok(
    report.results.every((r) => r.result !== 'rejected'),
    JSON.stringify(report.results.filter((r) => r.result === 'rejected')),
  );
}

export async function drawer(
  h: PostingHarness,
  events: readonly Record<string, unknown>[],
): Promise<void> {
  const report = await recordDrawerEvents(await ledger(h), actor(h), events, {
    pathOf: (i) => `drawerEvents[${i}]`,
  });
  assert.ok(
    report.results.every((r) => r.result !== 'rejected'),
    JSON.stringify(report.results),
  );
}

export async function closeOf(
  h: PostingHarness,
  storeCode: string,
  businessDate: string,
  float: number,
  countedCash: number,
): Promise<{ version: number; report: DailyReport }> {
  const { close } = await closeDay(await ledger(h), actor(h), {
    storeCode,
    businessDate,
    float,
    countedCash,
  });
  return { version: close.version, report: close.report };
}

export function post(
  h: PostingHarness,
  storeCode: string,
  businessDate: string,
): Promise<PostingOutcome> {
  return postStoreDay(postingDepsOf(h.app.services), {
    companyId: h.companyId,
    storeCode,
    businessDate,
  });
}

/** `post` with the store's gateway wrapped (e.g. a write that fails without reaching freee). */
export async function postWith(
  h: PostingHarness,
  storeCode: string,
  businessDate: string,
  wrap: (gateway: PostingGateway) => PostingGateway,
): Promise<PostingOutcome> {
  const deps = postingDepsOf(h.app.services);
  const connections = {
    forStore: async (companyId: string, storeId: string) => {
      const found = await deps.connections.forStore(companyId, storeId);
      return found.kind === 'connected'
        ? { kind: 'connected' as const, gateway: wrap(found.gateway) }
        : found;
    },
  };
  return postStoreDay(
    { ...deps, connections },
    { companyId: h.companyId, storeCode, businessDate },
  );
}

/** Every deal the sandbox holds on `businessDate` (through freee's API, page walk). */
export async function dealsOn(h: PostingHarness, businessDate: string): Promise<HeldDeal[]> {
  return heldDealsOn(await h.connected.client(), businessDate);
}

/** Invariants 1–6 over the store-day's deals as the sandbox returns them. */
export async function booksViolations(
  h: PostingHarness,
  report: DailyReport,
  storeCode = '0001',
): Promise<{ violations: InvariantViolation[]; deals: HeldDeal[] }> {
  const deals = ofStore(await dealsOn(h, report.businessDate), storeCode, report.businessDate);
  const settings = (await getPostingSettings(postingSettingsDepsOf(h.app.services), h.companyId))
    .settings;
  const setup = await invariantSetup(await h.connected.client(), settings, storeCode);
  return { violations: checkPostingInvariants(report, deals, setup), deals };
}

/** Every (method, path) call the sandbox served, from the fault plan log or a counter: see tests. */
export async function dealCount(h: PostingHarness): Promise<number> {
  const { rows } = await h.app.freeePool.query<{ n: number }>(
    'select count(*)::int as n from freee_sandbox.deals where company_id = $1',
    [h.connected.sandbox.companyId],
  );
  return rows[0]?.n ?? -1;
}

export { ofStore, type HeldDeal };
