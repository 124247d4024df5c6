// Goal: in a real browser, the 消込 screen takes a bank CSV upload, shows a deposit that two of a
// partner's open deals add up to as a combination with its reasons and confidence; accepting it
// with one click settles both deals in the freee sandbox (payments from the bank 口座 on the deposit
// date, due_amount 0, the third deal untouched), the deposit leaves the open list, the payer name
// is learned; 取り消す restores the deals. Screenshot + axe at 1280×800 and 1024×768.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FreeeClient } from '../../../src/adapters/freee/client.js';
import { launchBrowser } from '../../support/browser.js';
import { checkConsolePage } from '../../support/page-checks.js';
import { connectedCompany, type Connected } from '../freee/support/connect.js';
import { startFreeeTestApp, type FreeeTestApp } from '../freee/support/freee-app.js';

let app: FreeeTestApp;
let connected: Connected;
let client: FreeeClient;
let browser: Browser;
let page: Page;
const deals: { id: number; amount: number }[] = [];
const date = '2025-01-08';

interface Deal {
  id: number;
  amount: number;
  due_amount: number;
  payments?: { amount: number; date: string; from_walletable_type: string }[];
}

async function freee<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const r = await client.call(
    `${method} ${path}`,
    (api) =>
      (method === 'GET'
        ? api.GET(path as never, {} as never)
        : api.POST(path as never, { body } as never)) as never,
    { idempotent: method === 'GET' },
  );
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(r.failure)}`);
  return r.data as T;
}

const dealOf = async (id: number) =>
  (await freee<{ deal: Deal }>('GET', `/api/1/deals/${id}?company_id=${client.companyId}`)).deal;

before(async () => {
  app = await startFreeeTestApp();
  connected = await connectedCompany(app, 'rcn');
  client = await connected.client();
  const cid = client.companyId;
  const items = await freee<{ account_items: { id: number; name: string }[] }>(
    'GET',
    `/api/1/account_items?company_id=${cid}`,
  );
  const sales = items.account_items.find((a) => a.name === '売上高')?.id;
  const partner = await freee<{ partner: { id: number } }>('POST', '/api/1/partners', {
    company_id: cid,
    name: '山田商事株式会社',
    name_kana: 'ヤマダショウジ',
  });
  for (const [amount, issue] of [
    [11_000, '2024-12-20'],
    [22_000, '2024-12-25'],
    [5_500, '2024-12-27'],
  ] as const) {
    const made = await freee<{ deal: Deal }>('POST', '/api/1/deals', {
      company_id: cid,
      issue_date: issue,
      type: 'income',
      partner_id: partner.partner.id,
      details: [{ account_item_id: sales, tax_code: 129, amount }],
    });
    deals.push({ id: made.deal.id, amount });
  }
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${app.url}/login`);
  await page.fill('#companyCode', connected.company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', connected.company.adminPassword);
  await page.click('main button[type=submit]');
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const statement = Buffer.from(
  [
    '\ufeff取引日,入出金(円),取引後残高(円),入出金内容',
    `${date.replaceAll('-', '')},33000,1033000,振込入金 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ`,
    `${date.replaceAll('-', '')},-440,1032560,振込手数料`,
    '',
  ].join('\r\n'),
  'utf8',
);

test('a combination suggestion is accepted with one click and settles both deals in freee', async () => {
  await page.goto(`${app.url}/reconcile`);
  await page.setInputFiles('#statement', {
    name: 'rakuten.csv',
    mimeType: 'text/csv',
    buffer: statement,
  });
  await page.click('text=取り込む');
  await page.waitForURL(/done=imported/);
  assert.match((await page.textContent('[role=status]')) ?? '', /新規 2件/);
  const row = page.locator('#open-deposits tr', { hasText: '33,000円' });
  const text = (await row.textContent()) ?? '';
  assert.match(text, /複数取引の組み合わせ/);
  assert.match(text, /確度 \d+%/);
  assert.match(text, /理由: /);
  assert.match(text, new RegExp(`取引 ${deals[0]?.id}`));
  assert.match(text, new RegExp(`取引 ${deals[1]?.id}`));
  await checkConsolePage(page, 'reconcile');

  await row.locator('text=この内容で消し込む').first().click();
  await page.waitForURL(/done=accepted/);
  assert.equal(await page.locator('#open-deposits tr', { hasText: '33,000円' }).count(), 0);
  assert.match((await page.textContent('#applied')) ?? '', /反映済み/);
  assert.match((await page.textContent('#aliases')) ?? '', /ﾔﾏﾀﾞｼﾖｳｼﾞ/);

  for (const d of deals.slice(0, 2)) {
    const deal = await dealOf(d.id);
    assert.equal(deal.due_amount, 0, `deal ${d.id} settled`);
    assert.deepEqual(
      deal.payments?.map((p) => [p.amount, p.date, p.from_walletable_type]),
      [[d.amount, date, 'bank_account']],
    );
  }
  const third = await dealOf(deals[2]!.id);
  assert.equal(third.due_amount, 5_500);
  assert.equal(third.payments, undefined);
});

test('取り消す removes the payments: the deals are open again and the deposit is back', async () => {
  await page.goto(`${app.url}/reconcile`);
  page.once('dialog', (d) => void d.accept());
  await page.click('#applied >> text=取り消す');
  await page.waitForURL(/done=undone/);
  for (const d of deals) {
    const deal = await dealOf(d.id);
    assert.equal(deal.due_amount, d.amount, `deal ${d.id}: due_amount back`);
    assert.equal(deal.payments, undefined);
  }
  assert.equal(await page.locator('#open-deposits tr', { hasText: '33,000円' }).count(), 1);
});

test('an upload over the size limit is refused before it is read; nothing is imported', async () => {
  const before = await page.locator('#open-deposits tbody tr').count();
  const big = await page.request.post(`${app.url}/reconcile/import`, {
    multipart: {
      statement: {
        name: 'big.csv',
        mimeType: 'text/csv',
        buffer: Buffer.alloc(21 * 1024 * 1024, 0x41),
      },
    },
  });
  assert.equal(big.status(), 413);
  await page.goto(`${app.url}/reconcile`);
  assert.equal(await page.locator('#open-deposits tbody tr').count(), before);
});
