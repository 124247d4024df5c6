// Goal: posting runs as a job: a close writes `day.closed`, the outbox hands it to the posting module,
// the pg-boss worker posts the day, and a re-close posts exactly the difference; a run that must
// wait (throttle) queues its next job with startAfter ≥ 10 minutes; 再実行 of a range queues one
// job per closed day, never two for the same store-day (singletonKey, policy stately).
// Method: the real job runtime over the test database, the sandbox over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requestPosting } from '../../../src/app/posting/requests.js';
import { postingTimings } from '../../../src/app/posting/timings.js';
import { startJobRuntime, type JobRuntime } from '../../../src/main/job-runtime.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { postingDepsOf, postingRequestDepsOf } from '../../support/deps.js';
import { postingJobModule } from '../../../src/app/posting/jobs.js';
import { createFaultPlan } from '../../../src/sandbox/index.js';
import {
  booksViolations,
  checkout,
  closeOf,
  ingest,
  item,
  ofStore,
  dealsOn,
  startPostingHarness,
  type PostingHarness,
} from './support.js';
import { waitFor } from '../../support/wait.js';

const faults = createFaultPlan();
let h: PostingHarness;
let runtime: JobRuntime;

const statusOf = async (date: string) =>
  (
    await h.app.db.pool.query<{ status: string; posted_version: number | null }>(
      'select status, posted_version from posting_days where business_date = $1',
      [date],
    )
  ).rows[0];

before(async () => {
  h = await startPostingHarness({ faults });
  const timings = postingTimings({ scale: 0.001, requestTimeoutMs: 2_000 });
  h.app.services.postingTimings = timings;
  runtime = await startJobRuntime({
    connectionString: h.app.db.connectionString,
    pool: h.app.db.pool,
    clock: h.app.clock,
    logger: silentLogger,
    modules: [
      postingJobModule(() => postingDepsOf(h.app.services, timings), timings, { perProcess: 2 }),
    ],
    pollingIntervalSeconds: 0.5,
    dispatchIntervalMs: 60_000,
  });
  h.app.services.jobs = runtime.queue;
  await runtime.startWorkers();
});
after(async () => {
  await runtime?.stop();
  await h?.close();
});

describe('posting at the close, through the outbox and pg-boss', () => {
  const date = '2025-01-10';
  it('the close posts the day; the re-close posts the difference', async () => {
    await ingest(h, [
      checkout(
        'j1',
        '0001',
        date,
        [item(1100, 'standard10')],
        [{ method: 'credit', amount: 1100 }],
      ),
    ]);
    await closeOf(h, '0001', date, 0, 0);
    assert.equal(await runtime.dispatchNow(), 1);
    await waitFor(async () => (await statusOf(date))?.status === 'posted', 20_000);
    await ingest(h, [
      checkout('j2', '0001', date, [item(800, 'reduced8')], [{ method: 'cash', amount: 800 }]),
    ]);
    const { version, report } = await closeOf(h, '0001', date, 0, 800);
    assert.equal(await runtime.dispatchNow(), 1);
    await waitFor(async () => (await statusOf(date))?.posted_version === version, 20_000);
    assert.equal((await statusOf(date))?.status, 'posted');
    assert.deepEqual((await booksViolations(h, report)).violations, []);
    assert.equal(ofStore(await dealsOn(h, date), '0001', date).length, 2);
  });
  it('a throttled run queues its retry with startAfter at least 10 minutes away', async () => {
    const date2 = '2025-01-14';
    h.app.services.postingTimings = postingTimings();
    try {
      await ingest(h, [
        checkout(
          'j3',
          '0001',
          date2,
          [item(1100, 'standard10')],
          [{ method: 'cash', amount: 1100 }],
        ),
      ]);
      await closeOf(h, '0001', date2, 0, 1100);
      faults.next('throttle');
      await runtime.dispatchNow();
      await waitFor(async () => (await statusOf(date2))?.status === 'retry_wait', 20_000);
      await waitFor(async () => {
        const { rows } = await h.app.db.pool.query<{ n: number }>(
          `select count(*)::int as n from pgboss.job where name = 'posting-store-day' and state = 'created' and singleton_key like $1`,
          [`%:${date2}`],
        );
        return (rows[0]?.n ?? 0) === 1;
      }, 10_000);
      const { rows } = await h.app.db.pool.query<{ wait_s: number }>(
        `select extract(epoch from (start_after - now()))::int as wait_s from pgboss.job where name = 'posting-store-day' and state = 'created' and singleton_key like $1`,
        [`%:${date2}`],
      );
      assert.ok((rows[0]?.wait_s ?? 0) >= 9 * 60, `waits ${rows[0]?.wait_s}s`);
    } finally {
      faults.reset();
      h.app.services.postingTimings = postingTimings({ scale: 0.001, requestTimeoutMs: 2_000 });
    }
  });
  it('再実行 of a range queues each closed day once; a day still waiting is not queued twice', async () => {
    const deps = postingRequestDepsOf(h.app.services);
    const requested = await requestPosting(deps, {
      companyId: h.companyId,
      storeCode: '0001',
      from: '2025-01-09',
      to: '2025-01-14',
    });
    assert.deepEqual(
      requested.filter((r) => r.reason === 'not_closed').map((r) => r.businessDate),
      ['2025-01-09', '2025-01-11', '2025-01-12', '2025-01-13'],
    );
    assert.deepEqual(
      requested.find((r) => r.businessDate === '2025-01-14')?.reason,
      'already_waiting',
    );
    assert.ok(requested.find((r) => r.businessDate === '2025-01-10'));
    await waitFor(async () => (await statusOf('2025-01-10'))?.status === 'posted', 20_000);
  });
});
