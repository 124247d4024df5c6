// Goal: the register page (/register) in real Chromium at tablet size (1024×768), against a real
// server and database, with the store's receipt printer a TCP listener on 127.0.0.1 (the fake
// printer of the print tests):
//  - 印刷 after a checkout prints the receipt; again → 【再発行】; a 領収書 with 宛名 and 但し書き;
//  - やり直し of a completed checkout: the old one `redone` (next revision), the new one `redoes` it;
//  - レジ入金 / レジ出金 reach the server's drawer events;
//  - a checkout the server refuses with a 4xx moves to 送信エラー with the server's message and does
//    not block the ones behind it; a 5xx is retried until it is accepted, once;
//  - offline start: the shell comes from the service worker, a sale is stored, sent once back online;
//  - 0円会計 in the 日報, and 閉局 prints the 日報 on the store's printer by itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { countRows, registerToken } from '../../support/ledger-fixtures.js';
import { fakePrinter, type FakePrinter, allowLoopbackPrinters } from '../report/support.js';
import { startJobRuntime, type JobRuntime } from '../../../src/main/job-runtime.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { reportJobModule } from '../../../src/app/report/jobs.js';
import { printWorkerDepsOf } from '../../support/deps.js';
import { tcpReportPrinter } from '../../../src/adapters/print/report-printer.js';
import { waitFor } from '../../support/wait.js';

let app: TestApp;
let company: TestCompany;
let browser: Browser;
let token: string;
let printer: FakePrinter;
let runtime: JobRuntime;

before(async () => {
  app = await startTestApp({ now: new Date().toISOString() });
  company = await createTestCompany(app, 'demo', ['0001']);
  await allowLoopbackPrinters(app, company);
  token = await registerToken(app, company);
  printer = await fakePrinter();
  const staff = await apiSession(app, company);
  const put = await staff.request('PUT', '/api/v1/stores/0001', {
    name: '店舗0001',
    timeZone: 'Asia/Tokyo',
    printer: { kind: 'escpos', host: '127.0.0.1', port: printer.port },
  });
  assert.equal(put.status, 200);
  await app.app().register.saveProducts(company.companyId, [
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
  runtime = await startJobRuntime({
    connectionString: app.db.connectionString,
    pool: app.db.pool,
    clock: app.clock,
    logger: silentLogger,
    modules: [
      reportJobModule(
        printWorkerDepsOf(
          app.services,
          tcpReportPrinter({ attemptsMax: 1, backoffMs: 0, timeoutMs: 2_000 }),
        ),
      ),
    ],
    pollingIntervalSeconds: 0.5,
    dispatchIntervalMs: 60_000,
  });
  app.services.jobs = runtime.queue;
  await runtime.startWorkers();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await runtime?.stop();
  await printer?.close();
  await app?.close();
});

async function openRegister(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${app.url}/register`);
  await page.fill('#token', token);
  await page.click('#setup-save');
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#tabs button:has-text("フード")');
  return { context, page };
}

async function sell(page: Page, code = 'F1') {
  await page.click(`.product[data-code="${code}"]`);
  await page.click('#pay');
  await page.click('.method[data-code="cash"]');
  await page.click('#commit');
  await page.waitForSelector('#receipt-panel:not([hidden])');
}

async function waitSent(page: Page) {
  await page.waitForFunction(
    `document.querySelector('#unsent')?.getAttribute('data-count') === '0'`,
    null,
    {
      timeout: 60_000,
    },
  );
}

async function stored(): Promise<
  { id: string; status: string; revision: number; redoes: string | null; total: number }[]
> {
  const { rows } = await app.db.pool.query(
    `select checkout_id as id, status, revision::int as revision, redoes, total_yen::int as total
       from checkouts where company_id = $1`,
    [company.companyId],
  );
  return rows;
}

async function printed(page: Page, state: string) {
  await page.waitForSelector(`#print-status[data-state="${state}"]`, { timeout: 30_000 });
}

test('印刷 prints the receipt, again 【再発行】, and a 領収書 with 宛名 and 但し書き', async () => {
  const { context, page } = await openRegister();
  await sell(page);
  const before = printer.received.length;
  await page.click('#receipt-print');
  await printed(page, 'printed');
  assert.equal(await page.textContent('#print-status'), 'レシートを印刷しました。');
  assert.equal(await page.$('[data-testid="reissue-mark"]'), null);
  await page.click('#receipt-print');
  await page.waitForSelector('[data-testid="reissue-mark"]');
  assert.match((await page.textContent('#print-status')) ?? '', /再発行/);
  await page.fill('#formal-addressee', '株式会社テスト');
  await page.fill('#formal-note', 'お食事代として');
  await page.click('#formal-print');
  await page.waitForSelector('[data-testid="formal-addressee"]');
  await printed(page, 'printed');
  assert.equal(await page.textContent('#print-status'), '領収書を印刷しました。');
  assert.equal(printer.received.length - before, 3, 'three jobs reached the printer');
  const { rows } = await app.db.pool.query(
    `select kind, count, reissue, status, addressee from register_receipt_issues where company_id = $1 order by seq`,
    [company.companyId],
  );
  assert.deepEqual(
    rows.map((r) => [r.kind, r.count, r.reissue, r.status, r.addressee]),
    [
      ['receipt', 1, false, 'printed', null],
      ['receipt', 2, true, 'printed', null],
      ['formal', 1, false, 'printed', '株式会社テスト'],
    ],
  );
  await context.close();
});

test('やり直し: the completed checkout becomes redone, the new one redoes it', async () => {
  const { context, page } = await openRegister();
  const known = new Set((await stored()).map((c) => c.id));
  await sell(page);
  await page.click('#receipt-close');
  await waitSent(page);
  const first = (await stored()).find((c) => !known.has(c.id));
  assert.ok(first);
  const ids = new Set((await stored()).map((c) => c.id));
  await page.click('#history-open');
  await page.click(`#history-list li[data-id="${first.id}"] .redo`);
  await page.waitForFunction(`document.querySelector('#total')?.textContent === '¥1,100'`);
  await page.click('.product[data-code="F1"]');
  await page.click('#pay');
  await page.click('.method[data-code="cash"]');
  await page.click('#commit');
  await page.waitForSelector('#receipt-panel:not([hidden])');
  await waitSent(page);
  // The counter can read 0 between the redone revision's send and the new checkout's enqueue:
  // wait for the server to hold both (bounded), then check them.
  let after = await stored();
  for (let tries = 0; tries < 120; tries += 1) {
    const redone = after.find((c) => c.id === first.id)?.status === 'redone';
    if (redone && after.some((c) => !ids.has(c.id))) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
    after = await stored();
  }
  const old = after.find((c) => c.id === first.id);
  assert.deepEqual([old?.status, old?.revision], ['redone', first.revision + 1]);
  const redo = after.filter((c) => !ids.has(c.id));
  assert.equal(redo.length, 1);
  assert.deepEqual(
    [redo[0]?.status, redo[0]?.redoes, redo[0]?.total],
    ['completed', first.id, 2200],
  );
  await context.close();
});

test('レジ入金 / レジ出金 reach the server as drawer events', async () => {
  const { context, page } = await openRegister();
  await page.fill('#drawer-amount', '5000');
  await page.click('#cash-in');
  await page.fill('#drawer-amount', '1200');
  await page.click('#cash-out');
  await page.fill('#drawer-amount', '0');
  await page.click('#cash-in');
  assert.match((await page.textContent('#drawer-error')) ?? '', /1円以上/);
  await waitFor(
    async () => (await countRows(app, 'drawer_events', company.companyId)) >= 2,
    30_000,
  );
  await waitSent(page);
  const { rows } = await app.db.pool.query(
    `select type, amount_yen::int as amount from drawer_events where company_id = $1 order by type`,
    [company.companyId],
  );
  assert.deepEqual(
    rows.map((r) => [r.type, r.amount]),
    [
      ['cashIn', 5000],
      ['cashOut', 1200],
    ],
  );
  await context.close();
});

test('a 4xx refusal moves to 送信エラー with the server message; a 5xx is retried and sent once', async () => {
  const { context, page } = await openRegister();
  const before = (await stored()).length;
  let calls = 0;
  let refusedId = '';
  await page.route('**/api/v1/checkouts', async (route) => {
    calls += 1;
    const body = JSON.parse(route.request().postData() ?? '{}');
    if (calls === 1) {
      // What a register with a wrong date would send: the real server refuses it (400).
      refusedId = body.id;
      await route.continue({ postData: JSON.stringify({ ...body, businessDate: '2025-13-40' }) });
    } else if (calls <= 3) await route.fulfill({ status: 503, body: 'down' });
    else await route.continue();
  });
  await sell(page);
  await page.click('#receipt-close');
  await sell(page);
  await page.click('#receipt-close');
  await waitSent(page);
  await page.waitForSelector('#errors-open:not([hidden])');
  assert.equal(await page.getAttribute('#errors-open', 'data-count'), '1');
  await page.click('#errors-open');
  const error =
    (await page.textContent(`[data-testid="send-error"][data-id="${refusedId}"]`)) ?? '';
  assert.match(error, /businessDate/);
  assert.match(error, /[ぁ-んァ-ン一-龥]/, 'the server message is Japanese');
  const after = await stored();
  assert.equal(
    after.length - before,
    1,
    'the refused one is not on the server; the other is, once',
  );
  assert.ok(!after.some((c) => c.id === refusedId));
  assert.ok(calls >= 4, `the 503s were retried (${calls} calls)`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('#errors-open', 'data-count'), '1', 'kept across a reload');
  await context.close();
});

test('offline start: the shell from the service worker, a sale stored, sent once back online', async () => {
  const { context, page } = await openRegister();
  await page.waitForFunction('navigator.serviceWorker.controller !== null', null, {
    timeout: 30_000,
  });
  const before = (await stored()).length;
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#online'), 'オフライン');
  await page.click('#tabs button:has-text("フード")');
  await sell(page);
  await page.click('#receipt-close');
  assert.equal(await page.getAttribute('#unsent', 'data-count'), '1');
  // The page's own database, counted in the page (a string probe: the context bypasses the CSP).
  const local = Number(
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('uriage-register');
      open.onsuccess = () => {
        const count = open.result.transaction('checkouts').objectStore('checkouts').count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      };
      open.onerror = () => reject(open.error);
    })`),
  );
  assert.ok(local >= 1, 'stored in IndexedDB');
  assert.equal((await stored()).length, before, 'nothing reached the server while offline');
  await context.setOffline(false);
  await page.evaluate(`window.dispatchEvent(new Event('online'))`);
  await waitSent(page);
  assert.equal((await stored()).length - before, 1);
  assert.equal(await countRows(app, 'checkouts', company.companyId), (await stored()).length);
  await context.close();
});

test('0円会計 is in the 日報; 閉局 prints the 日報 on the store printer by itself', async () => {
  const { context, page } = await openRegister();
  await sell(page, 'Z0');
  await page.click('#receipt-close');
  await waitSent(page);
  const completed = (await stored()).filter((c) => c.status === 'completed');
  assert.ok(completed.some((c) => c.total === 0));
  const before = printer.received.length;
  await page.click('#close-open');
  await page.fill('[data-denom="1000"]', '1');
  await page.click('#close-confirm');
  await page.waitForSelector('#report');
  assert.equal(
    await page.textContent('[data-testid="report-checkout-count"] span:last-child'),
    String(completed.length),
  );
  assert.match((await page.textContent('#report-print-status')) ?? '', /プリンターに送ります/);
  await runtime.dispatchNow();
  await waitFor(async () => printer.received.length > before, 20_000);
  const { rows } = await app.db.pool.query(
    `select source, status from print_jobs where company_id = $1`,
    [company.companyId],
  );
  assert.deepEqual(
    rows.map((r) => [r.source, r.status]),
    [['close', 'printed']],
  );
  await page.click('#report-print');
  await page.waitForSelector('#report-print-status:has-text("日報の印刷を受け付けました。")');
  await context.close();
});
