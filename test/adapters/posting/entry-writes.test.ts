// Goal: a posting run of n deals costs n + 2 statements of ours besides its reads: the store found
// and the store-day claimed in one (PostingStore.claimStoreDay: the store as findStore gives it; a
// live lease refused with its end; an expired one taken over; an unknown or another company's store
// code: null, nothing written), each deal's answer recorded with the next deal's intent
// (PostingStore.writeEntries), the last answer with the finish (issue 15, posting throughput) — and
// it stays exactly once: every answer recorded, no intent left open, each deal once in the books.
// The statement itself: both entries written under the lease, nothing when the lease is lost, the
// same key twice and more than `entryWritesMax` entries refused. Method: the posting harness
// (company `pos`, store 0001), a day paid by cash and card (two deals), the store's record writes and
// finish counted; then the statements on their own against a claimed day.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { postStoreDay } from '../../../src/app/posting/post-day.js';
import {
  EntryWritesLimitError,
  entryWritesMax,
  type RecordWrite,
} from '../../../src/app/posting/ports.js';
import { postingDepsOf } from '../../support/deps.js';
import {
  booksViolations,
  checkout,
  closeOf,
  ingest,
  item,
  startPostingHarness,
  type PostingHarness,
} from './support.js';

let h: PostingHarness;
before(async () => {
  h = await startPostingHarness();
});
after(async () => h.close());

test('a run of n deals: n record statements and the finish; each answer with the next intent, the last with the finish', async () => {
  const date = '2025-03-04';
  await ingest(h, [
    checkout('ew-1', '0001', date, [item(1100, 'standard10')], [{ method: 'cash', amount: 1100 }]),
    checkout('ew-2', '0001', date, [item(2160, 'reduced8')], [{ method: 'credit', amount: 2160 }]),
  ]);
  const { report } = await closeOf(h, '0001', date, 10000, 11100);
  const deps = postingDepsOf(h.app.services);
  const statements: string[][] = [];
  const describe = (writes: readonly RecordWrite[]) =>
    writes.map((write) => `${write.key} ${write.intent ? 'intent' : 'answer'}`);
  const store = {
    ...deps.store,
    writeEntries: (...args: Parameters<typeof deps.store.writeEntries>) => {
      statements.push(describe(args[1]));
      return deps.store.writeEntries(...args);
    },
    finishDay: (...args: Parameters<typeof deps.store.finishDay>) => {
      statements.push(['finish', ...describe(args[1].entries)]);
      return deps.store.finishDay(...args);
    },
  };
  const outcome = await postStoreDay(
    { ...deps, store },
    { companyId: h.companyId, storeCode: '0001', businessDate: date },
  );
  assert.equal(outcome.status, 'posted', outcome.message ?? '');
  const { violations, deals } = await booksViolations(h, report);
  assert.deepEqual(violations, []);
  assert.equal(deals.length, 2, 'cash and card: two deals');
  assert.equal(statements.length, deals.length + 1, 'n record statements and the finish');
  assert.equal(statements[0]?.length, 1, 'the first intent alone');
  assert.deepEqual(
    statements[1]?.map((each) => each.split(' ')[1]),
    ['answer', 'intent'],
    "the first deal's answer with the second deal's intent",
  );
  const last = statements.at(-1) ?? [];
  assert.equal(last[0], 'finish');
  assert.equal(last.length, 2, "the last deal's answer with the finish");
  assert.match(last[1] ?? '', / answer$/);

  const entries = await deps.store.listEntries(
    (await deps.sources.findStore(h.companyId, '0001'))?.id ?? '',
    date,
    h.connected.sandbox.companyId,
  );
  assert.equal(entries.length, 2);
  for (const entry of entries) {
    assert.equal(entry.intent, null, `${entry.key}: no intent left open`);
    assert.ok(entry.dealId !== null && deals.some((deal) => deal.id === entry.dealId));
  }
});

test('writeEntries: both under the lease; nothing when lost; duplicate keys and too many refused', async () => {
  const deps = postingDepsOf(h.app.services);
  const found = await deps.sources.findStore(h.companyId, '0001');
  assert.ok(found);
  const now = new Date('2025-03-05T15:00:00Z');
  const until = new Date(now.getTime() + 60_000);
  const lease = { storeId: found.id, businessDate: '2025-03-05', leaseId: randomUUID() };
  const claimed = await deps.store.claimStoreDay({
    companyId: h.companyId,
    storeCode: '0001',
    businessDate: lease.businessDate,
    leaseId: lease.leaseId,
    now,
    until,
  });
  assert.equal(claimed?.claim.claimed, true);
  const freeeCompanyId = h.connected.sandbox.companyId;
  const entry = (key: string, dealId: number | null): RecordWrite => ({
    key,
    freeeCompanyId,
    provider: 'sandbox',
    methodCode: key,
    itemName: `品目 ${key}`,
    refNumber: `REF-${key}`,
    dealId,
    content: null,
    hasPayments: false,
    intent: dealId === null ? { op: 'create', content: null } : null,
  });
  const later = new Date(until.getTime() + 60_000);
  assert.equal(
    await deps.store.writeEntries(lease, [entry('a', 11), entry('b', null)], now, later),
    true,
  );
  const stored = await deps.store.listEntries(found.id, lease.businessDate, freeeCompanyId);
  assert.deepEqual(
    stored.map((e) => [e.key, e.dealId, e.intent?.op ?? null]),
    [
      ['a', 11, null],
      ['b', null, 'create'],
    ],
  );
  const day = await deps.store.getDay(h.companyId, found.id, lease.businessDate);
  assert.equal(day?.leaseUntil?.getTime(), later.getTime(), 'the lease was extended');

  const lost = { ...lease, leaseId: randomUUID() };
  assert.equal(await deps.store.writeEntries(lost, [entry('c', 12)], now, later), false);
  assert.equal(
    (await deps.store.listEntries(found.id, lease.businessDate, freeeCompanyId)).length,
    2,
    'a lost lease writes nothing',
  );
  await assert.rejects(
    deps.store.writeEntries(lease, [entry('d', 1), entry('d', 2)], now, later),
    /distinct/,
  );
  const finish = {
    status: 'posted' as const,
    reasonCode: null,
    message: null,
    freeeMessages: [],
    closeVersion: 1,
    postedVersion: 1,
    nextAttemptAt: null,
    autoRetries: 'reset' as const,
    calls: 2,
    writes: 2,
  };
  await deps.store.finishDay(lost, { ...finish, entries: [entry('b', 14)] }, now);
  assert.equal(
    (await deps.store.listEntries(found.id, lease.businessDate, freeeCompanyId)).find(
      (e) => e.key === 'b',
    )?.dealId,
    null,
    "a lost lease's finish writes no answer",
  );
  const many = Array.from({ length: entryWritesMax + 1 }, (_, i) => entry(`m${i}`, i + 1));
  await assert.rejects(deps.store.writeEntries(lease, many, now, later), EntryWritesLimitError);
  assert.equal(
    (await deps.store.listEntries(found.id, lease.businessDate, freeeCompanyId)).length,
    2,
    'refused calls write nothing',
  );
  await deps.store.finishDay(lease, { ...finish, entries: [entry('b', 14)] }, now);
  const answered = await deps.store.listEntries(found.id, lease.businessDate, freeeCompanyId);
  assert.deepEqual(
    answered.map((e) => [e.key, e.dealId, e.intent]),
    [
      ['a', 11, null],
      ['b', 14, null],
    ],
    'the finish wrote the last answer',
  );
  const finished = await deps.store.getDay(h.companyId, found.id, lease.businessDate);
  assert.equal(finished?.status, 'posted');
  assert.equal(finished?.leaseUntil, null, 'the lease is released');
});

test('claimStoreDay: the store and the claim in one statement; a live lease refused, an expired one taken', async () => {
  const deps = postingDepsOf(h.app.services);
  const businessDate = '2025-03-06';
  const now = new Date('2025-03-06T15:00:00Z');
  const until = new Date(now.getTime() + 60_000);
  const claim = (storeCode: string, at: Date, companyId = h.companyId) =>
    deps.store.claimStoreDay({
      companyId,
      storeCode,
      businessDate,
      leaseId: randomUUID(),
      now: at,
      until: new Date(at.getTime() + 60_000),
    });
  const first = await claim('0001', now);
  assert.ok(first);
  assert.deepEqual(first.store, await deps.sources.findStore(h.companyId, '0001'));
  assert.deepEqual(first.claim, { claimed: true, autoRetries: 0 });
  const day = await deps.store.getDay(h.companyId, first.store.id, businessDate);
  assert.equal(day?.status, 'sending');

  const busy = await claim('0001', new Date(now.getTime() + 1_000));
  assert.deepEqual(
    busy?.claim,
    { claimed: false, leaseUntil: until },
    'the live lease and its end',
  );
  const later = await claim('0001', new Date(until.getTime() + 1));
  assert.equal(later?.claim.claimed, true, 'an expired lease is taken over');

  assert.equal(await claim('9999', now), null, 'no such store');
  assert.equal(
    await claim('0001', now, '00000000-0000-4000-8000-000000000000'),
    null,
    "another company's store code",
  );
  const { rows } = await h.app.services.pool.query<{ n: number }>(
    'select count(*)::int as n from posting_days where business_date = $1::date',
    [businessDate],
  );
  assert.equal(rows[0]?.n, 1, 'only the one store-day was written');
});
