// The night (issue 15 item 2): chains close their stores between 23:00 and 01:00 of a simulated
// night; `uriage worker` processes post them to a sandbox with freee's latency, day caps by plan,
// 403 lock-outs and bounded concurrency on (test/support/night/run.ts). Prints the figures and the
// books' verdict; exit 1 unless every store-day is 送信済 exactly once with its invariants.
//   npx tsx scripts/night-run.ts        (PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
// Full scale (the issue): NIGHT_COMPANIES=500 NIGHT_STORES=10000 NIGHT_BIG_CHAIN=1000 NIGHT_STORES_MAX=80 NIGHT_WORKERS=4
// The world is kept between runs as a template database (test/support/night/template.ts): build
// it once, then each run copies it (NIGHT_REBUILD=1 builds it again, NIGHT_BUILD_ONLY=1 only builds; drop `uriage_nightw_*` to free space).
// Knobs (environment, defaults = a reduced scale that fits a shared 2-core machine):
//   NIGHT_COMPANIES (20), NIGHT_BIG_CHAIN (100), NIGHT_STORES_MAX (80), NIGHT_WORKERS (4),
//   NIGHT_TIME_FACTOR (30: 2 simulated hours in 4 wall minutes), NIGHT_PER_PROCESS (8),
//   NIGHT_PER_COMPANY (2), NIGHT_COMPANY_RUNS (4: over all workers), NIGHT_LATENCY_MS (150), NIGHT_SEED (15), NIGHT_DEADLINE_MIN (30).
import { createPool } from '../src/adapters/db/pool.js';
import { serverUrlFromEnv } from '../test/support/database.js';
import { runNight } from '../test/support/night/run.js';
import { nightWorldCopy } from '../test/support/night/template.js';

const number = (name: string, fallback: number) =>
  process.env[name] ? Number(process.env[name]) : fallback;

const log = (line: string) =>
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const shape = {
  companies: number('NIGHT_COMPANIES', 20),
  bigChainStores: number('NIGHT_BIG_CHAIN', 100),
  storesMax: number('NIGHT_STORES_MAX', 80),
  seed: number('NIGHT_SEED', 15),
  ...(process.env.NIGHT_STORES ? { totalStores: number('NIGHT_STORES', 0) } : {}),
};
// The world (chains connected, checkouts ingested) is built once per shape and date, kept as a
// template database, and copied for each run (NIGHT_REBUILD=1 builds it again).
const database = await nightWorldCopy(serverUrlFromEnv(), shape, log, {
  rebuild: process.env.NIGHT_REBUILD === '1',
});
if (process.env.NIGHT_BUILD_ONLY === '1') {
  await database.drop();
  process.exit(0);
}
const pool = createPool(database.url, 10);
let failed: boolean;
try {
  const result = await runNight({
    pool,
    connectionString: database.url,
    prepared: database.prepare(pool),
    ...shape,
    workers: number('NIGHT_WORKERS', 4),
    timeFactor: number('NIGHT_TIME_FACTOR', 30),
    perProcess: number('NIGHT_PER_PROCESS', 8),
    perCompany: number('NIGHT_PER_COMPANY', 2),
    companyRunsMax: number('NIGHT_COMPANY_RUNS', 4),
    latencyMedianMs: number('NIGHT_LATENCY_MS', 150),
    deadlineMs: number('NIGHT_DEADLINE_MIN', 30) * 60_000,
    log,
  });
  const { notPosted, violations, ...figures } = result;
  process.stdout.write(
    `\n${JSON.stringify({ ...figures, notPosted: notPosted.length }, null, 2)}\n`,
  );
  if (notPosted.length > 0)
    process.stdout.write(`not posted: ${JSON.stringify(notPosted.slice(0, 20))}\n`);
  for (const line of violations) process.stdout.write(`violation: ${line}\n`);
  failed =
    notPosted.length +
      result.duplicateDeals +
      result.missingDeals +
      result.unexpectedDeals +
      result.daysWithViolations +
      result.companiesOverCap +
      result.companiesOverRuns >
    0;
  process.stdout.write(
    failed ? 'NIGHT FAILED\n' : 'NIGHT OK: every store-day posted exactly once\n',
  );
} finally {
  await pool.end();
  if (!process.env.NIGHT_KEEP_DB) await database.drop();
}
process.exitCode = failed ? 1 : 0;
