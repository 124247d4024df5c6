// The posting fault run at full size (issue 6 acceptance): 1,000 store-days of random checkouts,
// sandbox faults of every kind at rate 0.3 (responses lost after the write included), `uriage worker`
// processes SIGKILLed 20 times at random moments. Prints the counts; exit 1 unless every store-day
// is posted with its books intact (0 duplicates, 0 missing, no invariant violation).
//   npx tsx scripts/fault-run.ts        (PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
// Knobs (environment): FAULT_RUN_STORE_DAYS (1000), FAULT_RUN_STORES (20), FAULT_RUN_KILLS (20),
// FAULT_RUN_WORKERS (4), FAULT_RUN_RATE (0.3), FAULT_RUN_SEED (7), FAULT_RUN_DEADLINE_MIN (60).
// A fresh database is created on the server and dropped afterwards (FAULT_RUN_KEEP_DB=1 keeps it).
import { runMigrations } from '../src/adapters/db/migrate.js';
import { createPool } from '../src/adapters/db/pool.js';
import { allMigrationSets } from '../src/main/migration-sets.js';
import { createScratchDatabase, serverUrlFromEnv } from '../test/support/database.js';
import { runFaultRun } from '../test/support/fault-run/run.js';

const number = (name: string, fallback: number) =>
  process.env[name] ? Number(process.env[name]) : fallback;

const database = await createScratchDatabase(serverUrlFromEnv(), 'uriage_fault');
const pool = createPool(database.url, 10);
let failed: boolean;
try {
  await runMigrations(pool, allMigrationSets);
  const result = await runFaultRun({
    pool,
    connectionString: database.url,
    storeDays: number('FAULT_RUN_STORE_DAYS', 1000),
    stores: number('FAULT_RUN_STORES', 20),
    kills: number('FAULT_RUN_KILLS', 20),
    workers: number('FAULT_RUN_WORKERS', 4),
    rate: number('FAULT_RUN_RATE', 0.3),
    seed: number('FAULT_RUN_SEED', 7),
    deadlineMs: number('FAULT_RUN_DEADLINE_MIN', 60) * 60_000,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const { notPosted, violations, ...counts } = result;
  process.stdout.write(
    `\n${JSON.stringify({ ...counts, notPosted: notPosted.length }, null, 2)}\n`,
  );
  if (notPosted.length > 0)
    process.stdout.write(`not posted: ${JSON.stringify(notPosted.slice(0, 20))}\n`);
  for (const line of violations) process.stdout.write(`violation: ${line}\n`);
  failed =
    notPosted.length +
      result.duplicateDeals +
      result.missingDeals +
      result.unexpectedDeals +
      result.daysWithViolations >
    0;
  process.stdout.write(
    failed
      ? 'FAULT RUN FAILED\n'
      : 'FAULT RUN OK: every store-day posted exactly once, invariants hold\n',
  );
} finally {
  await pool.end();
  if (!process.env.FAULT_RUN_KEEP_DB) await database.drop();
}
process.exitCode = failed ? 1 : 0;
