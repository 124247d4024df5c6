// Goal: in a real browser at 1280×800 and 1024×768, TOP shows today's sales per store against the
// same weekday last week, the past day that was never closed (linking to 閉局) and 30 days of sales;
// 会計一覧 has a totals row and a detail page per checkout; an unknown console URL is a Japanese 404.
// Each page is screenshotted (test-results/) and has no serious or critical axe violation.
// Method: checkouts ingested through the use case on three business dates; Chromium (playwright-core).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { launchBrowser } from '../../support/browser.js';
import { checkConsolePage } from '../../support/page-checks.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { checkout, exampleDay, ledgerOf, staffActor } from '../../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let browser: Browser;

const on = (id: string, date: string, unitPrice: number) =>
  checkout(id, {
    businessDate: date,
    startedAt: `${date}T11:00:00+09:00`,
    completedAt: `${date}T11:05:00+09:00`,
    lines: [{ name: 'ランチ', quantity: 1, unitPrice, taxCategory: 'standard10' }],
    payments: [{ method: 'cash', amount: unitPrice }],
  });

before(async () => {
  app = await startTestApp({ now: '2025-01-17T15:00:00+09:00' });
  company = await createTestCompany(app, 'demo', ['0001']);
  await ingestCheckouts(
    ledgerOf(app),
    staffActor(company),
    [...exampleDay.checkouts, on('today-1', '2025-01-17', 3300), on('week-1', '2025-01-10', 1100)],
    { pathOf: (i) => `checkouts[${i}]` },
  );
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

test('TOP: today per store vs last week, the unclosed day links to 閉局, 30-day chart; 404 in Japanese', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await logIn(page);
  const today = await page.locator('[data-testid=today-sales] tr[data-store="0001"]').innerText();
  assert.match(today, /2025\/01\/17/);
  assert.match(today, /¥3,300/);
  assert.match(today, /¥2,980/, 'last Friday: the example day ¥1,880 + ¥1,100');
  assert.match(today, /\+¥320\(111%\)/);
  const unclosed = page.locator('[data-testid=attention] li[data-kind=unclosed]');
  assert.equal(await unclosed.count(), 1);
  assert.match(await unclosed.innerText(), /2025年1月10日\(金\)/);
  assert.equal(await page.locator('[data-testid=sales-chart] g[data-date]').count(), 30);
  assert.equal(
    await page
      .locator('[data-testid=sales-chart] g[data-date="2025-01-17"]')
      .getAttribute('data-sales-total'),
    '3300',
  );
  await checkConsolePage(page, 'top');
  await page.setViewportSize({ width: 1280, height: 800 });
  await unclosed.locator('a').click();
  assert.equal(new URL(page.url()).pathname, '/days/close');
  assert.match(await page.locator('h1').innerText(), /2025年1月10日\(金\)/);
  await checkConsolePage(page, 'close');

  const missing = await page.goto(`${app.url}/no/such/page`);
  assert.equal(missing?.status(), 404);
  assert.match(missing?.headers()['content-type'] ?? '', /text\/html/);
  assert.match(await page.locator('h1').innerText(), /ページが見つかりません/);
  const api = await fetch(`${app.url}/api/no-such`);
  assert.equal(api.status, 404);
  assert.match(api.headers.get('content-type') ?? '', /json/);
  await context.close();
});

test('会計一覧: totals row, a detail per checkout with lines, tax, tenders and change', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await logIn(page);
  await page.goto(`${app.url}/days/checkouts?store=0001&date=2025-01-10`);
  assert.match(await page.locator('tr[data-row=total]').innerText(), /会計完了 2件[\s\S]*¥2,980/);
  await checkConsolePage(page, 'checkouts');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.click('a:has-text("8a1d0c2e-0001")');
  assert.match(new URL(page.url()).pathname, /^\/days\/checkouts\/8a1d0c2e-0001$/);
  assert.match(
    await page.locator('[data-testid=checkout-lines] tr[data-row=total]').innerText(),
    /¥1,880/,
  );
  assert.match(
    await page.locator('[data-testid=checkout-lines]').innerText(),
    /全体割引[\s\S]*-¥200/,
  );
  assert.match(await page.locator('[data-testid=checkout-tax]').innerText(), /¥904[\s\S]*¥82/);
  assert.match(
    await page.locator('[data-testid=checkout-tenders] tr[data-row=cashChange]').innerText(),
    /¥120/,
  );
  await checkConsolePage(page, 'checkout-detail');
  const missing = await page.goto(`${app.url}/days/checkouts/nope?store=0001&date=2025-01-10`);
  assert.equal(missing?.status(), 404);
  await context.close();
});
