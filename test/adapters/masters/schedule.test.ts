// Goal: the schedule per company — admin only, hour 0–23 (Asia/Tokyo), a usable freee connection,
// the notify address; errors name the field in Japanese and nothing is saved; the hourly cron tick
// enqueues exactly the companies due at that JST hour, and their job runs as 'schedule'.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../src/app/errors.js';
import {
  enqueueDueSyncs,
  mastersJobModule,
  mastersSyncQueue,
} from '../../../src/app/masters/jobs.js';
import { saveMasterSchedule } from '../../../src/app/masters/schedule.js';
import { memoryQueue } from '../report/support.js';
import { startMastersHarness, type MastersHarness } from './support.js';

let h: MastersHarness;
const admin = () => ({
  companyId: h.companyId,
  staffId: null,
  role: 'admin' as const,
  label: '管理者',
});
const scheduleDeps = () => ({
  store: h.store,
  connections: h.deps().connections,
  clock: h.app.clock,
});
const input = () => ({
  enabled: true,
  hour: '4',
  connectionId: h.connected.connection.id,
  notifyEmail: 'owner@example.jp',
});

before(async () => {
  h = await startMastersHarness({ now: '2025-01-10T04:00:00+09:00' });
});
after(async () => {
  await h.close();
});

test('only an admin may change the schedule', async () => {
  await assert.rejects(
    saveMasterSchedule(scheduleDeps(), { ...admin(), role: 'manager' }, input()),
    (error: unknown) => error instanceof AppError && error.kind === 'forbidden',
  );
  assert.equal(await h.store.readSchedule(h.companyId), null);
});

test('bad input: each field named in Japanese, nothing saved', async () => {
  await assert.rejects(
    saveMasterSchedule(scheduleDeps(), admin(), {
      ...input(),
      hour: '24',
      connectionId: '00000000-0000-0000-0000-000000000000',
      notifyEmail: 'owner@',
    }),
    (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.deepEqual(
        error.fields.map((f) => f.path),
        ['hour', 'connectionId', 'notifyEmail'],
      );
      assert.match(error.fields[0]?.message ?? '', /実行時刻は0〜23時/);
      assert.match(error.fields[1]?.message ?? '', /freee連携/);
      assert.match(error.fields[2]?.message ?? '', /通知先メールアドレス/);
      return true;
    },
  );
  assert.equal(await h.store.readSchedule(h.companyId), null);
});

test('the cron tick enqueues the companies due at this JST hour; the job runs as a scheduled run', async () => {
  const saved = await saveMasterSchedule(scheduleDeps(), admin(), input());
  assert.equal(saved.enabledByLabel, '管理者');
  const queue = memoryQueue();
  h.app.clock.set('2025-01-10T03:00:00+09:00');
  assert.equal(await enqueueDueSyncs(h.deps(), queue), 0, 'not due at 3時');
  h.app.clock.set('2025-01-10T04:00:00+09:00');
  assert.equal(await enqueueDueSyncs(h.deps(), queue), 1, 'due at 4時 (19:00 UTC the day before)');
  assert.equal(queue.jobs[0]?.name, mastersSyncQueue);
  await saveMasterSchedule(scheduleDeps(), admin(), { ...input(), enabled: false });
  assert.equal(await enqueueDueSyncs(h.deps(), queue), 0, 'disabled');
  const module = mastersJobModule(() => h.deps());
  await module.registerWorkers(queue);
  await queue.drain();
  const runs = await h.store.listRuns(h.companyId, 5);
  assert.equal(runs.length, 1);
  assert.equal(runs[0]?.trigger, 'schedule');
  assert.equal(runs[0]?.status, 'succeeded');
});
