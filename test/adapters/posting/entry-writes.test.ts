// Goal: a posting run records each deal's answer together with the next deal's intent — one
// statement (PostingStore.writeEntries) instead of two, n + 1 record writes for n deals (issue 15,
// posting throughput) — and stays exactly once: every answer is recorded, no intent is left open,
// the books hold each deal once. The statement itself: both entries written under the lease, nothing
// when the lease is lost, the same key twice and more than `entryWritesMax` entries refused.
// Method: the posting harness (company `pos`, store 0001), a day paid by cash and card (two deals),
// the store's writeEntries counted; then the statement on its own against the claimed day.
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

test('a run of n deals writes n + 1 records: each answer goes with the next intent', async () => {
  const date = '2025-03-04';
  await ingest(h, [
    checkout('ew-1', '0001', date, [item(1100, 'standard10')], [{ method: 'cash', amount: 1100 }]),
    checkout('ew-2', '0001', date, [item(2160, 'reduced8')], [{ method: 'credit', amount: 2160 }]),
  ]);
  const { report } = await closeOf(h, '0001', date, 10000, 11100);
  const deps = postingDepsOf(h.app.services);
  const statements: string[][] = [];
  const store = {
    ...deps.store,
    writeEntries: (...args: Parameters<typeof deps.store.writeEntries>) => {
      statements.push(args[1].map((write) => `${write.key} ${write.intent ? 'intent' : 'answer'}`));
      return deps.store.writeEntries(...args);
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
  assert.equal(statements.length, deals.length + 1, 'n + 1 statements for n deals');
  assert.equal(statements[0]?.length, 1, 'the first intent alone');
  assert.deepEqual(
    statements[1]?.map((each) => each.split(' ')[1]),
    ['answer', 'intent'],
    "the first deal's answer with the second deal's intent",
  );
  assert.equal(statements.at(-1)?.length, 1, 'the last answer alone');
  assert.match(statements.at(-1)?.[0] ?? '', / answer$/);

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
  const claim = await deps.store.claimDay({
    companyId: h.companyId,
    storeId: found.id,
    businessDate: lease.businessDate,
    leaseId: lease.leaseId,
    now,
    until,
  });
  assert.equal(claim.claimed, true);
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
  const many = Array.from({ length: entryWritesMax + 1 }, (_, i) => entry(`m${i}`, i + 1));
  await assert.rejects(deps.store.writeEntries(lease, many, now, later), EntryWritesLimitError);
  assert.equal(
    (await deps.store.listEntries(found.id, lease.businessDate, freeeCompanyId)).length,
    2,
    'refused calls write nothing',
  );
});
