// Goal: deals behave as freee documents — CRUD with PUT replacing lines, list filters and paging
// (limit ≤ 100), validation like freee (lines 1..100, integer amounts, existing account items and
// tax codes, open fiscal periods), settlement rules (payments ≤ total, 現金・預金 lines settled).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSandboxPeriod, setSandboxMember } from '../../src/sandbox/admin.js';
import { createSandboxCompany } from '../../src/sandbox/seed/company.js';
import { call, login, startHarness, type Harness } from './support/harness.js';

type Rec = Record<string, unknown>;
type Deal = Rec & { id: number; details: (Rec & { id: number })[]; payments?: Rec[] };

const messages = (body: unknown): string =>
  JSON.stringify((body as { errors: { messages: string[] }[] }).errors.flatMap((e) => e.messages));

let h: Harness;
let token: string;
let cid: number;
let account: Record<string, number>;
const api = (method: string, path: string, body?: unknown) => call(h, token, method, path, body);
const line = (name: string, amount: number, taxCode = 129, extra: Rec = {}) => ({
  account_item_id: account[name],
  tax_code: taxCode,
  amount,
  ...extra,
});
const create = async (body: Rec): Promise<Deal> => {
  const reply = await api('POST', '/api/1/deals', {
    company_id: cid,
    type: 'income',
    issue_date: '2025-06-10',
    ...body,
  });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return (reply.body as { deal: Deal }).deal;
};
const rejected = async (body: Rec, pattern: RegExp, method = 'POST', path = '/api/1/deals') => {
  const reply = await api(method, path, {
    company_id: cid,
    type: 'income',
    issue_date: '2025-06-10',
    ...body,
  });
  assert.equal(reply.status, 400, JSON.stringify(reply.body));
  assert.equal((reply.body as Rec).status_code, 400);
  assert.match(messages(reply.body), pattern);
};
before(async () => {
  h = await startHarness();
  token = (await login(h)).accessToken;
  cid = h.company.companyId;
  const list = (await api('GET', `/api/1/account_items?company_id=${cid}`)).body as {
    account_items: { id: number; name: string }[];
  };
  account = Object.fromEntries(list.account_items.map((a) => [a.name, a.id]));
});
after(async () => {
  await h.close();
});

test('create computes vat per line (内税, 切り捨て), totals and status; GET returns the same deal', async () => {
  const deal = await create({
    details: [
      line('売上高', 1100),
      line('売上高', 1080, 156),
      line('売上高', 999),
      line('前受金', 500, 2),
    ],
  });
  assert.deepEqual(
    deal.details.map((d) => [d.amount, d.vat, d.entry_side]),
    [
      [1100, 100, 'credit'],
      [1080, 80, 'credit'],
      [999, 90, 'credit'],
      [500, 0, 'credit'],
    ],
  );
  assert.equal(deal.amount, 3679);
  assert.equal(deal.due_amount, 3679);
  assert.equal(deal.status, 'unsettled');
  assert.equal('payments' in deal, false, 'payments key absent when none');
  const got = await api('GET', `/api/1/deals/${deal.id}?company_id=${cid}`);
  assert.deepEqual((got.body as { deal: Deal }).deal, deal);
});

test('payments: cash sales settled into the 現金 口座; partial payments; overpayment refused; balance moves', async () => {
  const before = await cashBalance();
  const cash = {
    from_walletable_type: 'wallet',
    from_walletable_id: h.company.cashWalletableId,
    date: '2025-06-10',
  };
  const settled = await create({
    details: [line('売上高', 3300)],
    payments: [{ ...cash, amount: 3300 }],
  });
  assert.deepEqual(
    [settled.status, settled.due_amount, settled.payments?.length],
    ['settled', 0, 1],
  );
  const open = await create({ details: [line('売上高', 1000)] });
  const part = await api('POST', `/api/1/deals/${open.id}/payments`, {
    company_id: cid,
    ...cash,
    amount: 400,
  });
  assert.equal(part.status, 201);
  assert.deepEqual(
    [(part.body as { deal: Deal }).deal.status, (part.body as { deal: Deal }).deal.due_amount],
    ['unsettled', 600],
  );
  const over = await api('POST', `/api/1/deals/${open.id}/payments`, {
    company_id: cid,
    ...cash,
    amount: 601,
  });
  assert.equal(over.status, 400);
  await rejected(
    { details: [line('売上高', 100)], payments: [{ ...cash, amount: 101 }] },
    /超えています/,
  );
  const expense = await api('POST', '/api/1/deals', {
    company_id: cid,
    type: 'expense',
    issue_date: '2025-06-10',
    details: [line('雑損失', 50, 2)],
    payments: [{ ...cash, amount: 50 }],
  });
  assert.equal(expense.status, 201);
  assert.equal(await cashBalance(), before + 3300 + 400 - 50);
});

async function cashBalance(): Promise<number> {
  const reply = await api('GET', `/api/1/walletables?company_id=${cid}&with_balance=true`);
  const cash = (reply.body as { walletables: Rec[] }).walletables.find(
    (w) => w.id === h.company.cashWalletableId,
  );
  return cash?.walletable_balance as number;
}

test('validation like freee: lines 1..100, integers, known accounts/taxes/masters, dates', async () => {
  await rejected({ details: [] }, /details は1件以上/);
  await rejected(
    { details: Array.from({ length: 101 }, () => line('売上高', 1)) },
    /details は最大100件/,
  );
  await create({ details: Array.from({ length: 100 }, () => line('売上高', 1)) });
  await rejected({ details: [line('売上高', 10.5)] }, /details\[0\]\.amount は整数/);
  await rejected({ details: [{ tax_code: 129, amount: 100 }] }, /account_item_id は必須/);
  await rejected({ details: [line('売上高', 100, 999)] }, /存在しない税区分/);
  await rejected(
    { details: [{ account_item_id: 1, tax_code: 129, amount: 100 }] },
    /存在しない勘定科目/,
  );
  await rejected({ details: [line('売上高', 100, 129, { item_id: 12345 })] }, /存在しない品目/);
  await rejected({ details: [line('前受金', 100, 2, { vat: 5 })] }, /vat は税額が不要な税区分/);
  await rejected(
    { issue_date: '2025-02-30', details: [line('売上高', 100)] },
    /issue_date は不正な日付フォーマット/,
  );
  await rejected({ type: 'transfer', details: [line('売上高', 100)] }, /type は income, expense/);
  await rejected({ details: [line('現金', 100, 2)] }, /現金・預金/);
  await rejected(
    { details: [line('売上高', 100, 129, { account_item_code: 'X' })] },
    /コードの利用が無効/,
  );
  const noCompany = await api('POST', '/api/1/deals', {
    issue_date: '2025-06-10',
    type: 'income',
    details: [line('売上高', 1)],
  });
  assert.equal(noCompany.status, 400);
  assert.match(messages(noCompany.body), /company_id は必須/);
});

test('issue_date outside every fiscal year, in a closed year or before 本締め日 → 400', async () => {
  await rejected(
    { issue_date: '2023-06-01', details: [line('売上高', 100)] },
    /会計年度が存在しません/,
  );
  await create({ issue_date: '2024-06-01', details: [line('売上高', 100)] });
  const other = await createSandboxCompany(h.db.pool, h.clock, {
    name: '締め済み商店',
    userId: h.company.userId,
    previousYearClosed: true,
    monthEndDate: '2025-04-30',
  });
  // A token reaches only the 事業所 its flow granted (issue #10 item 3): one for `other`.
  const otherToken = (await login(h, { selection: `${h.company.userId}:${other.companyId}` }))
    .accessToken;
  const post = (date: string) =>
    call(h, otherToken, 'POST', '/api/1/deals', {
      company_id: other.companyId,
      type: 'income',
      issue_date: date,
      details: [line('売上高', 100)],
    });
  assert.match(messages((await post('2024-06-01')).body), /年度締め済み/);
  assert.match(messages((await post('2025-04-30')).body), /月締め済み/);
  assert.equal(
    (await post('2025-05-01')).status,
    400,
    'account ids are per company: 売上高 of another 事業所 is unknown',
  );
});

test('PUT replaces the lines (kept by id, added without, dropped when absent); type cannot change', async () => {
  const deal = await create({
    details: [line('売上高', 1100), line('売上高', 2200), line('雑収入', 330)],
  });
  const [first, , third] = deal.details;
  const reply = await api('PUT', `/api/1/deals/${deal.id}`, {
    company_id: cid,
    type: 'income',
    issue_date: '2025-06-11',
    ref_number: 'r-2',
    details: [
      { id: third?.id, account_item_id: account['雑収入'], tax_code: 129, amount: 550 },
      { account_item_id: account['売上高'], tax_code: 156, amount: 108 },
      { id: first?.id, account_item_id: account['売上高'], tax_code: 129, amount: 1100 },
    ],
  });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  const updated = (reply.body as { deal: Deal }).deal;
  assert.equal(updated.details[0]?.id, third?.id);
  assert.equal(updated.details[2]?.id, first?.id);
  assert.equal(
    updated.details.some((d) => d.id === deal.details[1]?.id),
    false,
  );
  assert.deepEqual(
    [updated.amount, updated.issue_date, updated.ref_number],
    [1758, '2025-06-11', 'r-2'],
  );
  await rejected(
    { type: 'expense', details: [line('売上高', 1)] },
    /収支区分/,
    'PUT',
    `/api/1/deals/${deal.id}`,
  );
  await rejected(
    { details: [{ id: 1, ...line('売上高', 1) }] },
    /取引行ではありません/,
    'PUT',
    `/api/1/deals/${deal.id}`,
  );
});

test('DELETE → 204, then 404; deals of a closed month cannot be deleted', async () => {
  const deal = await create({ details: [line('売上高', 100)] });
  const del = await api('DELETE', `/api/1/deals/${deal.id}?company_id=${cid}`);
  assert.equal(del.status, 204);
  assert.equal((await api('GET', `/api/1/deals/${deal.id}?company_id=${cid}`)).status, 404);
  assert.equal((await api('DELETE', `/api/1/deals/${deal.id}?company_id=${cid}`)).status, 404);
  const old = await create({ issue_date: '2025-04-05', details: [line('売上高', 100)] });
  await closeSandboxPeriod(h.db.pool, {
    companyId: cid,
    date: '2025-04-05',
    monthEndDate: '2025-04-30',
  });
  try {
    const refused = await api('DELETE', `/api/1/deals/${old.id}?company_id=${cid}`);
    assert.equal(refused.status, 400);
    assert.match(messages(refused.body), /月締め済み/);
  } finally {
    await closeSandboxPeriod(h.db.pool, { companyId: cid, date: '2025-04-05', monthEndDate: null });
  }
});

test('list: filters, paging, total_count, limit ≤ 100, company_id required and checked', async () => {
  const partner = (await api('POST', '/api/1/partners', { company_id: cid, name: '決済代行A' }))
    .body as { partner: { id: number } };
  const a = await create({
    issue_date: '2025-07-01',
    partner_id: partner.partner.id,
    details: [line('売上高', 111)],
  });
  const b = await create({ issue_date: '2025-07-02', details: [line('雑収入', 222)] });
  const c = await create({
    issue_date: '2025-07-03',
    type: 'expense',
    details: [line('支払手数料', 333, 136)],
  });
  const ids = async (query: string) => {
    const reply = await api('GET', `/api/1/deals?company_id=${cid}&${query}`);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return (reply.body as { deals: Deal[] }).deals.map((d) => d.id);
  };
  const july = 'start_issue_date=2025-07-01&end_issue_date=2025-07-31';
  assert.deepEqual(await ids(july), [c.id, b.id, a.id]);
  assert.deepEqual(await ids(`${july}&partner_id=${partner.partner.id}`), [a.id]);
  assert.deepEqual(await ids(`${july}&account_item_id=${account['雑収入']}`), [b.id]);
  assert.deepEqual(await ids(`${july}&type=expense`), [c.id]);
  assert.deepEqual(await ids(`${july}&status=settled`), []);
  assert.deepEqual(await ids(`${july}&limit=1&offset=1`), [b.id]);
  const page = await api('GET', `/api/1/deals?company_id=${cid}&${july}&limit=1`);
  assert.equal((page.body as { meta: { total_count: number } }).meta.total_count, 3);
  assert.equal((await api('GET', `/api/1/deals?company_id=${cid}&limit=100`)).status, 200);
  for (const bad of ['limit=101', 'limit=0', 'offset=-1', 'start_issue_date=2025-7-1'])
    assert.equal((await api('GET', `/api/1/deals?company_id=${cid}&${bad}`)).status, 400, bad);
  assert.equal((await api('GET', '/api/1/deals')).status, 400);
  const stranger = await createSandboxCompany(h.db.pool, h.clock, { name: '他人の事業所' });
  const foreign = await api('GET', `/api/1/deals?company_id=${stranger.companyId}`);
  // Not the 事業所 this token was granted: 403 (issue #10 item 3), before any membership check.
  assert.equal(foreign.status, 403);
});

test('a read_only member may read but gets 401 user_do_not_have_permission on writes', async () => {
  await setSandboxMember(h.db.pool, {
    companyId: cid,
    userId: h.company.userId,
    role: 'read_only',
  });
  try {
    assert.equal((await api('GET', `/api/1/deals?company_id=${cid}`)).status, 200);
    const write = await api('POST', '/api/1/deals', {
      company_id: cid,
      type: 'income',
      issue_date: '2025-06-10',
      details: [line('売上高', 1)],
    });
    assert.equal(write.status, 401);
    assert.equal((write.body as Rec).code, 'user_do_not_have_permission');
  } finally {
    await setSandboxMember(h.db.pool, { companyId: cid, userId: h.company.userId, role: 'admin' });
  }
});
