// Goal: in a real browser, the 閉局 screen shows expected cash and the difference BEFORE anything is
// recorded, then 閉局する records version 1; 会計一覧 lists the day's checkouts with status, total and
// payments and filters by status. Method: the spec's example day ingested through the use case,
// Debian's Chromium via playwright-core, database rows checked after each step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { recordDrawerEvents } from '../../../src/app/ledger/record-drawer-events.js';
import { launchBrowser } from '../../support/browser.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import {
  checkout,
  countRows,
  exampleDay,
  ledgerOf,
  staffActor,
} from '../../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let browser: Browser;

before(async () => {
  app = await startTestApp({ now: '2025-01-10T22:00:00+09:00' });
  company = await createTestCompany(app, 'demo', ['0001']);
  await ingestCheckouts(
    ledgerOf(app),
    staffActor(company),
    [...exampleDay.checkouts, checkout('cancel-1', { status: 'cancelled' })],
    { pathOf: (i) => `checkouts[${i}]` },
  );
  await recordDrawerEvents(ledgerOf(app), staffActor(company), exampleDay.drawer, {
    pathOf: (i) => `drawer[${i}]`,
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function logIn(page: Page): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.fill('#companyCode', company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', company.adminPassword);
  await page.click('button[type=submit]');
}

test("会計一覧: the day's checkouts with status, total, payments; filter by status", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page);
  await page.click('text=会計一覧');
  assert.match(await page.locator('h1').innerText(), /2025年1月10日\(金\)/);
  const rows = page.locator('tbody tr[data-status]');
  assert.equal(await rows.count(), 2);
  const example = await page.locator('tr', { hasText: '8a1d0c2e-0001' }).innerText();
  assert.match(example, /会計完了/);
  assert.match(example, /¥1,880/);
  assert.match(example, /クレジット ¥1,000 \/ 現金 ¥1,000/);
  await page.selectOption('#status', 'cancelled');
  await page.click('text=表示');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /取消/);
  await context.close();
});

test('閉局: the difference is shown before confirming; 閉局する records version 1', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page);
  await page.click('text=閉局(レジ締め)');
  assert.match(await page.locator('body').innerText(), /まだ閉局していません/);
  await page.fill('#float', '30,000');
  await page.fill('#countedCash', '３５，０００');
  await page.click('button:has-text("確認する")');
  assert.equal(await page.locator('[data-testid=expected]').innerText(), '¥35,880');
  const difference = await page.locator('[data-testid=difference]').innerText();
  assert.ok(difference.startsWith('-¥880') && difference.includes('不足'), difference);
  assert.equal(
    await countRows(app, 'day_closes', company.companyId),
    0,
    'nothing recorded before 閉局する',
  );
  await page.click('button:has-text("閉局する")');
  assert.match(await page.locator('[role=status]').innerText(), /第1版として閉局しました/);
  const version = await page.locator('tr[data-version="1"]').innerText();
  assert.match(version, /¥35,880/);
  assert.match(version, /-¥880/);
  const { rows } = await app.db.pool.query(
    'select version, float_yen, counted_cash_yen, difference_yen, closed_by from day_closes where company_id = $1',
    [company.companyId],
  );
  assert.deepEqual(rows, [
    {
      version: 1,
      float_yen: 30000,
      counted_cash_yen: 35000,
      difference_yen: -880,
      closed_by: 'staff:admin',
    },
  ]);
  await context.close();
});

test('閉局: a wrong amount is named on the form, nothing recorded', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page);
  await page.goto(`${app.url}/days/close?store=0001&date=2025-01-10`);
  await page.fill('#float', '1.5');
  await page.fill('#countedCash', '100');
  await page.click('button:has-text("確認する")');
  assert.match(await page.locator('[role=alert]').innerText(), /釣銭準備金は0以上の整数/);
  assert.match(await page.locator('#float + .error').innerText(), /釣銭準備金.*例: 120,000/);
  assert.equal(await page.inputValue('#float'), '1.5', 'the input is kept');
  assert.equal(await page.inputValue('#countedCash'), '100');
  assert.equal(await countRows(app, 'day_closes', company.companyId), 1);
  await context.close();
});
