// Goal: the job runtime hands each outbox event to each consumer exactly once (even when dispatch
// runs concurrently and repeatedly), runs the handler through pg-boss, and retries a failing job.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../../src/app/clock.js';
import type { JobModule } from '../../../src/app/jobs/module.js';
import { startJobRuntime, type JobRuntime } from '../../../src/main/job-runtime.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { waitFor } from '../../support/wait.js';

let db: TestDatabase;
let runtime: JobRuntime;
const handled: { data: { eventId: string }; retryCount: number }[] = [];
let failuresLeft = 1;

const module: JobModule = {
  name: 'test',
  queues: [
    {
      name: 'test-echo',
      policy: 'standard',
      retryLimit: 3,
      retryDelaySeconds: 1,
      expireInSeconds: 60,
    },
  ],
  consumers: [
    {
      name: 'test-echo',
      eventType: 'day.closed',
      toJob: (event) => ({ queue: 'test-echo', data: { eventId: event.id } }),
    },
  ],
  registerWorkers: async (queue) => {
    await queue.work<{ eventId: string }>('test-echo', async (data, job) => {
      if (data.eventId === failing && failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('first attempt fails');
      }
      handled.push({ data, retryCount: job.retryCount });
    });
  },
};
let failing = '';

before(async () => {
  db = await openTestDatabase();
  const clock = fixedClock('2025-01-10T22:00:00+09:00');
  runtime = await startJobRuntime({
    connectionString: db.connectionString,
    pool: db.pool,
    clock,
    logger: silentLogger,
    modules: [module],
    pollingIntervalSeconds: 0.5,
    dispatchIntervalMs: 60_000,
  });
  await runtime.startWorkers();
});
after(async () => {
  await runtime?.stop();
  await db?.close();
});

const dayClosedPayload = JSON.stringify({
  closeId: '00000000-0000-0000-0000-000000000000',
  companyId: 'j',
  storeCode: '0001',
  businessDate: '2025-01-10',
  version: 1,
});

test('each event is dispatched once and handled; a failing job is retried', async () => {
  const company = await db.pool.query(
    `insert into companies (code, name, created_at, updated_at) values ('j', 'J', now(), now()) returning id`,
  );
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const row = await db.pool.query(
      `insert into domain_events (company_id, type, payload, created_at) values ($1, 'day.closed', $2, now()) returning id`,
      [company.rows[0].id, dayClosedPayload],
    );
    ids.push(row.rows[0].id);
  }
  await db.pool.query(
    `insert into domain_events (company_id, type, payload, created_at) values ($1, 'other.type', '{}', now())`,
    [company.rows[0].id],
  );
  failing = ids[1] ?? '';
  const counts = await Promise.all([
    runtime.dispatchNow(),
    runtime.dispatchNow(),
    runtime.dispatchNow(),
  ]);
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    3,
    'three events, dispatched once in all',
  );
  assert.equal(await runtime.dispatchNow(), 0);
  await waitFor(() => handled.length === 3, 20_000);
  assert.deepEqual(handled.map((h) => h.data.eventId).sort(), [...ids].sort());
  assert.equal(handled.find((h) => h.data.eventId === failing)?.retryCount, 1);
});
