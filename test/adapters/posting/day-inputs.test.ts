// Goal: a posting run reads the store-day's close, the company's payment methods, store codes and
// settings in ONE statement (PostingSources.dayInputs, src/adapters/db/posting-day-inputs.ts) — and
// reads exactly what the four separate reads give: the latest close version, the methods in their
// display order, the stores in code order, the stored settings (null before any is saved). Another
// company's store, or a day never closed, gives no close. Method: the posting harness (company
// `pos`, stores 0001–0003), a day closed twice on 0002, then the reads compared. Likewise a store's
// freee connection (FreeeStore.findStoreConnection): the one listStoreConnections gives, none across companies.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { postingDepsOf } from '../../support/deps.js';
import {
  checkout,
  closeOf,
  ingest,
  item,
  startPostingHarness,
  type PostingHarness,
} from './support.js';

let h: PostingHarness;
before(async () => {
  h = await startPostingHarness({ stores: ['0003', '0001', '0002'] });
});
after(async () => h.close());

test('one read gives the close, methods, stores and settings the separate reads give', async () => {
  const date = '2025-02-03';
  await ingest(h, [
    checkout('di-1', '0002', date, [item(1100, 'standard10')], [{ method: 'cash', amount: 1100 }]),
  ]);
  await closeOf(h, '0002', date, 10000, 11100);
  await ingest(h, [
    checkout('di-2', '0002', date, [item(540, 'reduced8')], [{ method: 'cash', amount: 540 }]),
  ]);
  const latest = await closeOf(h, '0002', date, 10000, 11640);
  assert.equal(latest.version, 2);

  const { sources, store } = postingDepsOf(h.app.services);
  const store2 = await sources.findStore(h.companyId, '0002');
  assert.ok(store2);
  const inputs = await sources.dayInputs(h.companyId, store2.id, date);
  assert.deepEqual(inputs.close, await sources.latestClose(store2.id, date));
  assert.equal(inputs.close?.version, 2, 'the latest close version');
  assert.deepEqual(inputs.close?.report, latest.report);
  assert.deepEqual(inputs.methods, await sources.paymentMethods(h.companyId));
  assert.ok(inputs.methods.length > 1);
  assert.deepEqual(
    inputs.storeCodes,
    (await sources.listStores(h.companyId)).map((s) => s.code),
  );
  assert.deepEqual(inputs.storeCodes, ['0001', '0002', '0003']);
  assert.deepEqual(inputs.settings, await store.readSettings(h.companyId));
  assert.notEqual(inputs.settings, null, 'the harness saved settings');

  const notClosed = await sources.dayInputs(h.companyId, store2.id, '2025-02-04');
  assert.equal(notClosed.close, null, 'a day never closed has no close');
  const otherCompany = await sources.dayInputs(
    '00000000-0000-4000-8000-000000000000',
    store2.id,
    date,
  );
  assert.equal(otherCompany.close, null, "another company never reads this store's close");
  assert.deepEqual(otherCompany.methods, []);
  assert.deepEqual(otherCompany.storeCodes, []);
  assert.equal(otherCompany.settings, null);
});

test("a store's connection is read by its id, only within its company", async () => {
  const { sources } = postingDepsOf(h.app.services);
  const store1 = await sources.findStore(h.companyId, '0001');
  assert.ok(store1);
  const connection = await h.app.runtime.store.findStoreConnection(h.companyId, store1.id);
  assert.equal(connection?.id, h.connected.connection.id);
  const listed = (await h.app.runtime.store.listStoreConnections(h.companyId)).find(
    (row) => row.storeId === store1.id,
  );
  assert.deepEqual(connection, listed?.connection);
  assert.equal(
    await h.app.runtime.store.findStoreConnection(
      '00000000-0000-4000-8000-000000000000',
      store1.id,
    ),
    null,
  );
  assert.equal(await h.app.runtime.store.findStoreConnection(h.companyId, 'not-a-uuid'), null);
});
