// Goal: several worker processes starting at once on a fresh database all get their queues. Each
// creates every queue (pg-boss: a row and a partition per queue); on a PostgreSQL server two such
// creations can deadlock, and PostgreSQL then fails one — the adapter tries again (bounded), so no
// worker dies at start (seen in the night run: 1 of 4 `uriage worker` exited with "deadlock detected").
// Method: four pg-boss queues started concurrently on a fresh test database; each must start, and
// each can enqueue and fetch the posting queue's jobs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { postingQueues } from '../../../src/app/posting/jobs.js';
import { postingQueueName } from '../../../src/app/posting/requests.js';
import { postingTimings } from '../../../src/app/posting/timings.js';
import type { JobQueue } from '../../../src/app/jobs/ports.js';
import { startPgBossQueue } from '../../../src/adapters/jobs/pg-boss-queue.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { waitFor } from '../../support/wait.js';

let db: TestDatabase;
const queues: JobQueue[] = [];

before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  for (const queue of queues) await queue.stop();
  await db.close();
});

test('four queues started at once on a fresh database all start and work', async () => {
  const definitions = postingQueues(postingTimings({ scale: 0.01, requestTimeoutMs: 100 }));
  const started = await Promise.allSettled(
    [1, 2, 3, 4].map(() =>
      startPgBossQueue({
        connectionString: db.connectionString,
        logger: silentLogger,
        queues: definitions,
        pollingIntervalSeconds: 0.5,
        connectionsMax: 2,
      }),
    ),
  );
  for (const result of started) if (result.status === 'fulfilled') queues.push(result.value);
  assert.deepEqual(
    started.map((r) => r.status),
    ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'],
  );
  const seen: number[] = [];
  for (const [n, queue] of queues.entries())
    await queue.work<{ n: number }>(postingQueueName, async (data) => {
      seen.push(data.n * 10 + n);
    });
  for (const n of [1, 2, 3, 4])
    await queues[0]?.enqueue(postingQueueName, { n }, { singletonKey: `post:test:${n}` });
  await waitFor(() => seen.length === 4, 20_000);
  assert.deepEqual(seen.map((v) => Math.floor(v / 10)).sort(), [1, 2, 3, 4]);
});
