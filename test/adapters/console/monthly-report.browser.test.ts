// Goal: the 月報 in a real browser at 1280×800 and 1024×768, reached from the 日報 and from TOP: one
// row per business day with 売上等 / 会計数 / 客数 and a link back to that day's 日報, a totals row,
// the month per payment method and per tax rate, and the CSV links. Screenshots and axe (0 serious
// or critical) at both widths.
// Method: checkouts ingested through the use case on three dates of January 2025; Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { launchBrowser } from '../../support/browser.js';
import { checkConsolePage } from '../../support/page-checks.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { checkout, ledgerOf, staffActor } from '../../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let browser: Browser;

const sale = (id: string, date: string, unitPrice: number, method: string, reduced = false) =>
  checkout(id, {
    businessDate: date,
    startedAt: `${date}T12:00:00+09:00`,
    completedAt: `${date}T12:05:00+09:00`,
    customerCount: 2,
    lines: [
      { name: '品', quantity: 1, unitPrice, taxCategory: reduced ? 'reduced8' : 'standard10' },
    ],
    payments: [{ method, amount: unitPrice }],
  });

before(async () => {
  app = await startTestApp({ now: '2025-01-20T15:00:00+09:00' });
  company = await createTestCompany(app, 'mbrowse', ['0001']);
  await ingestCheckouts(
    ledgerOf(app),
    staffActor(company),
    [
      sale('a', '2025-01-06', 1100, 'cash'),
      sale('b', '2025-01-06', 540, 'credit', true),
      sale('c', '2025-01-15', 2200, 'paypay'),
      sale('d', '2025-01-20', 3300, 'credit'),
    ],
    { pathOf: (i) => `checkouts[${i}]` },
  );
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('月報: per day, per method, per rate, totals; linked from the 日報 and TOP', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.fill('#companyCode', company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', company.adminPassword);
  await page.click('button[type=submit]');
  await page.locator('[data-testid=today-sales] tr[data-store="0001"] a.month-link').click();
  assert.equal(new URL(page.url()).pathname, '/report/month');
  await page.goto(`${app.url}/report?store=0001&date=2025-01-06`);
  await page.click('#month-link');
  assert.match(await page.locator('h1').innerText(), /月報 — 店舗0001\(0001\) 2025年1月/);
  assert.equal(await page.locator('#month-days tbody tr[data-date]').count(), 31);
  const day6 = await page.locator('#month-days tr[data-date="2025-01-06"]').innerText();
  assert.match(day6, /1\/6\(月\)\s+¥1,640/);
  const total = await page.locator('#month-days tr[data-row=total]').innerText();
  assert.match(total, /合計\s+¥7,140/);
  assert.match(total, /\s4\s+8\s+4$/, '会計数 4, 客数 8, 商品数 4');
  assert.match(
    await page.locator('#month-methods tr[data-method=credit]').innerText(),
    /2\s+¥3,840/,
  );
  assert.match(
    await page.locator('#month-tax-rates tr[data-tax=reduced8]').innerText(),
    /¥540\s+¥40\s+¥500/,
  );
  assert.match(
    (await page.locator('#csv-sjis').getAttribute('href')) ?? '',
    /format=csv&encoding=sjis/,
  );
  await checkConsolePage(page, 'monthly-report');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('#month-days tr[data-date="2025-01-15"] a').click();
  assert.equal(new URL(page.url()).searchParams.get('date'), '2025-01-15');
  await context.close();
});
