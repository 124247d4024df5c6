// Goal: every sandbox response Uriage uses matches freee's official schema (ajv over the OpenAPI
// document, closed objects: no field the schema does not list), and a new 事業所 has the masters
// Uriage looks up by name (勘定科目, 税区分, fiscal years, 口座).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSandboxSegmentTag } from '../../src/sandbox/admin.js';
import { assertMatchesSchema } from './support/freee-schema.js';
import { call, login, startHarness, type Harness } from './support/harness.js';

type Rec = Record<string, unknown>;

let h: Harness;
let token: string;
let cid: number;
const get = async (path: string, schemaPath: string, status = 200) => {
  const reply = await call(h, token, 'GET', path);
  assert.equal(reply.status, status, `${path}: ${JSON.stringify(reply.body)}`);
  assertMatchesSchema(schemaPath, 'get', status, reply.body);
  return reply.body as Rec;
};
const post = async (path: string, body: unknown, schemaPath = path, status = 201) => {
  const reply = await call(h, token, 'POST', path, body);
  assert.equal(reply.status, status, `${path}: ${JSON.stringify(reply.body)}`);
  assertMatchesSchema(schemaPath, 'post', status, reply.body);
  return reply.body as Rec;
};
before(async () => {
  h = await startHarness({ company: { segmentsAvailable: 1 } });
  token = (await login(h)).accessToken;
  cid = h.company.companyId;
  await createSandboxSegmentTag(h.db.pool, h.clock, {
    companyId: cid,
    segmentId: 1,
    name: '新宿店',
  });
});
after(async () => {
  await h.close();
});

test('the validator rejects a misspelt field and a wrong null (it can fail)', () => {
  const deal = {
    deal: {
      id: 1,
      company_id: 1,
      issue_date: '2025-06-01',
      amount: 1,
      partner_id: null,
      status: 'settled',
    },
  };
  assert.doesNotThrow(() => assertMatchesSchema('/api/1/deals', 'post', 201, deal));
  assert.throws(() =>
    assertMatchesSchema('/api/1/deals', 'post', 201, {
      deal: { ...deal.deal, statuss: 'settled' },
    }),
  );
  assert.throws(() =>
    assertMatchesSchema('/api/1/deals', 'post', 201, { deal: { ...deal.deal, amount: null } }),
  );
});

test('users, capabilities, companies', async () => {
  const me = await get('/api/1/users/me?companies=true&advisor=true', '/api/1/users/me');
  assert.deepEqual(
    (me.user as Rec & { companies: Rec[] }).companies.map((c) => c.id),
    [cid],
  );
  await get('/api/1/users/me', '/api/1/users/me');
  const caps = await get(
    `/api/1/users/capabilities?company_id=${cid}`,
    '/api/1/users/capabilities',
  );
  assert.equal((caps.deals as Rec).create, true);
  const list = await get('/api/1/companies', '/api/1/companies');
  assert.equal((list.companies as Rec[])[0]?.display_name, 'サンドボックス商店');
  await get(`/api/1/companies/${cid}`, '/api/1/companies/{id}');
  const detailed = await get(`/api/1/companies/${cid}?details=true`, '/api/1/companies/{id}');
  const company = detailed.company as Rec & { fiscal_years: Rec[] };
  assert.deepEqual(
    company.fiscal_years.map((fy) => [fy.start_date, fy.end_date, fy.is_closed]),
    [
      ['2024-04-01', '2025-03-31', false],
      ['2025-04-01', '2026-03-31', false],
    ],
  );
  assert.ok(Array.isArray(company.account_items) && Array.isArray(company.walletables));
});

test('chart of accounts, tax codes and 口座 of a new 事業所', async () => {
  const accounts = (await get(`/api/1/account_items?company_id=${cid}`, '/api/1/account_items'))
    .account_items as Rec[];
  const byName = new Map(accounts.map((a) => [a.name, a]));
  for (const name of [
    '売上高',
    '売掛金',
    '現金',
    '前受金',
    '雑収入',
    '雑損失',
    '現金過不足',
    '支払手数料',
    '仮受金',
    '普通預金',
  ])
    assert.ok(byName.has(name), name);
  assert.equal(byName.get('現金')?.account_category_id, 36);
  assert.notEqual(byName.get('現金')?.walletable_id, null);
  assert.equal(byName.get('売上高')?.corresponding_income_name, '売掛金');
  const taxes = (
    await get(`/api/1/taxes/companies/${cid}?available=true`, '/api/1/taxes/companies/{company_id}')
  ).taxes as Rec[];
  const code = (nameJa: string) => taxes.find((t) => t.name_ja === nameJa)?.code;
  assert.deepEqual(
    [code('課税売上10%'), code('課税売上8%（軽）'), code('非課売上'), code('対象外')],
    [129, 156, 23, 2],
  );
  assert.equal(taxes.find((t) => t.code === 156)?.display_category, 'tax_r8');
  // The common master (no company): every code the 事業所 has, with the same names.
  const allOfCompany = (
    await get(`/api/1/taxes/companies/${cid}`, '/api/1/taxes/companies/{company_id}')
  ).taxes as Rec[];
  const codes = (await get('/api/1/taxes/codes', '/api/1/taxes/codes')).taxes as Rec[];
  assert.deepEqual(
    codes,
    allOfCompany.map((t) => ({ code: t.code, name: t.name, name_ja: t.name_ja })),
  );
  const one = await get('/api/1/taxes/codes/156', '/api/1/taxes/codes/{code}');
  assert.deepEqual(one.tax, {
    code: 156,
    name: 'sales_with_tax_reduced_8',
    name_ja: '課税売上8%（軽）',
  });
  await get('/api/1/taxes/codes/99999', '/api/1/taxes/codes/{code}', 404);
  const wallets = (
    await get(
      `/api/1/walletables?company_id=${cid}&with_balance=true&with_sync_status=true&with_last_synced_at=true`,
      '/api/1/walletables',
    )
  ).walletables as Rec[];
  assert.deepEqual(
    wallets.map((w) => [w.name, w.type]),
    [
      ['現金', 'wallet'],
      ['サンドボックス銀行', 'bank_account'],
    ],
  );
});

test('masters: items, partners, tags, sections, segment tags, wallet_txns', async () => {
  await post('/api/1/items', { company_id: cid, name: '【POS Reg】現金' });
  await get(`/api/1/items?company_id=${cid}`, '/api/1/items');
  await post('/api/1/partners', { company_id: cid, name: 'カード会社A' });
  await get(`/api/1/partners?company_id=${cid}&keyword=カード`, '/api/1/partners');
  await post('/api/1/tags', { company_id: cid, name: 'POS' });
  await get(`/api/1/tags?company_id=${cid}`, '/api/1/tags');
  await post('/api/1/sections', { company_id: cid, name: '新宿店' });
  await get(`/api/1/sections?company_id=${cid}`, '/api/1/sections');
  await get(`/api/1/segments/1/tags?company_id=${cid}`, '/api/1/segments/{segment_id}/tags');
  await post('/api/1/wallet_txns', {
    company_id: cid,
    entry_side: 'income',
    amount: 5000,
    walletable_id: h.company.bankWalletableId,
    walletable_type: 'bank_account',
    date: '2025-06-14',
  });
  const txns = await get(`/api/1/wallet_txns?company_id=${cid}`, '/api/1/wallet_txns');
  assert.equal((txns.wallet_txns as Rec[]).length, 1);
});

test('deals: create, list, get, update, settle, errors', async () => {
  const accounts = (await get(`/api/1/account_items?company_id=${cid}`, '/api/1/account_items'))
    .account_items as Rec[];
  const sales = accounts.find((a) => a.name === '売上高')?.id as number;
  const created = await post('/api/1/deals', {
    company_id: cid,
    issue_date: '2025-06-14',
    type: 'income',
    ref_number: 'pos-1',
    details: [
      { account_item_id: sales, tax_code: 129, amount: 1100 },
      { account_item_id: sales, tax_code: 156, amount: 1080, description: '軽減' },
    ],
  });
  const deal = created.deal as Rec & { details: Rec[] };
  const id = deal.id as number;
  await get(`/api/1/deals?company_id=${cid}&accruals=with`, '/api/1/deals');
  await get(`/api/1/deals/${id}?company_id=${cid}&accruals=with`, '/api/1/deals/{id}');
  const put = await call(h, token, 'PUT', `/api/1/deals/${id}`, {
    company_id: cid,
    issue_date: '2025-06-14',
    type: 'income',
    details: [{ id: deal.details[0]?.id, account_item_id: sales, tax_code: 129, amount: 2200 }],
  });
  assert.equal(put.status, 200);
  assertMatchesSchema('/api/1/deals/{id}', 'put', 200, put.body);
  await post(
    `/api/1/deals/${id}/payments`,
    {
      company_id: cid,
      date: '2025-06-15',
      from_walletable_type: 'wallet',
      from_walletable_id: h.company.cashWalletableId,
      amount: 2200,
    },
    '/api/1/deals/{id}/payments',
  );
  const bad = await call(h, token, 'POST', '/api/1/deals', {
    company_id: cid,
    issue_date: '2025-13-01',
    type: 'income',
    details: [],
  });
  assert.equal(bad.status, 400);
  assertMatchesSchema('/api/1/deals', 'post', 400, bad.body);
  const missing = await call(h, token, 'GET', `/api/1/deals/999?company_id=${cid}`);
  assert.equal(missing.status, 404);
  assertMatchesSchema('/api/1/deals/{id}', 'get', 404, missing.body);
});

test('items by code: refused without 品目コード, upserted with it, code in answers', async () => {
  const put = (body: unknown) => call(h, token, 'PUT', '/api/1/items/code/upsert', body);
  const upsert = (code: string, name: string) => ({ company_id: cid, code, item: { name } });
  const off = await put(upsert('cash', '【POS Reg】現金(コード)'));
  assert.equal(off.status, 400, JSON.stringify(off.body));
  assertMatchesSchema('/api/1/items/code/upsert', 'put', 400, off.body);
  const plain = await get(`/api/1/items?company_id=${cid}`, '/api/1/items');
  assert.ok(
    (plain.items as Rec[]).every((item) => !('code' in item)),
    'no code key when off',
  );

  await h.db.pool.query('update freee_sandbox.companies set use_item_code = true where id = $1', [
    cid,
  ]);
  const created = await put(upsert('cash', '【POS Reg】現金(コード)'));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assertMatchesSchema('/api/1/items/code/upsert', 'put', 201, created.body);
  const item = (created.body as { item: Rec }).item;
  assert.equal(item.code, 'cash');
  const renamed = await put(upsert('cash', '【POS Reg】現金(改名)'));
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  assertMatchesSchema('/api/1/items/code/upsert', 'put', 200, renamed.body);
  assert.deepEqual(
    [(renamed.body as { item: Rec }).item.id, (renamed.body as { item: Rec }).item.name],
    [item.id, '【POS Reg】現金(改名)'],
  );
  const listed = (await get(`/api/1/items?company_id=${cid}`, '/api/1/items')).items as Rec[];
  assert.deepEqual(
    listed.filter((i) => i.code === 'cash').map((i) => i.name),
    ['【POS Reg】現金(改名)'],
  );
  assert.ok(
    listed.some((i) => i.code === null),
    'an item without a code has code null',
  );
  for (const bad of [
    { company_id: cid, code: 'cash', item: { name: 'x', code: 'other' } },
    upsert('bad code!', 'y'),
    upsert('other', '【POS Reg】現金(改名)'),
  ]) {
    const reply = await put(bad);
    assert.equal(reply.status, 400, JSON.stringify(bad));
    assertMatchesSchema('/api/1/items/code/upsert', 'put', 400, reply.body);
  }
  const posted = await post('/api/1/items', {
    company_id: cid,
    name: '品目コード付き',
    code: 'c-1',
  });
  assert.equal((posted.item as Rec).code, 'c-1');
});
