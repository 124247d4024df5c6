// Goal: a worker killed in the middle of a posting job does not stall the other store-days. The
// killed worker's job stays "active" in pg-boss until it expires (minutes); meanwhile another job of
// the same store-day (its retry, a re-close) becomes due, queued before other companies' jobs.
// Method: real pg-boss on the test database, the posting queues as declared (postingQueues); a
// handler that never returns for store-day K plays the killed worker; then a job for K and a job
// for store-day L are queued. On the posting queue (policy short) both run within seconds (the
// run's lease, not the queue, keeps runs of K apart). The same scenario on the legacy `stately`
// queue shows the stall this replaces: every fetch fails, L waits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { postingQueues } from '../../../src/app/posting/jobs.js';
import { postingLegacyQueueName, postingQueueName } from '../../../src/app/posting/requests.js';
import { postingTimings } from '../../../src/app/posting/timings.js';
import type { JobQueue } from '../../../src/app/jobs/ports.js';
import { startPgBossQueue } from '../../../src/adapters/jobs/pg-boss-queue.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { waitFor } from '../../support/wait.js';

let db: TestDatabase;
let queue: JobQueue;
let releaseKilled: () => void = () => {};
const killed = new Promise<void>((resolve) => (releaseKilled = resolve));
const handled: Record<string, string[]> = { [postingQueueName]: [], [postingLegacyQueueName]: [] };

interface Data {
  day: string;
  attempt: number;
}

before(async () => {
  db = await openTestDatabase();
  queue = await startPgBossQueue({
    connectionString: db.connectionString,
    logger: silentLogger,
    queues: postingQueues(postingTimings({ scale: 0.01, requestTimeoutMs: 100 })),
    pollingIntervalSeconds: 0.5,
  });
  for (const name of [postingQueueName, postingLegacyQueueName])
    await queue.work<Data>(
      name,
      async (data) => {
        if (data.day === 'K' && data.attempt === 1) return killed; // the killed worker's run
        handled[name]?.push(`${data.day}${data.attempt}`);
      },
      { concurrency: 2 },
    );
});

after(async () => {
  releaseKilled();
  await queue.stop();
  await db.close();
});

async function scenario(name: string): Promise<void> {
  await queue.enqueue<Data>(name, { day: 'K', attempt: 1 }, { singletonKey: `${name}:K` });
  await waitFor(async () => {
    const rows = await db.pool.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = $1 and state = 'active'`,
      [name],
    );
    return (rows.rows[0]?.n ?? 0) === 1;
  }, 20_000);
  await queue.enqueue<Data>(name, { day: 'K', attempt: 2 }, { singletonKey: `${name}:K` });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await queue.enqueue<Data>(name, { day: 'L', attempt: 1 }, { singletonKey: `${name}:L` });
}

test('posting queue: a store-day held by a killed worker blocks nobody', async () => {
  await scenario(postingQueueName);
  await waitFor(() => (handled[postingQueueName] ?? []).length === 2, 20_000);
  assert.deepEqual([...(handled[postingQueueName] ?? [])].sort(), ['K2', 'L1']);
});

test('legacy stately queue (for contrast): the same situation stalls every other job', async () => {
  await scenario(postingLegacyQueueName);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  assert.deepEqual(handled[postingLegacyQueueName], [], 'L waits behind K while K is active');
});
