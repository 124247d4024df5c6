// Goal: from the console's 会計一覧 detail, the checkout's receipt is printed on the store's printer,
// printed again as 再発行, and a 領収書 (宛名, 但し書き) is printed; the page lists every issue with
// its count and status; without a printer the page says so and nothing is recorded. The page passes
// the console checks (screenshot, axe). Method: real server and database; the checkout sent with a
// register token; a TCP listener on 127.0.0.1 (the print tests' fake printer) records each job.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
import { checkConsolePage } from '../../support/page-checks.js';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { bearer, checkout, registerToken } from '../../support/ledger-fixtures.js';
import { fakePrinter, type FakePrinter, allowLoopbackPrinters } from '../report/support.js';

let app: TestApp;
let company: TestCompany;
let staff: ApiSession;
let browser: Browser;
let printer: FakePrinter;

const id = '5e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'demo', ['0001']);
  await allowLoopbackPrinters(app, company);
  staff = await apiSession(app, company);
  printer = await fakePrinter();
  const register = bearer(app, await registerToken(app, company));
  const sent = await register('POST', '/api/v1/checkouts', checkout(id));
  assert.equal(sent.status, 201);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await printer?.close();
  await app?.close();
});

async function logIn(page: Page): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.fill('#companyCode', company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', company.adminPassword);
  await page.click('button[type=submit]');
}

async function rows(page: Page): Promise<string[]> {
  return page.locator('[data-testid=receipt-issues] tbody tr').allInnerTexts();
}

test('会計詳細: receipt printed, again 再発行, a 領収書; no printer is refused', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await logIn(page);
  await page.goto(`${app.url}/days/checkouts/${id}?store=0001&date=2025-01-10`);
  assert.match(
    await page.locator('[data-testid=receipt-issues]').innerText(),
    /まだ印刷されていません/,
  );
  await page.click('button:has-text("レシートを印刷")');
  assert.match(await page.locator('.error').innerText(), /プリンターが設定されていません/);
  assert.deepEqual(await rows(page), []);
  const put = await staff.request('PUT', '/api/v1/stores/0001', {
    name: '店舗0001',
    timeZone: 'Asia/Tokyo',
    printer: { kind: 'starprnt', host: '127.0.0.1', port: printer.port },
  });
  assert.equal(put.status, 200);
  await page.goto(`${app.url}/days/checkouts/${id}?store=0001&date=2025-01-10`);
  await page.click('button:has-text("レシートを印刷")');
  await page.click('button:has-text("レシートを印刷")');
  await page.fill('input[name=addressee]', '山田商店');
  await page.fill('input[name=note]', 'お弁当代として');
  await page.click('button:has-text("領収書を印刷")');
  const shown = await rows(page);
  assert.equal(shown.length, 3, shown.join('\n'));
  assert.match(shown[0] ?? '', /レシート\s+1\s+印刷済み/);
  assert.match(shown[1] ?? '', /レシート\s+2\s+再発行\s+印刷済み/);
  assert.match(shown[2] ?? '', /領収書\s+1\s+山田商店 \/ お弁当代として\s+印刷済み/);
  assert.equal(printer.received.length, 3);
  await checkConsolePage(page, 'checkout-receipts');
  await context.close();
});
