// Goal: the register page (/register) in real Chromium at tablet size (1024×768): ring up and pay
// cash with change; a reduced-rate line shows ※ and the receipt preview shows 登録番号 and both
// rates' 対象額/消費税; hold and recall; cancel a completed checkout; 閉局 by 金種 with the
// difference shown before confirming. Offline: 20 checkouts with the browser offline all reach the
// server exactly once, a reload in the middle of the send loses and duplicates none, and a close
// made while 3 were unsent shows them in 未送信の会計. Method: a real HTTP server over a fresh
// database, the register paired with a register token, database rows counted after each step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { countRows, registerToken } from '../../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let browser: Browser;
let token: string;

before(async () => {
  app = await startTestApp({ now: new Date().toISOString() });
  company = await createTestCompany(app, 'demo', ['0001']);
  token = await registerToken(app, company);
  const register = app.app().register;
  await register.saveProducts(company.companyId, [
    {
      code: 'D1',
      name: 'コーヒー',
      priceYen: 540,
      priceMode: 'inclusive',
      taxCategory: 'reduced8',
      category: 'ドリンク',
      sortOrder: 1,
      active: true,
    },
    {
      code: 'F1',
      name: 'ランチ',
      priceYen: 1100,
      priceMode: 'inclusive',
      taxCategory: 'standard10',
      category: 'フード',
      sortOrder: 1,
      active: true,
    },
    {
      code: 'Z0',
      name: 'お冷',
      priceYen: 0,
      priceMode: 'inclusive',
      taxCategory: 'standard10',
      category: 'フード',
      sortOrder: 2,
      active: true,
    },
  ]);
  await register.setRegistrationNumber(company.companyId, 'T7000012050002');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function openRegister(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    // The test's string probes (waitForFunction/evaluate) are evaluated; the page's CSP forbids eval.
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${app.url}/register`);
  await page.fill('#token', token);
  await page.click('#setup-save');
  await page.waitForSelector('body[data-ready="true"]');
  return { context, page };
}

async function tab(page: Page, name: string) {
  await page.click(`#tabs button:has-text("${name}")`);
}

async function payCash(page: Page, amount: number | null) {
  await page.click('#pay');
  if (amount !== null) await page.fill('#tender-amount', String(amount));
  await page.click('.method[data-code="cash"]');
  await page.click('#commit');
  await page.waitForSelector('#receipt-panel:not([hidden])');
}

async function unsent(page: Page): Promise<number> {
  return Number(await page.getAttribute('#unsent', 'data-count'));
}

async function waitSent(page: Page) {
  await page.waitForFunction(
    `document.querySelector('#unsent')?.getAttribute('data-count') === '0'`,
    null,
    { timeout: 60_000 },
  );
}

async function storedCheckouts(): Promise<{ id: string; status: string; revision: number }[]> {
  const { rows } = await app.db.pool.query<{ id: string; status: string; revision: number }>(
    'select checkout_id as id, status, revision from checkouts where company_id = $1',
    [company.companyId],
  );
  return rows;
}

test('ring up, pay cash with change; ※ and the receipt preview with 登録番号 and both rates', async () => {
  const { context, page } = await openRegister();
  await tab(page, 'ドリンク');
  await page.click('.product[data-code="D1"]');
  await page.click('.product[data-code="D1"]');
  await tab(page, 'フード');
  await page.click('.product[data-code="F1"]');
  assert.equal(await page.textContent('#total'), '¥2,180');
  assert.match((await page.textContent('#cart')) ?? '', /※コーヒー/);
  await page.click('#pay');
  await page.fill('#tender-amount', '2000');
  await page.click('.method[data-code="cash"]');
  assert.equal(await page.isDisabled('#commit'), true, 'short tender is refused before commit');
  await page.fill('#tender-amount', '1000');
  await page.click('.method[data-code="cash"]');
  assert.equal(await page.textContent('#tender-change'), '¥820');
  await page.click('#commit');
  await page.waitForSelector('#receipt-panel:not([hidden])');
  const receipt = (await page.textContent('#receipt')) ?? '';
  for (const expected of ['登録番号 T7000012050002', '※コーヒー', '※は軽減税率対象', '¥820'])
    assert.ok(receipt.includes(expected), `receipt lacks ${expected}: ${receipt}`);
  assert.match((await page.textContent('[data-testid="by-rate-standard10"]')) ?? '', /¥1,100/);
  assert.match((await page.textContent('[data-testid="tax-standard10"]')) ?? '', /¥100/);
  assert.match((await page.textContent('[data-testid="by-rate-reduced8"]')) ?? '', /¥1,080/);
  assert.match((await page.textContent('[data-testid="tax-reduced8"]')) ?? '', /¥80/);
  await waitSent(page);
  const stored = await storedCheckouts();
  assert.equal(stored.length, 1);
  assert.equal(stored[0]?.status, 'completed');
  await context.close();
});

test('hold and recall, then cancel a completed checkout', async () => {
  const { context, page } = await openRegister();
  await tab(page, 'フード');
  await page.click('.product[data-code="F1"]');
  await page.click('#hold');
  await page.waitForFunction(`document.querySelector('#total')?.textContent === '¥0'`);
  await page.click('#recall-open');
  await page.click('.recall-item');
  assert.equal(await page.textContent('#total'), '¥1,100');
  await payCash(page, null);
  await page.click('#receipt-close');
  await waitSent(page);
  const held = (await storedCheckouts()).filter((c) => c.revision === 2);
  assert.equal(held.length, 1, 'the held checkout was completed as its revision 2');
  assert.equal(held[0]?.status, 'completed');
  await page.click('#history-open');
  await page.click(`#history-list li[data-id="${held[0]?.id}"] .cancel`);
  await page.waitForSelector('#history[hidden]', { state: 'attached' });
  await waitSent(page);
  const cancelled = (await storedCheckouts()).find((c) => c.id === held[0]?.id);
  assert.deepEqual([cancelled?.status, cancelled?.revision], ['cancelled', 3]);
  await context.close();
});

test('0円会計: a free item and a 100 % order discount are rung up, committed and received', async () => {
  const { context, page } = await openRegister();
  const before = (await storedCheckouts()).length;
  await tab(page, 'フード');
  await page.click('.product[data-code="Z0"]');
  assert.equal(await page.textContent('#total'), '¥0');
  await page.click('#pay');
  assert.equal(await page.isDisabled('#commit'), false, 'a ¥0 checkout needs no tender');
  await page.click('#commit');
  await page.waitForSelector('#receipt-panel:not([hidden])');
  await page.click('#receipt-close');
  await page.click('.product[data-code="F1"]');
  await page.fill('#adjust', '1100');
  await page.click('#order-discount');
  assert.equal(await page.textContent('#total'), '¥0');
  await page.click('#pay');
  await page.click('#commit');
  await page.waitForSelector('#receipt-panel:not([hidden])');
  await waitSent(page);
  const { rows } = await app.db.pool.query<{ n: number }>(
    `select count(*)::int as n from checkouts where company_id = $1 and status = 'completed' and total_yen = 0`,
    [company.companyId],
  );
  assert.equal(rows[0]?.n, 2);
  assert.equal((await storedCheckouts()).length - before, 2);
  await context.close();
});

test('offline: 20 checkouts, a reload mid-send; all reach the server exactly once', async () => {
  const { context, page } = await openRegister();
  const before = (await storedCheckouts()).length;
  await context.setOffline(true);
  await tab(page, 'フード');
  for (let i = 0; i < 20; i += 1) {
    await page.click('.product[data-code="F1"]');
    await payCash(page, null);
    await page.click('#receipt-close');
  }
  assert.equal(await unsent(page), 20);
  let delivered = 0;
  await page.route('**/api/v1/checkouts', async (route) => {
    delivered += 1;
    if (delivered === 7) await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await context.setOffline(false);
  await page.evaluate(`window.dispatchEvent(new Event('online'))`);
  await page.waitForFunction(
    `Number(document.querySelector('#unsent')?.getAttribute('data-count')) < 15`,
    null,
    { timeout: 60_000 },
  );
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await waitSent(page);
  const stored = await storedCheckouts();
  assert.equal(stored.length - before, 20);
  assert.equal(await countRows(app, 'checkouts', company.companyId), stored.length);
  await context.close();
});

test('閉局 by 金種 with 3 unsent: the difference before confirming, 未送信の会計 in the 日報', async () => {
  const { context, page } = await openRegister();
  await page.route('**/api/v1/checkouts', (route) => route.abort());
  await tab(page, 'フード');
  for (let i = 0; i < 3; i += 1) {
    await page.click('.product[data-code="F1"]');
    await payCash(page, null);
    await page.click('#receipt-close');
  }
  assert.equal(await unsent(page), 3);
  await page.click('#close-open');
  await page.fill('#float', '10000');
  await page.fill('[data-denom="10000"]', '2');
  await page.fill('[data-denom="1000"]', '3');
  await page.waitForFunction(`document.querySelector('#counted')?.textContent === '¥23,000'`);
  const expected = (await page.textContent('#expected')) ?? '';
  assert.match(expected, /^¥[\d,]+$/);
  assert.notEqual(await page.textContent('#difference'), '');
  assert.equal(await countRows(app, 'day_closes', company.companyId), 0, 'nothing recorded yet');
  await page.click('#close-confirm');
  await page.waitForSelector('#report');
  assert.match((await page.textContent('[data-testid="unsent-completed"]')) ?? '', /3件 ¥3,300/);
  assert.match((await page.textContent('[data-testid="report-counted"]')) ?? '', /¥23,000/);
  assert.equal(await countRows(app, 'day_closes', company.companyId), 1);
  await context.close();
});
