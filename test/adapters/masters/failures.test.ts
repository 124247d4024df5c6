// Goal: each row of seed 003's failure table, against sandbox faults (spec master-sync.md
// "Failure semantics"): maintenance stops the run and the next one continues without duplicates;
// a throttle lock-out pauses and resumes within a limit; a run due while one runs is skipped; a
// disconnection during the run keeps what was imported; an auth error before anything is imported
// means not run, with what to do; a connection gone before the run is 対象外.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { disconnectConnection } from '../../../src/app/freee/connect.js';
import { mastersMessages } from '../../../src/app/masters/messages.js';
import { startMastersHarness, type MastersHarness } from './support.js';

let h: MastersHarness;

before(async () => {
  h = await startMastersHarness({ seed: { partners: 1_200, updateDate: '2025-01-01' } });
});
after(async () => {
  await h.close();
});
beforeEach(async () => {
  h.hook.before = null;
  h.faults.reset();
  await h.app.runtime.store.markStatus(
    h.connected.connection.id,
    { generation: null, status: 'connected', code: null, message: null },
    h.app.clock.now(),
  );
});

const atPartnersPage = (offset: number, act: () => void | Promise<void>) => {
  h.hook.before = async (request) => {
    if (request.master === 'partners' && request.offset === offset) await act();
  };
};
const partnersOf = (outcome: Awaited<ReturnType<MastersHarness['sync']>>) =>
  outcome.results.find((r) => r.master === 'partners');

test('maintenance (503) mid-run: the run stops, imported partners count, the next run completes without duplicates', async () => {
  let fired = false;
  atPartnersPage(500, () => {
    if (!fired) h.faults.next('maintenance');
    fired = true;
  });
  const stopped = await h.sync({ masters: ['partners', 'items', 'tags'] });
  assert.equal(stopped.status, 'stopped');
  assert.match(stopped.reason ?? '', /メンテナンス/);
  assert.deepEqual(
    stopped.results.map((r) => [r.master, r.succeeded]),
    [['partners', 500]],
    'the run stops at partners; items and tags are not read',
  );
  assert.equal((await h.rows('partners')).length, 500, 'what was imported stays');
  const next = await h.sync({ masters: ['partners', 'items', 'tags'] });
  assert.equal(next.status, 'succeeded');
  assert.equal(partnersOf(next)?.succeeded, 1_200);
  const rows = await h.rows('partners');
  assert.equal(rows.length, 1_200);
  assert.equal(new Set(rows.map((r) => r.key)).size, 1_200, 'no duplicates');
});

test('throttled (403 lock-out): the run pauses until the lock-out ends and resumes', async () => {
  let fired = false;
  atPartnersPage(1000, () => {
    if (!fired) h.faults.next('throttle');
    fired = true;
  });
  const before = h.app.clock.now().getTime();
  const outcome = await h.sync({ masters: ['partners'], full: true });
  assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
  assert.equal(partnersOf(outcome)?.succeeded, 1_200);
  assert.ok(h.app.clock.now().getTime() - before >= 10 * 60_000, 'paused past the lock-out');
});

test('throttled beyond the pause limit: the run fails with the reason, imported pages stay', async () => {
  atPartnersPage(500, () => h.faults.next('throttle'));
  const outcome = await h.sync(
    { masters: ['partners'], full: true },
    { limits: { throttlePausesMax: 2, pageSizes: { partners: 500 } } },
  );
  assert.equal(outcome.status, 'failed');
  assert.match(outcome.reason ?? '', /利用制限/);
  assert.equal(partnersOf(outcome)?.succeeded, 500);
});

test('a run due while one runs is skipped and recorded', async () => {
  let inner: Awaited<ReturnType<MastersHarness['sync']>> | null = null;
  atPartnersPage(0, async () => {
    if (!inner) inner = await h.sync({ trigger: 'schedule', masters: ['tags'] });
  });
  const outer = await h.sync({ masters: ['partners'] });
  assert.equal(outer.status, 'succeeded');
  const skipped = inner as unknown as Awaited<ReturnType<MastersHarness['sync']>>;
  assert.equal(skipped.status, 'skipped');
  assert.equal(skipped.reason, mastersMessages.busy);
  const run = await h.store.findRun(h.companyId, skipped.runId);
  assert.equal(run?.status, 'skipped');
  assert.equal(run?.trigger, 'schedule');
});

test('auth error before anything is imported (401): not run, the error says what to do', async () => {
  atPartnersPage(0, () => h.faults.next('permission_loss'));
  const outcome = await h.sync({ masters: ['partners'] });
  assert.equal(outcome.status, 'not_run');
  assert.match(outcome.reason ?? '', /IP制限/);
  assert.match(outcome.reason ?? '', /設定し直して/);
  assert.equal(partnersOf(outcome)?.succeeded, 0);
});

test('a connection in error before the run (認証エラー): not run, no freee call', async () => {
  await h.app.runtime.store.markStatus(
    h.connected.connection.id,
    {
      generation: null,
      status: 'expired',
      code: 'invalid_grant',
      message: 'アクセストークンの取得に失敗しました',
    },
    h.app.clock.now(),
  );
  const outcome = await h.sync();
  assert.equal(outcome.status, 'not_run');
  assert.equal(outcome.calls, 0);
  assert.match(outcome.reason ?? '', /アクセストークンの取得に失敗しました/);
});

test('app removed at freee during the run (401 on page 2): error recorded, imported partners stay and count', async () => {
  atPartnersPage(500, () => h.faults.next('permission_loss'));
  const outcome = await h.sync({ masters: ['partners', 'items'], full: true });
  assert.equal(outcome.status, 'failed');
  assert.match(outcome.reason ?? '', /途中でfreee連携が解除されました/);
  assert.equal(partnersOf(outcome)?.succeeded, 500);
  assert.equal(outcome.results.length, 1, 'items are not read after the disconnection');
});

test('disconnected in Uriage during the run (連携解除): error, imported partners stay; the next run is 対象外', async () => {
  atPartnersPage(500, () =>
    disconnectConnection(h.app.runtime.connectDeps, h.companyId, h.connected.connection.id),
  );
  const outcome = await h.sync({ masters: ['partners'], full: true });
  assert.equal(outcome.status, 'failed', JSON.stringify(outcome));
  assert.equal(partnersOf(outcome)?.succeeded, 500);
  assert.equal((await h.rows('partners')).length, 1_200, 'nothing deleted or archived');
  assert.ok((await h.rows('partners')).every((r) => !r.archived));
  h.hook.before = null;
  const next = await h.sync();
  assert.equal(next.status, 'skipped');
  assert.equal(next.calls, 0);
  assert.match(next.reason ?? '', /対象外/);
});
