// Goal (issue 11 item 2): the master-sync schedule runs through a real pg-boss. Registering the
// module creates pg-boss's cron row (pgboss.schedule: the hourly tick, Asia/Tokyo); the tick of the
// hour a company chose (Asia/Tokyo) queues that company's sync, which runs with trigger 'schedule';
// after the schedule is disabled the same tick queues nothing. (pg-boss 10 keeps one cron per queue
// name, so the per-company hour lives in Uriage's schedule table and the hourly tick reads it —
// docs/masters.md.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import {
  mastersJobModule,
  mastersSyncQueue,
  mastersTickCron,
  mastersTickQueue,
} from '../../../src/app/masters/jobs.js';
import type { MasterSchedule } from '../../../src/app/masters/ports.js';
import { startJobRuntime, type JobRuntime } from '../../../src/main/job-runtime.js';
import { waitFor } from '../../support/wait.js';
import { startMastersHarness, type MastersHarness } from './support.js';

let h: MastersHarness;
let runtime: JobRuntime;

before(async () => {
  // 05:10 in Tokyo (20:10 UTC the day before).
  h = await startMastersHarness({ now: '2025-01-10T05:10:00+09:00', seed: { partners: 3 } });
  runtime = await startJobRuntime({
    connectionString: h.app.db.connectionString,
    pool: h.app.db.pool,
    clock: h.app.clock,
    logger: silentLogger,
    modules: [mastersJobModule(() => h.deps())],
    pollingIntervalSeconds: 0.5,
    dispatchIntervalMs: 60_000,
  });
  await runtime.startWorkers();
});
after(async () => {
  await runtime?.stop();
  await h?.close();
});

const schedule = (enabled: boolean, hour: number): MasterSchedule => ({
  companyId: h.companyId,
  enabled,
  hour,
  connectionId: h.connected.connection.id,
  enabledByStaffId: null,
  enabledByLabel: '管理者',
  notifyEmail: 'owner@example.jp',
  updatedAt: h.app.clock.now(),
});

const jobs = async (name: string, state?: string) =>
  (
    await h.app.db.pool.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = $1 and ($2::text is null or state::text = $2)`,
      [name, state ?? null],
    )
  ).rows[0]?.n ?? -1;

async function tick(): Promise<void> {
  const before = await jobs(mastersTickQueue, 'completed');
  await runtime.queue.enqueue(mastersTickQueue, {});
  await waitFor(async () => (await jobs(mastersTickQueue, 'completed')) > before, 30_000);
}

test('the cron row is in pg-boss: hourly, Asia/Tokyo', async () => {
  const rows = await h.app.db.pool.query<{ cron: string; timezone: string }>(
    'select cron, timezone from pgboss.schedule where name = $1',
    [mastersTickQueue],
  );
  assert.deepEqual(rows.rows, [{ cron: mastersTickCron, timezone: 'Asia/Tokyo' }]);
  assert.equal(mastersTickCron, '0 * * * *');
});

test("the tick of the company's hour (Tokyo) queues its sync; it runs as 'schedule'", async () => {
  await h.store.saveSchedule(schedule(true, 6));
  await tick();
  assert.equal(await jobs(mastersSyncQueue), 0, 'not at 05:00 when the hour is 6');
  await h.store.saveSchedule(schedule(true, 5));
  await tick();
  assert.equal(await jobs(mastersSyncQueue), 1);
  await waitFor(async () => (await jobs(mastersSyncQueue, 'completed')) === 1, 60_000);
  const runs = await h.store.listRuns(h.companyId, 10);
  assert.deepEqual(
    runs.map((r) => [r.trigger, r.status]),
    [['schedule', 'succeeded']],
  );
});

test('after disabling, the same tick queues nothing', async () => {
  await h.store.saveSchedule(schedule(false, 5));
  await tick();
  assert.equal(await jobs(mastersSyncQueue), 1);
});
