// Goal (issue 11 item 6): Uriage creates or updates in freee (the sandbox, over HTTP) the masters
// postings need — the 【POS Reg】 品目 per payment method, the stores' 部門, the settlement 取引先 —
// upserting by code where the company uses codes (a renamed 取引先 or 品目 is renamed back by its
// code) and by name where it does not (an existing 品目 is reused, the missing ones created); the
// synced records are the lookup and are updated from freee's answers, so a second push writes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../src/app/errors.js';
import {
  postingNeeds,
  pushPostingMasters,
  type MastersWriter,
  type PushDeps,
} from '../../../src/app/masters/push.js';
import { mastersWriterFor } from '../../../src/adapters/freee/masters-writer.js';
import { startMastersHarness, type MastersHarness } from './support.js';

let h: MastersHarness;
let writes = 0;

const deps = (): PushDeps => ({
  store: h.store,
  clock: h.app.clock,
  writerFor: async (companyId) => {
    const inner = await mastersWriterFor(h.app.runtime)(companyId);
    if (inner === null) return null;
    const counted: MastersWriter = {
      freeeCompanyId: inner.freeeCompanyId,
      create: (master, name) => ((writes += 1), inner.create(master, name)),
      upsertByCode: (master, code, name) => ((writes += 1), inner.upsertByCode(master, code, name)),
    };
    return counted;
  },
  wanted: async (companyId) => {
    const posting = h.app.app().posting;
    return postingNeeds(
      (await posting.getPostingSettings(companyId)).settings,
      await posting.queries.paymentMethods(companyId),
      await posting.queries.listStores(companyId),
    );
  },
});

const sandbox = async (sql: string, params: unknown[] = []) =>
  (await h.app.freeePool.query(sql, [h.sandboxCompanyId, ...params])).rows;

before(async () => {
  h = await startMastersHarness();
  await sandbox('update freee_sandbox.companies set use_partner_code = true where id = $1');
  await sandbox(
    `insert into freee_sandbox.partners (company_id, name, code, update_date)
     values ($1, 'クレジット(旧名)', 'credit', '2025-01-01')`,
  );
  await sandbox(
    `insert into freee_sandbox.sections (company_id, name, code, update_date)
     values ($1, '倉庫', 'S-9', '2025-01-01')`,
  );
  await sandbox(
    `insert into freee_sandbox.items (company_id, name, update_date)
     values ($1, '【POS Reg】現金', '2025-01-01')`,
  );
  // The store's 部門, chosen before any sync (not yet in freee).
  const posting = h.app.app().posting;
  const current = (await posting.getPostingSettings(h.companyId)).settings;
  await posting.savePostingSettings(
    h.companyId,
    { ...current, stores: current.stores.map((s) => ({ ...s, sectionName: '本店 渋谷' })) },
    'test',
  );
  assert.equal((await h.sync()).status, 'succeeded');
});
after(async () => {
  await h.close();
});

test('creates by name where no codes are used, upserts by code where they are', async () => {
  const result = await pushPostingMasters(deps(), h.companyId);
  assert.deepEqual(result.failed, []);
  assert.deepEqual(result.updated, ['支払い方法「クレジット」の取引先: クレジット']);
  assert.deepEqual(result.created.sort(), [
    '店舗「0001 店舗0001」の部門: 本店 渋谷',
    '支払い方法「PayPay」の取引先: PayPay',
    '支払い方法「PayPay」の品目: 【POS Reg】PayPay',
    '支払い方法「クレジット」の品目: 【POS Reg】クレジット',
    '支払い方法「商品券(お釣り有り)」の取引先: 商品券(お釣り有り)',
    '支払い方法「商品券(お釣り有り)」の品目: 【POS Reg】商品券(お釣り有り)',
    '支払い方法「商品券(お釣り無し)」の取引先: 商品券(お釣り無し)',
    '支払い方法「商品券(お釣り無し)」の品目: 【POS Reg】商品券(お釣り無し)',
  ]);
  assert.equal(result.unchanged, 1, 'the existing 【POS Reg】現金 is reused');
  assert.equal(writes, 9);
  // freee now holds them: the partner renamed by its code (same id), the others with their codes.
  const partners = await sandbox(
    'select code, name from freee_sandbox.partners where company_id = $1 order by code',
  );
  assert.deepEqual(partners, [
    { code: 'credit', name: 'クレジット' },
    { code: 'giftChange', name: '商品券(お釣り有り)' },
    { code: 'giftNoChange', name: '商品券(お釣り無し)' },
    { code: 'paypay', name: 'PayPay' },
  ]);
  const sections = await sandbox(
    'select code, name from freee_sandbox.sections where company_id = $1 and code is not null order by code',
  );
  assert.deepEqual(sections, [
    { code: '0001', name: '本店 渋谷' },
    { code: 'S-9', name: '倉庫' },
  ]);
  const items = await sandbox(
    "select name from freee_sandbox.items where company_id = $1 and name like '【POS Reg】%'",
  );
  assert.equal(items.length, 5);
  // The synced records were updated from freee's answers.
  const local = (await h.rows('partners')).map((r) => r.name).sort();
  assert.deepEqual(local, ['PayPay', 'クレジット', '商品券(お釣り有り)', '商品券(お釣り無し)']);
});

test('a second push finds everything in the synced records and writes nothing', async () => {
  writes = 0;
  const result = await pushPostingMasters(deps(), h.companyId);
  assert.deepEqual([result.created, result.updated, result.failed], [[], [], []]);
  assert.equal(result.unchanged, 10);
  assert.equal(writes, 0);
  const viaApp = await h.app.app().masters.pushPostingMasters(h.companyId);
  assert.deepEqual([viaApp.created, viaApp.updated, viaApp.unchanged], [[], [], 10]);
});

test('where the company uses item codes, 品目 are upserted by the method code', async () => {
  // The owner turns on 品目コード in freee, gives 【POS Reg】現金 the code "cash" and removes the
  // other 【POS Reg】 品目; a full sync sees the codes (and archives the removed ones).
  await sandbox('update freee_sandbox.companies set use_item_code = true where id = $1');
  await sandbox(
    "update freee_sandbox.items set code = 'cash' where company_id = $1 and name = '【POS Reg】現金'",
  );
  await sandbox(
    "delete from freee_sandbox.items where company_id = $1 and name like '【POS Reg】%' and code is null",
  );
  assert.equal((await h.sync({ masters: ['items'], full: true })).status, 'succeeded');
  writes = 0;
  const first = await pushPostingMasters(deps(), h.companyId);
  assert.deepEqual(first.failed, []);
  assert.deepEqual(first.updated, []);
  assert.deepEqual(first.created.sort(), [
    '支払い方法「PayPay」の品目: 【POS Reg】PayPay',
    '支払い方法「クレジット」の品目: 【POS Reg】クレジット',
    '支払い方法「商品券(お釣り有り)」の品目: 【POS Reg】商品券(お釣り有り)',
    '支払い方法「商品券(お釣り無し)」の品目: 【POS Reg】商品券(お釣り無し)',
  ]);
  assert.equal(writes, 4);
  const posReg = () =>
    sandbox(
      "select id, code, name from freee_sandbox.items where company_id = $1 and name like '【POS Reg】%' order by code",
    );
  const created = await posReg();
  assert.deepEqual(
    created.map((r) => [r.code, r.name]),
    [
      ['cash', '【POS Reg】現金'],
      ['credit', '【POS Reg】クレジット'],
      ['giftChange', '【POS Reg】商品券(お釣り有り)'],
      ['giftNoChange', '【POS Reg】商品券(お釣り無し)'],
      ['paypay', '【POS Reg】PayPay'],
    ],
  );
  // Someone renames the クレジット 品目 in freee; the next push renames it back by its code.
  await sandbox(
    "update freee_sandbox.items set name = 'クレジット売上' where company_id = $1 and code = 'credit'",
  );
  assert.equal((await h.sync({ masters: ['items'], full: true })).status, 'succeeded');
  writes = 0;
  const second = await pushPostingMasters(deps(), h.companyId);
  assert.deepEqual([second.created, second.failed], [[], []]);
  assert.deepEqual(second.updated, ['支払い方法「クレジット」の品目: 【POS Reg】クレジット']);
  assert.equal(writes, 1);
  const after = await sandbox(
    "select id, name from freee_sandbox.items where company_id = $1 and code = 'credit'",
  );
  const credit = created.find((r) => r.code === 'credit');
  assert.deepEqual(
    after,
    [{ id: credit?.id, name: '【POS Reg】クレジット' }],
    'one record, same id',
  );
  const local = (await h.rows('items')).filter((r) => !r.archived && r.key === String(credit?.id));
  assert.deepEqual(
    local.map((r) => r.name),
    ['【POS Reg】クレジット'],
  );
});

test('a company without a freee connection is refused in Japanese', async () => {
  await assert.rejects(
    pushPostingMasters({ ...deps(), writerFor: async () => null }, h.companyId),
    (error: unknown) =>
      error instanceof AppError && /freeeに接続されていません/.test(error.userMessage),
  );
});
