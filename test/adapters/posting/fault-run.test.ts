// Goal: posting.md invariant 7 under fire, end to end with real processes: store-days of random
// checkouts posted by `uriage worker` child processes through a sandbox with faults of every kind at
// rate 0.3 (responses lost after the write included), workers SIGKILLed at random moments → every
// store-day posted, 0 duplicate deals, 0 missing, invariants 1–6 hold on the books.
// Method: test/support/fault-run (the same engine as `npx tsx scripts/fault-run.ts`, which runs the
// full 1,000 store-days / 20 kills). Size here: POSTING_FAULT_STORE_DAYS (60), POSTING_FAULT_KILLS (3).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { runFaultRun } from '../../support/fault-run/run.js';

const storeDays = Number(process.env.POSTING_FAULT_STORE_DAYS ?? '60');
const kills = Number(process.env.POSTING_FAULT_KILLS ?? '3');
let db: TestDatabase;

before(async () => {
  db = await openTestDatabase();
});
after(async () => db?.close());

test(
  `${storeDays} store-days, faults at rate 0.3, ${kills} worker kills: each day posted exactly once`,
  { timeout: 20 * 60_000 },
  async () => {
    const result = await runFaultRun({
      pool: db.pool,
      connectionString: db.connectionString,
      storeDays,
      stores: Math.max(1, Math.ceil(storeDays / 10)),
      kills,
      workers: 2,
      rate: 0.3,
      seed: 11,
      deadlineMs: 15 * 60_000,
    });
    const summary = JSON.stringify({
      ...result,
      violations: result.violations.slice(0, 5),
      notPosted: result.notPosted.slice(0, 5),
    });
    assert.deepEqual(result.notPosted, [], summary);
    assert.equal(result.postedDays, storeDays, summary);
    assert.equal(result.duplicateDeals, 0, summary);
    assert.equal(result.missingDeals, 0, summary);
    assert.equal(result.unexpectedDeals, 0, summary);
    assert.equal(result.daysWithViolations, 0, summary);
    assert.equal(result.workerKills, kills, summary);
    assert.ok(
      (result.faultsFired.reset_after_write ?? 0) +
        (result.faultsFired['5xx'] ?? 0) +
        (result.faultsFired.timeout ?? 0) >
        0,
      summary,
    );
  },
);
