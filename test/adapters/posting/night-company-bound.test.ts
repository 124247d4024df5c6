// Goal: the bound on one company's posting runs holds across worker PROCESSES (issue 15): 2
// `uriage worker` processes, each allowed 4 runs of a company (8 together), against a sandbox with
// freee's latency, day caps and 8 concurrent requests per 事業所 — yet no company ever has more than
// URIAGE_POSTING_COMPANY_RUNS_MAX (2) freee calls in flight; every store-day is 送信済 exactly once
// (0 duplicates, 0 missing, invariants 1–6), and the small chains are not starved by the big one.
// Midway one worker is killed (SIGKILL, not restarted): the other posts the rest, the killed one's
// store-days included once their lease and job expire (no head-of-line blocking).
// A call of the killed worker stops counting as in flight when its connection closes (the
// sandbox releases its slot): no live process can bound what a dead one left at freee.
// Method: test/support/night (the engine of `npx tsx scripts/night-run.ts`) at a small scale: one
// chain of 60 stores and 5 small ones, the 2-hour night compressed 60 times. Needs a PostgreSQL
// server (DATABASE_URL): the embedded database is one process, where the per-process gate suffices.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { runNight } from '../../support/night/run.js';

const onServer = Boolean(process.env.DATABASE_URL);
let db: TestDatabase | undefined;

before(async () => {
  if (onServer) db = await openTestDatabase();
});
after(async () => db?.close());

test(
  'night on 2 worker processes, one killed: at most 2 runs of a company at once, every day posted once',
  { timeout: 15 * 60_000, skip: onServer ? false : 'needs DATABASE_URL (several processes)' },
  async (t) => {
    const database = db as TestDatabase;
    const companyRunsMax = 2;
    const result = await runNight({
      pool: database.pool,
      connectionString: database.connectionString,
      companies: 6,
      bigChainStores: 60,
      storesMax: 8,
      seed: 21,
      workers: 2,
      timeFactor: 60,
      perProcess: 6,
      perCompany: 4,
      companyRunsMax,
      latencyMedianMs: 150,
      deadlineMs: 10 * 60_000,
      killOneWorkerAtPosted: 25,
    });
    const { violations, notPosted, ...figures } = result;
    const summary = JSON.stringify({ ...figures, notPosted, violations: violations.slice(0, 5) });
    t.diagnostic(summary);
    assert.deepEqual(notPosted, [], summary);
    assert.equal(result.postedDays, result.storeDays, summary);
    assert.equal(result.duplicateDeals, 0, summary);
    assert.equal(result.missingDeals, 0, summary);
    assert.equal(result.unexpectedDeals, 0, summary);
    assert.equal(result.daysWithViolations, 0, summary);
    assert.equal(result.companiesOverCap, 0, summary);
    assert.equal(result.companiesOverRuns, 0, summary);
    assert.ok(result.afterKillWallSeconds !== null, summary);
    assert.ok(result.inFlightPeak >= 1 && result.inFlightPeak <= companyRunsMax, summary);
    // Fairness: no small chain's store-day waits longer than the big chain's longest.
    assert.ok(result.smallChainsMaxMin < result.bigChainMaxMin, summary);
  },
);
