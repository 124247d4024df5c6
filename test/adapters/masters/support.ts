// Master-sync harness: the service with the freee sandbox mounted (startFreeeTestApp), a company
// connected to a new sandbox 事業所 seeded with masters, and MastersDeps over the real stores and
// runtime — with a hook before each page (to queue a sandbox fault at a chosen page) and a sleep
// that advances the test clock (throttle pauses take no wall time).
import { companyNameOver, mastersStoreOver } from '../../../src/adapters/db/masters-store.js';
import { mastersConnectionsOver } from '../../../src/adapters/freee/masters-gateway.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import type { Mailer } from '../../../src/app/mail/ports.js';
import type { ImportLimits } from '../../../src/app/masters/import-master.js';
import type {
  MasterPageRequest,
  MastersConnections,
  MastersStore,
} from '../../../src/app/masters/ports.js';
import { syncMasters, type MastersDeps, type SyncRequest } from '../../../src/app/masters/sync.js';
import {
  createFaultPlan,
  seedSandboxMasters,
  type FaultPlan,
  type SandboxMasterCounts,
} from '../../../src/sandbox/index.js';
import { connectedCompany, type Connected } from '../freee/support/connect.js';
import { startFreeeTestApp, type FreeeTestApp } from '../freee/support/freee-app.js';

export type PageHook = (request: MasterPageRequest, pageNo: number) => void | Promise<void>;

export interface MastersHarness {
  app: FreeeTestApp;
  faults: FaultPlan;
  connected: Connected;
  companyId: string;
  sandboxCompanyId: number;
  store: MastersStore;
  /** Called before every page fetch (pageNo counts from 1 within the run). */
  hook: { before: PageHook | null };
  deps(overrides?: Partial<MastersDeps>): MastersDeps;
  sync(
    request?: Partial<SyncRequest>,
    overrides?: Partial<MastersDeps>,
  ): ReturnType<typeof syncMasters>;
  /** Stored records of a master (all, archived included). */
  rows(master: string): Promise<{ key: string; name: string; archived: boolean }[]>;
  close(): Promise<void>;
}

/** Small pages so 1,200 partners take 3 pages. */
export const testLimits: Partial<ImportLimits> = {
  pageSizes: { partners: 500, items: 500, tags: 500, segment_tags: 2 },
};

function hookedConnections(inner: MastersConnections, hook: { before: PageHook | null }) {
  let pageNo = 0;
  const connections: MastersConnections = {
    connectionsOf: (companyId) => inner.connectionsOf(companyId),
    open: async (companyId, connectionId) => {
      const opened = await inner.open(companyId, connectionId);
      if (!opened.ok) return opened;
      const source = opened.source;
      pageNo = 0;
      return {
        ok: true,
        source: {
          freeeCompanyId: source.freeeCompanyId,
          calls: () => source.calls(),
          fetchPage: async (request) => {
            pageNo += 1;
            await hook.before?.(request, pageNo);
            return source.fetchPage(request);
          },
        },
      };
    },
  };
  return connections;
}

export async function startMastersHarness(
  options: {
    seed?: SandboxMasterCounts;
    segments?: 0 | 1 | 2 | 3;
    now?: string;
    mailer?: Mailer;
  } = {},
): Promise<MastersHarness> {
  const faults = createFaultPlan({ lockMs: 10 * 60_000 });
  const app = await startFreeeTestApp({ faults, now: options.now ?? '2025-01-10T09:00:00+09:00' });
  const connected = await connectedCompany(app, 'mst');
  const sandboxCompanyId = connected.sandbox.companyId;
  if (options.segments)
    await app.freeePool.query(
      'update freee_sandbox.companies set segments_available = $2 where id = $1',
      [sandboxCompanyId, options.segments],
    );
  await seedSandboxMasters(app.freeePool, app.clock, sandboxCompanyId, options.seed ?? {});
  const store = mastersStoreOver(app.freeePool);
  const hook: { before: PageHook | null } = { before: null };
  const connections = hookedConnections(mastersConnectionsOver(app.runtime), hook);
  const companyId = connected.company.companyId;
  const deps = (overrides: Partial<MastersDeps> = {}): MastersDeps => ({
    store,
    connections,
    clock: app.clock,
    sleep: async (ms) => app.clock.advanceMs(ms),
    mailer: options.mailer ?? null,
    log: silentLogger,
    companyName: companyNameOver(app.freeePool),
    limits: testLimits,
    ...overrides,
  });
  return {
    app,
    faults,
    connected,
    companyId,
    sandboxCompanyId,
    store,
    hook,
    deps,
    sync: (request = {}, overrides = {}) =>
      syncMasters(deps(overrides), {
        companyId,
        trigger: 'manual',
        requestedBy: 'test',
        ...request,
      }),
    rows: async (master) =>
      (
        await app.freeePool.query<{ key: string; name: string; archived: boolean }>(
          'select key, name, archived from master_records where company_id = $1 and master = $2 order by key',
          [companyId, master],
        )
      ).rows,
    close: () => app.close(),
  };
}
