// Goal (issue 11 item 7, issue 14 forms): in a real browser, 取引の送信設定 before any マスター同期 says
// so and offers 今すぐ同期; after it every freee name is picked from the synced masters (code and name,
// with a search box); a mapping chosen there saves and a closed day posts with the chosen 勘定科目 in
// the sandbox's deal (連携結果 shows 送信済). Then the 勘定科目 is removed in freee, a full sync
// archives it, and the save is refused on that field, named in Japanese (no developer paths), with
// every chosen and typed value kept. Screenshots and axe at 1280×800 and 1024×768.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { postingTimings } from '../../../src/app/posting/timings.js';
import { launchBrowser } from '../../support/browser.js';
import { checkConsolePage } from '../../support/page-checks.js';
import { startMastersHarness, type MastersHarness } from '../masters/support.js';
import { checkout, closeOf, dealsOn, ingest, item, post } from '../posting/support.js';

let h: MastersHarness;
let browser: Browser;
let page: Page;
const date = '2025-01-09';
const settingsUrl = () => `${h.app.url}/admin/settings/integrations/freee/posting`;
const sel = (id: string) => `select[id="${id}"]`;

before(async () => {
  h = await startMastersHarness();
  h.app.services.postingTimings = postingTimings({ scale: 0.001, requestTimeoutMs: 2_000 });
  // A second sales account and a 部門 with a code, to be chosen from the lists.
  await h.app.freeePool.query(
    `insert into freee_sandbox.account_items (company_id, name, shortcut, shortcut_num, tax_code,
       account_category, account_category_id, categories, available, group_name, update_date)
     select company_id, '店舗売上高', 'TENPO', '4199', tax_code, account_category,
       account_category_id, categories, available, group_name, update_date
       from freee_sandbox.account_items where company_id = $1 and name = '売上高'`,
    [h.sandboxCompanyId],
  );
  await h.app.freeePool.query(
    `insert into freee_sandbox.sections (company_id, name, code, update_date)
     values ($1, '渋谷店', 'S-101', '2025-01-01')`,
    [h.sandboxCompanyId],
  );
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.goto(`${h.app.url}/login`);
  await page.fill('#companyCode', h.connected.company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', h.connected.company.adminPassword);
  await page.click('main button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
});
after(async () => {
  await browser?.close();
  await h?.close();
});

test('before any sync the page says so; 今すぐ同期 fills the lists (code and name)', async () => {
  await page.goto(settingsUrl());
  assert.match(
    (await page.textContent('#masters-not-synced')) ?? '',
    /マスター.*まだ同期されていません/,
  );
  assert.equal(await page.locator('input[name="a.sales"]').count(), 1, 'typed before a sync');
  await Promise.all([page.waitForURL(/synced=1/), page.click('#masters-sync-now')]);
  assert.equal(await page.locator('#masters-not-synced').count(), 0);
  const options = await page.locator(`${sel('a.sales')} option`).allTextContents();
  assert.ok(options.includes('4199 店舗売上高'), options.join(' / '));
  const sections = await page.locator(`${sel('s.0001.sectionName')} option`).allTextContents();
  assert.ok(sections.includes('S-101 渋谷店'), sections.join(' / '));
  assert.ok(sections.includes('部門なし'));
});

test('a mapping chosen from the lists saves and the closed day posts with it', async () => {
  await page.goto(settingsUrl());
  // The search box narrows the list and picks the first match.
  await page.fill('input[data-filter-for="a.sales"]', 'TENPO店舗');
  await page.fill('input[data-filter-for="a.sales"]', '店舗売');
  assert.equal(await page.inputValue(sel('a.sales')), '店舗売上高');
  const visible = await page
    .locator(`${sel('a.sales')} option`)
    .evaluateAll(
      (nodes) => nodes.filter((n) => !(n as unknown as { hidden: boolean }).hidden).length,
    );
  assert.equal(visible, 1);
  await page.selectOption(sel('s.0001.sectionName'), { label: 'S-101 渋谷店' });
  await checkConsolePage(page, 'posting-settings-lists');
  await page.setViewportSize({ width: 1280, height: 800 });
  await Promise.all([page.waitForURL(/saved=1/), page.click('#posting-settings-save')]);
  const saved = (await h.app.app().posting.getPostingSettings(h.companyId)).settings;
  assert.equal(saved.accountNames.sales, '店舗売上高');
  assert.equal(saved.stores[0]?.sectionName, '渋谷店');
  // The 【POS Reg】 品目 and settlement 取引先 are created in freee from the page.
  await Promise.all([page.waitForLoadState('load'), page.click('#masters-push button')]);
  assert.match(
    (await page.textContent('[role=status]')) ?? '',
    /freeeに登録しました: 作成 9件 \/ 更新 0件 \/ 変更なし 1件/,
  );
  assert.equal(await page.locator('[role=alert]').count(), 0, 'the chosen 部門 is used as it is');

  await ingest(h, [
    checkout('b1', '0001', date, [item(1100, 'standard10')], [{ method: 'cash', amount: 1100 }]),
  ]);
  await closeOf(h, '0001', date, 10_000, 11_100);
  const outcome = await post(h, '0001', date);
  assert.equal(outcome.status, 'posted', JSON.stringify(outcome));
  const ids = await h.app.freeePool.query<{ id: number; name: string }>(
    `select id, name from freee_sandbox.account_items where company_id = $1 and name = '店舗売上高'
     union all
     select id, name from freee_sandbox.sections where company_id = $1 and name = '渋谷店'`,
    [h.sandboxCompanyId],
  );
  const [account, section] = ids.rows;
  const deals = await dealsOn(h, date);
  const sales = deals.flatMap((d) => d.details).filter((d) => d.account_item_id === account?.id);
  assert.equal(sales.length, 1, JSON.stringify(deals));
  assert.equal(sales[0]?.amount, 1100);
  assert.equal(sales[0]?.section_id, section?.id);
  await page.goto(`${h.app.url}/integrations?from=${date}&to=${date}`);
  assert.match((await page.textContent('main')) ?? '', /送信済/);
});

test('a 勘定科目 removed in freee is refused at save on its field; every value is kept', async () => {
  await h.app.freeePool.query(
    "delete from freee_sandbox.account_items where company_id = $1 and name = '店舗売上高'",
    [h.sandboxCompanyId],
  );
  await page.goto(`${h.app.url}/admin/settings/masters`);
  await page.check('form[action="/admin/settings/masters/sync"] input[name=full]');
  await Promise.all([
    page.waitForURL(/done=synced/),
    page.click('form[action="/admin/settings/masters/sync"] button[type=submit]'),
  ]);
  await page.goto(settingsUrl());
  assert.equal(await page.inputValue(sel('a.sales')), '店舗売上高');
  assert.match(
    (await page.locator(`${sel('a.sales')} option:checked`).textContent()) ?? '',
    /店舗売上高\(freeeで削除済\)/,
  );
  await page.selectOption(sel('s.0001.sectionName'), '');
  await page.fill('input[name="s.0001.cashWalletableName"]', 'レジ現金');
  await Promise.all([page.waitForLoadState('load'), page.click('#posting-settings-save')]);
  await page.waitForSelector('[role=alert]');
  const alert = (await page.textContent('[role=alert]')) ?? '';
  assert.match(alert, /勘定科目「売上」: 売上高の勘定科目「店舗売上高」はfreeeで削除/);
  assert.doesNotMatch(alert, /accountNames|methods\[|stores\[/);
  const next = page.locator(`td:has(${sel('a.sales')}) .error`);
  assert.match((await next.textContent()) ?? '', /freeeで削除/);
  assert.equal(await page.inputValue(sel('a.sales')), '店舗売上高');
  assert.equal(await page.inputValue(sel('s.0001.sectionName')), '');
  assert.equal(await page.inputValue('input[name="s.0001.cashWalletableName"]'), 'レジ現金');
  await checkConsolePage(page, 'posting-settings-refused');
  const stored = (await h.app.app().posting.getPostingSettings(h.companyId)).settings;
  assert.equal(stored.stores[0]?.sectionName, '渋谷店', 'nothing written');
  assert.equal(stored.stores[0]?.cashWalletableName, '現金');
});

test('a bad 入金サイクル is named by its Japanese label (no document path) and kept', async () => {
  await page.goto(settingsUrl());
  await page.selectOption(sel('a.sales'), '売上高');
  await page.selectOption('select[name="m.credit.kind"]', 'monthly');
  await page.fill('input[name="m.credit.cutoffDay"]', '35');
  await page.fill('input[name="m.credit.paymentMonthOffset"]', '1');
  await page.fill('input[name="m.credit.paymentDay"]', '10');
  await Promise.all([page.waitForLoadState('load'), page.click('#posting-settings-save')]);
  const alert = (await page.textContent('[role=alert]')) ?? '';
  assert.match(
    alert,
    /支払い方法「クレジット」の入金サイクル: 入金サイクルの指定が正しくありません/,
  );
  assert.doesNotMatch(alert, /methods|schedule|cutoffDay/);
  assert.equal(await page.inputValue('select[name="m.credit.kind"]'), 'monthly');
  assert.equal(await page.inputValue('input[name="m.credit.cutoffDay"]'), '35');
  assert.equal(await page.inputValue(sel('a.sales')), '売上高');
});
