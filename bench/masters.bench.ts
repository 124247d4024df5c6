// Issue 11: master sync of 30,000 取引先 + 3,000 品目 from the freee sandbox over HTTP (PostgreSQL
// server: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; a fresh database, dropped
// after). A full run (syncMasters: page walk at freee's limit of 3000, each page upserted as it
// comes). Figures:
//   - freee calls made, against the minimum pages needed (a walk ends on a short page, so n records
//     at limit L need floor(n / L) + 1 pages);
//   - seconds for the run, against a baseline measured in the same run: GET of the same pages
//     through the same client, nothing stored.
import { systemClock } from '../src/app/clock.js';
import { syncMasters } from '../src/app/masters/sync.js';
import { pageLimits } from '../src/domain/masters/kinds.js';
import {
  createSecretBox,
  generateSecretKeyText,
  parseSecretKey,
} from '../src/adapters/crypto/secret-box.js';
import { runMigrations } from '../src/adapters/db/migrate.js';
import { companyNameOver, mastersStoreOver } from '../src/adapters/db/masters-store.js';
import { createPool } from '../src/adapters/db/pool.js';
import type { FetchLike } from '../src/adapters/freee/endpoints.js';
import { mastersConnectionsOver } from '../src/adapters/freee/masters-gateway.js';
import { silentLogger } from '../src/adapters/log/logger.js';
import { createFreeeRuntime } from '../src/main/freee.js';
import { allMigrationSets } from '../src/main/migration-sets.js';
import { seedSandboxMasters, startSandboxServer } from '../src/sandbox/index.js';
import { createScratchDatabase, serverUrlFromEnv } from '../test/support/database.js';
import { createWorld, faultRunPublicUrl } from '../test/support/fault-run/setup.js';
import type { Bench, BenchFigure } from './run.js';

const partnerCount = 30_000;
const itemCount = 3_000;
const targetMs = 60_000;

const pagesNeeded = (n: number, limit: number) => Math.floor(n / limit) + 1;

function countingFetch(): { fetch: FetchLike; count: () => number; reset: () => void } {
  let calls = 0;
  return {
    fetch: (input, init) => {
      if (
        new URL(input instanceof Request ? input.url : String(input)).pathname.includes('/api/1/')
      )
        calls += 1;
      return fetch(input, init);
    },
    count: () => calls,
    reset: () => {
      calls = 0;
    },
  };
}

function figures(calls: number, minimum: number, syncMs: number, rawMs: number): BenchFigure[] {
  return [
    {
      name: `freee calls for ${partnerCount} 取引先 + ${itemCount} 品目`,
      value: calls,
      unit: 'calls',
      baselineName: 'minimum pages needed',
      baselineValue: minimum,
      target: '= minimum',
      met: calls === minimum,
    },
    {
      name: 'full sync (read + store)',
      value: syncMs / 1000,
      unit: 's',
      baselineName: 'GET of the same pages, nothing stored',
      baselineValue: rawMs / 1000,
      target: `≤ ${targetMs / 1000} s`,
      met: syncMs <= targetMs,
    },
  ];
}

export const mastersBench: Bench = {
  name: 'masters',
  run: async () => {
    const database = await createScratchDatabase(serverUrlFromEnv(), 'uriage_bench_masters');
    const pool = createPool(database.url, 10);
    const sandbox = await startSandboxServer({ pool, clock: systemClock, port: 0 });
    try {
      await runMigrations(pool, allMigrationSets);
      const keyText = generateSecretKeyText();
      const world = await createWorld(pool, keyText, 1);
      const freeeCompanyId = world.stores[0]?.freeeCompanyId as number;
      await seedSandboxMasters(pool, systemClock, freeeCompanyId, {
        partners: partnerCount,
        items: itemCount,
      });
      const counter = countingFetch();
      const runtime = createFreeeRuntime({
        pool,
        clock: systemClock,
        logger: silentLogger,
        secretBox: createSecretBox(parseSecretKey(keyText)),
        publicUrl: faultRunPublicUrl,
        freee: null,
        sandbox: { baseUrl: sandbox.url, fetch: counter.fetch },
      });
      const connections = mastersConnectionsOver(runtime);
      const started = performance.now();
      const outcome = await syncMasters(
        {
          store: mastersStoreOver(pool),
          connections,
          clock: systemClock,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          mailer: null,
          log: silentLogger,
          companyName: companyNameOver(pool),
        },
        {
          companyId: world.companyId,
          trigger: 'manual',
          masters: ['partners', 'items'],
          requestedBy: 'bench',
        },
      );
      const syncMs = performance.now() - started;
      const stored = outcome.results.reduce((sum, r) => sum + r.succeeded, 0);
      if (outcome.status !== 'succeeded' || stored !== partnerCount + itemCount)
        throw new Error(`sync: ${outcome.status}, ${stored} stored`);
      const calls = counter.count();
      const rawMs = await rawReadMs(connections, world.companyId, world.stores[0]);
      process.stdout.write(
        `synced ${stored} records in ${outcome.calls} page reads (${calls} HTTP calls)\n`,
      );
      const minimum =
        pagesNeeded(partnerCount, pageLimits.partners ?? 1) +
        pagesNeeded(itemCount, pageLimits.items ?? 1);
      return figures(calls, minimum, syncMs, rawMs);
    } finally {
      await sandbox.close();
      await pool.end();
      await database.drop();
    }
  },
};

/** The same pages read through the same source, nothing stored. */
async function rawReadMs(
  connections: ReturnType<typeof mastersConnectionsOver>,
  companyId: string,
  store: { storeId: string } | undefined,
): Promise<number> {
  const usable = await connections.connectionsOf(companyId);
  const opened = await connections.open(companyId, usable[0]?.id ?? store?.storeId ?? '');
  if (!opened.ok) throw new Error(opened.message);
  const started = performance.now();
  for (const [master, count] of [
    ['partners', partnerCount],
    ['items', itemCount],
  ] as const) {
    const limit = pageLimits[master] ?? 1;
    for (let page = 0; page < pagesNeeded(count, limit); page++) {
      const result = await opened.source.fetchPage({
        master,
        offset: page * limit,
        limit,
        startUpdateDate: null,
      });
      if (!result.ok) throw new Error(result.failure.message);
    }
  }
  return performance.now() - started;
}
