// Goal: master sync imports the seven masters from the sandbox into Uriage's tables — full or
// differential (the boundary day re-read, de-duplicated by id), paging within each endpoint's limit,
// archiving on a full run what freee no longer returns (never deleting), and recording per master
// target / succeeded / failed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { masterNames } from '../../../src/domain/masters/kinds.js';
import {
  removeSandboxPartner,
  renameSandboxPartners,
  sandboxPartnerIds,
} from '../../../src/sandbox/index.js';
import { startMastersHarness, type MastersHarness } from './support.js';

let h: MastersHarness;
const partnerCalls: { offset: number; limit: number | null; since: string | null }[] = [];

before(async () => {
  h = await startMastersHarness({
    seed: { partners: 1_200, items: 30, tags: 3, updateDate: '2025-01-01' },
    segments: 1,
  });
  h.hook.before = (request) => {
    if (request.master === 'partners')
      partnerCalls.push({
        offset: request.offset,
        limit: request.limit,
        since: request.startUpdateDate,
      });
  };
});
after(async () => {
  await h.close();
});

const resultOf = (outcome: Awaited<ReturnType<MastersHarness['sync']>>, master: string) => {
  const result = outcome.results.find((r) => r.master === master);
  assert.ok(result, `no result for ${master}`);
  return result;
};

test('a first run is full: every master, 1,200 partners over 3 pages of 500', async () => {
  const outcome = await h.sync();
  assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
  assert.deepEqual(
    outcome.results.map((r) => r.master),
    [...masterNames],
  );
  const partners = resultOf(outcome, 'partners');
  assert.deepEqual(
    { mode: partners.mode, target: partners.target, succeeded: partners.succeeded },
    { mode: 'full', target: 1_200, succeeded: 1_200 },
  );
  assert.deepEqual(
    partnerCalls.map((c) => c.offset),
    [0, 500, 1000],
  );
  assert.ok(partnerCalls.every((c) => c.limit === 500 && c.since === null));
  assert.equal((await h.rows('partners')).length, 1_200);
  assert.equal(resultOf(outcome, 'items').succeeded, 30);
  const taxes = await h.rows('taxes');
  assert.ok(taxes.length > 5, 'available tax codes imported');
  const accounts = await h.rows('account_items');
  assert.ok(accounts.some((a) => a.name === '売上高'));
  for (const master of masterNames)
    assert.equal(resultOf(outcome, master).failed, 0, `${master} failed`);
});

test('the next day, a differential run imports exactly the 3 partners changed (and the boundary day)', async () => {
  const ids = await sandboxPartnerIds(h.app.freeePool, h.sandboxCompanyId);
  // Changed on the day of the first run (the boundary day): re-read by the differential.
  await renameSandboxPartners(h.app.freeePool, h.app.clock, h.sandboxCompanyId, [
    ids[10] as number,
  ]);
  h.app.clock.set('2025-01-11T09:00:00+09:00');
  const changed = [ids[0], ids[600], ids[1199]] as number[];
  await renameSandboxPartners(h.app.freeePool, h.app.clock, h.sandboxCompanyId, changed);
  partnerCalls.length = 0;
  const outcome = await h.sync({ masters: ['partners', 'items', 'account_items'] });
  assert.equal(outcome.status, 'succeeded');
  const partners = resultOf(outcome, 'partners');
  assert.deepEqual(
    { mode: partners.mode, target: partners.target, succeeded: partners.succeeded },
    { mode: 'differential', target: 4, succeeded: 4 },
  );
  assert.deepEqual(partnerCalls, [{ offset: 0, limit: 500, since: '2025-01-10' }]);
  assert.equal(resultOf(outcome, 'items').target, 0, 'no item changed');
  assert.equal(resultOf(outcome, 'account_items').mode, 'full', '勘定科目 is always full');
  const rows = await h.rows('partners');
  assert.equal(rows.length, 1_200, 'no duplicates');
  assert.equal(rows.filter((r) => r.name.endsWith('(変更)')).length, 4);
});

test('a partner removed in freee stays after a differential run and is archived by the next full run', async () => {
  const ids = await sandboxPartnerIds(h.app.freeePool, h.sandboxCompanyId);
  const removed = ids[5] as number;
  await removeSandboxPartner(h.app.freeePool, h.sandboxCompanyId, removed);
  const differential = await h.sync({ masters: ['partners'] });
  assert.equal(resultOf(differential, 'partners').archived, 0);
  assert.equal((await h.rows('partners')).find((r) => r.key === String(removed))?.archived, false);
  const full = await h.sync({ masters: ['partners'], full: true });
  const partners = resultOf(full, 'partners');
  assert.deepEqual(
    { mode: partners.mode, target: partners.target, archived: partners.archived },
    { mode: 'full', target: 1_199, archived: 1 },
  );
  const rows = await h.rows('partners');
  assert.equal(rows.length, 1_200, 'never deleted');
  assert.deepEqual(
    rows.filter((r) => r.archived).map((r) => r.key),
    [String(removed)],
  );
});

test('segment tags: only the segments the plan has, paged within their limit', async () => {
  const outcome = await h.sync({ masters: ['segment_tags'] });
  assert.equal(outcome.status, 'succeeded');
  assert.equal(resultOf(outcome, 'segment_tags').failures.length, 0);
});

test('runs are listed with their per-master results (実行履歴)', async () => {
  const runs = await h.store.listRuns(h.companyId, 10);
  assert.equal(runs.length, 5);
  assert.ok(runs.every((r) => r.status === 'succeeded'));
  const first = runs[runs.length - 1];
  assert.equal(first?.results.length, masterNames.length);
});
