// Issue 6: posting 1,000 closed store-days to the freee sandbox over HTTP (PostgreSQL server:
// DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; a fresh database, dropped after).
// 10 stores × 100 days of random checkouts (test/support/fault-run/days.ts), each store on its own
// sandbox 事業所. The run is the job's use case (postStoreDay: lease, masters, plan, record, intent
// before each write), `concurrency` store-days at a time, after 3 dates posted untimed (warm-up).
// Figures:
//   - time to post the 1,000 store-days (target ≤ 60 s and ≤ 1.5× the baseline), against a baseline measured in the same
//     run: raw POST /api/1/deals of the same deal bodies through the same client and concurrency;
//   - freee calls per store-day (target ≤ payment methods used + 2), against the methods used + 2.
// Since stop 25 the two phases alternate over 4 blocks of 25 dates after one settle (VACUUM ANALYZE
// + CHECKPOINT), nothing untimed between them: what drifts on the machine during the run, and the
// background work either phase leaves (autovacuum, checkpoints), falls on both. Before, the raw
// POSTs ran after all of the use case, each phase after its own settle, and the raw time alone
// moved 11.2–17.7 s between runs of the same code.
import { systemClock } from '../src/app/clock.js';
import type { PostingOutcome } from '../src/app/posting/model.js';
import { createCompanyInfoCache } from '../src/app/posting/company-info-cache.js';
import { postStoreDay } from '../src/app/posting/post-day.js';
import { postingTimings } from '../src/app/posting/timings.js';
import {
  createSecretBox,
  generateSecretKeyText,
  parseSecretKey,
} from '../src/adapters/crypto/secret-box.js';
import { runMigrations } from '../src/adapters/db/migrate.js';
import { createPool } from '../src/adapters/db/pool.js';
import type { FreeeClient } from '../src/adapters/freee/client.js';
import { createFreeeRuntime } from '../src/main/freee.js';
import { silentLogger } from '../src/adapters/log/logger.js';
import { postingDepsOf } from '../test/support/deps.js';
import { startSandboxServer } from '../src/sandbox/index.js';
import type { DealContent } from '../src/domain/posting/deal-types.js';
import { allMigrationSets } from '../src/main/migration-sets.js';
import { buildServices } from '../test/support/app.js';
import { createScratchDatabase, serverUrlFromEnv } from '../test/support/database.js';
import { datesBefore, storeDays } from '../test/support/fault-run/days.js';
import { closeAll, createWorld, faultRunPublicUrl } from '../test/support/fault-run/setup.js';
import type { Bench, BenchFigure } from './run.js';

const storeCount = 10;
const dayCount = 100;
const concurrency = 8;
const targetMs = 60_000;
/** Issue 15: the use case within 1.5× the raw POSTs of the same bodies. */
const targetRatio = 1.5;
/** Dates posted untimed first (JIT and caches warm, as for the raw POSTs that run after). */
const warmupDates = 3;
/** The timed dates in this many blocks, the two phases alternating block by block. */
const timedBlocks = 4;

/** `days` (date-major) cut into `count` blocks of whole dates. */
function blocksOf<T extends { businessDate: string }>(days: readonly T[], count: number): T[][] {
  const dates = [...new Set(days.map((day) => day.businessDate))];
  const perBlock = Math.ceil(dates.length / count);
  return Array.from({ length: count }, (_, n) => {
    const inBlock = new Set(dates.slice(n * perBlock, (n + 1) * perBlock));
    return days.filter((day) => inBlock.has(day.businessDate));
  }).filter((block) => block.length > 0);
}

/** Runs `work` over `items`, `width` at a time; returns the elapsed ms. */
async function timedPool<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next] as T;
        next += 1;
        await work(item);
      }
    }),
  );
  return performance.now() - started;
}

type StoreDay = ReturnType<typeof storeDays>[number];

/**
 * Before each timed phase: the writes of the phase before flushed (CHECKPOINT) and the tables
 * vacuumed and analysed, so that neither phase pays for the other's background work (the raw
 * baseline varied 11–18 s between runs without this).
 */
async function settle(pool: ReturnType<typeof createPool>): Promise<void> {
  await pool.query('vacuum analyze');
  await pool.query('checkpoint').catch(() => undefined); // needs pg_checkpoint / superuser
}

/** The job's use case over every store-day, `concurrency` at a time; each must end posted. */
async function postAll(
  deps: Parameters<typeof postStoreDay>[0],
  companyId: string,
  days: readonly StoreDay[],
): Promise<{ outcomes: PostingOutcome[]; postMs: number }> {
  const outcomes: PostingOutcome[] = [];
  const postMs = await timedPool(days, concurrency, async (day) => {
    const outcome = await postStoreDay(deps, {
      companyId,
      storeCode: day.storeCode,
      businessDate: day.businessDate,
    });
    if (outcome.status !== 'posted')
      throw new Error(
        `${day.storeCode} ${day.businessDate}: ${outcome.status} ${outcome.message ?? ''}`,
      );
    outcomes.push(outcome);
  });
  return { outcomes, postMs };
}

/** Baseline: raw POST /api/1/deals of the same bodies through the same clients and concurrency. */
async function rawPostMs(
  clientForStore: (storeId: string) => Promise<FreeeClient | null>,
  storeIds: readonly string[],
  rows: readonly { store_id: string; content: DealContent }[],
): Promise<number> {
  const clients = new Map<string, FreeeClient | null>();
  for (const storeId of storeIds) clients.set(storeId, await clientForStore(storeId));
  return timedPool(rows, concurrency, async (row) => {
    const client = clients.get(row.store_id);
    if (!client) throw new Error('no client');
    const result = await client.call('deals.create', (api) =>
      api.POST('/api/1/deals', {
        body: { ...row.content, ref_number: `RAW-${row.content.ref_number}` } as never,
      }),
    );
    if (!result.ok) throw new Error(`raw POST failed: ${result.failure.kind}`);
  });
}

function postingFigures(
  dayCount: number,
  methodsUsed: number,
  outcomes: readonly PostingOutcome[],
  postMs: number,
  rawMs: number,
): BenchFigure[] {
  const calls = outcomes.reduce((sum, o) => sum + o.calls, 0);
  const writes = outcomes.reduce((sum, o) => sum + o.writes, 0);
  const mastersCreated = writes - methodsUsed;
  const callsPerDay = calls / dayCount;
  const allowedPerDay = (methodsUsed + 2 * dayCount) / dayCount;
  process.stdout.write(
    `posted ${dayCount} store-days: ${methodsUsed} deals, ${calls} freee calls (${writes} writes, of which ${mastersCreated} 品目/取引先 created once per 事業所), concurrency ${concurrency}\n`,
  );
  return [
    {
      name: `post ${dayCount} store-days (use case, ${concurrency} at a time)`,
      value: postMs,
      unit: 'ms',
      baselineName: 'raw POST /deals of the same bodies',
      baselineValue: rawMs,
      target: `≤ ${targetMs} ms and ≤ ${targetRatio}× baseline`,
      met: postMs <= targetMs && postMs <= targetRatio * rawMs,
    },
    {
      name: 'freee calls per store-day',
      value: callsPerDay,
      unit: 'calls',
      baselineName: 'payment methods used + 2',
      baselineValue: allowedPerDay,
      target: '≤ methods used + 2',
      met: calls - mastersCreated <= methodsUsed + 2 * dayCount,
    },
  ];
}

export const postingBench: Bench = {
  name: 'posting',
  run: async () => {
    const database = await createScratchDatabase(serverUrlFromEnv(), 'uriage_bench_posting');
    const pool = createPool(database.url, 20);
    const sandbox = await startSandboxServer({ pool, clock: systemClock, port: 0 });
    try {
      await runMigrations(pool, allMigrationSets);
      const keyText = generateSecretKeyText();
      const world = await createWorld(pool, keyText, storeCount);
      const allDays = storeDays(
        20250110,
        world.stores.map((s) => s.storeCode),
        datesBefore(new Date().toISOString().slice(0, 10), warmupDates + dayCount),
      );
      await closeAll(pool, world.companyId, allDays);
      const warmup = allDays.slice(0, warmupDates * storeCount);
      const days = allDays.slice(warmupDates * storeCount);
      const services = buildServices({
        pool,
        clock: systemClock,
        logger: silentLogger,
        postingTimings: postingTimings(),
      });
      services.freee = createFreeeRuntime({
        pool,
        clock: systemClock,
        logger: silentLogger,
        secretBox: createSecretBox(parseSecretKey(keyText)),
        publicUrl: faultRunPublicUrl,
        freee: null,
        sandbox: { baseUrl: sandbox.url },
      });
      // As the job runs it: a 事業所's masters reused a short while (company-info-cache.ts).
      const deps = { ...postingDepsOf(services), companyInfo: createCompanyInfoCache() };
      await postAll(deps, world.companyId, warmup);
      // The phases alternate by blocks of dates: the use case, then the raw POSTs of the deals it
      // just wrote; one settle before the first, none between (see the top of this file).
      const runtime = services.freee;
      const outcomes: PostingOutcome[] = [];
      let postMs = 0;
      let rawMs = 0;
      let deals = 0;
      await settle(pool);
      for (const block of blocksOf(days, timedBlocks)) {
        const used = await postAll(deps, world.companyId, block);
        outcomes.push(...used.outcomes);
        postMs += used.postMs;
        const { rows } = await pool.query<{ store_id: string; content: DealContent }>(
          `select d.store_id, d.content from posted_deals d
            where d.company_id = $1 and d.business_date between $2::date and $3::date`,
          [world.companyId, block[0]?.businessDate, block.at(-1)?.businessDate],
        );
        deals += rows.length;
        rawMs += await rawPostMs(
          (storeId) => runtime.clientForStore(world.companyId, storeId),
          world.stores.map((store) => store.storeId),
          rows,
        );
      }
      return postingFigures(days.length, deals, outcomes, postMs, rawMs);
    } finally {
      await sandbox.close();
      await pool.end();
      await database.drop();
    }
  },
};
