// Goal: in a real browser, the 日報 page of a known day (the hand-worked day) shows every row in
// Japanese in seed 002's order with the right figures, the hourly bar chart, the tax-rate breakdowns
// and a printer-faithful preview carrying the same figures; 印刷 queues a job that prints, and a
// printer that is off shows 印刷できませんでした with the reason and a 再印刷 that works once it is back;
// 日報の設定 changes the title and names a wrong field.
// Method: Chromium (playwright-core) against the real server and database; the print queue is the
// in-memory one (same port as pg-boss), drained by the test; a TCP listener records the bytes.
import { allowLoopbackPrinters, printedSettingsOf } from './support.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { launchBrowser } from '../../support/browser.js';
import { checkConsolePage } from '../../support/page-checks.js';
import { reportJobModule } from '../../../src/app/report/jobs.js';
import { printWorkerDepsOf } from '../../support/deps.js';
import { tcpReportPrinter } from '../../../src/adapters/print/report-printer.js';
import { renderReport } from '../../../src/adapters/print/render.js';
import {
  expectedHandWorkedReport,
  fakePrinter,
  importHandWorkedDay,
  memoryQueue,
  offPrinterPort,
  type FakePrinter,
  type MemoryQueue,
} from './support.js';

const now = '2025-01-11T02:00:00+09:00';
let app: TestApp;
let company: TestCompany;
let session: ApiSession;
let browser: Browser;
let page: Page;
let printer: FakePrinter;
let queue: MemoryQueue;

const seed002Order = [
  '印刷日時',
  'タイトル',
  '店舗名',
  '日付',
  '売上等',
  '売上',
  '純売上',
  '税',
  '売上でない入金(売上外)',
  'レジ入金',
  'レジ出金',
  '会計数',
  '客数',
  '商品数',
  '支払い方法別の回数',
  '現金',
  'クレジット',
  '商品券(お釣り無し)',
  '商品券(お釣り有り)',
  'PayPay',
  '合計',
  '支払い方法別の売上',
  '現金',
  'クレジット',
  '商品券(お釣り無し)',
  '商品券(お釣り有り)',
  'PayPay',
  '合計',
  '金券等差額',
  '金額',
  '金券等釣り',
  '金額',
  '値引き',
  '金額',
  '全体割引',
  '金額',
  '取り消された会計',
  '金額',
  'やり直した会計',
  '金額',
  '入力中断した会計',
  '金額',
  '返品を含む会計',
  '返品された商品数',
  '金額',
  '返金を含む会計',
  '返金の件数',
  '金額',
  '最終会計時刻',
  '現金差異',
  '釣銭準備金',
  '理論上のレジ内現金',
  '実際のレジ内現金',
  '差異',
];

async function setPrinter(port: number): Promise<void> {
  const response = await session.request('PUT', '/api/v1/stores/0001', {
    name: '店舗0001',
    timeZone: 'Asia/Tokyo',
    printer: { kind: 'escpos', host: '127.0.0.1', port },
  });
  assert.equal(response.status, 200);
}

const cell = (row: string) => page.locator(`tr[data-row="${row}"] td`).innerText();

before(async () => {
  app = await startTestApp({ now });
  company = await createTestCompany(app, 'demo', ['0001', '0002']);
  await allowLoopbackPrinters(app, company);
  await importHandWorkedDay(app, 'demo');
  session = await apiSession(app, company);
  printer = await fakePrinter();
  await setPrinter(printer.port);
  queue = memoryQueue();
  app.services.jobs = queue;
  await reportJobModule(
    printWorkerDepsOf(
      app.services,
      tcpReportPrinter({ attemptsMax: 1, backoffMs: 0, timeoutMs: 2_000 }),
    ),
  ).registerWorkers(queue);
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${app.url}/login`);
  await page.fill('#companyCode', company.code);
  await page.fill('#staffCode', 'admin');
  await page.fill('#password', company.adminPassword);
  await page.click('main button[type=submit]');
});
after(async () => {
  await browser?.close();
  await printer?.close();
  await app?.close();
});

describe('日報 page', () => {
  it('is reached from the top menu; store and date are picked', async () => {
    await page.click('nav.top >> text=日報');
    assert.equal(new URL(page.url()).pathname, '/report');
    await page.selectOption('#store', '0001');
    await page.fill('#date', '2025-01-10');
    await page.click('form.picker button[type=submit]');
    assert.match(await page.locator('h1').innerText(), /店舗0001.*2025年1月10日\(金\)/);
  });

  it('shows every row in Japanese in the order of seed 002, with the figures of the known day', async () => {
    const labels = (await page.locator('[data-testid=report-rows] th').allInnerTexts()).map((t) =>
      t.trim(),
    );
    assert.deepEqual(labels, seed002Order);
    assert.equal(await cell('salesTotal'), '¥7,005');
    assert.equal(await cell('sales'), '¥6,305');
    assert.equal(await cell('netSales'), '¥5,791');
    assert.equal(await cell('tax'), '¥514');
    assert.equal(await cell('nonSalesIncome'), '¥700');
    assert.equal(await cell('cashIn'), '2回 ¥6,000');
    assert.equal(await cell('checkoutCount'), '7');
    assert.equal(await cell('paymentAmount.cash'), '¥3,705');
    assert.equal(await cell('voucherShortfall.amount'), '¥200');
    assert.equal(await cell('returns.amount'), '¥540');
    assert.equal(await cell('refunds.amount'), '¥240');
    assert.equal(await cell('lastCheckoutAt'), '2025/01/11 01:15');
    assert.equal(await cell('cash.difference'), '-¥5');
    assert.equal(await cell('printedAt'), '2025/01/11 02:00');
  });

  it('explains the three seed-002 differences, says which 版 is closed, prints 25時 by default', async () => {
    const notes = page.locator('[data-testid=breakdown-notes]');
    assert.match(await notes.locator('li[data-cause=nonSales]').innerText(), /^売上外 ¥700/);
    assert.match(
      await notes.locator('li[data-cause=voucherShortfall]').innerText(),
      /^金券等差額 ¥200/,
    );
    assert.match(
      await notes.locator('li[data-cause=voucherChange]').innerText(),
      /^金券等釣り ¥400/,
    );
    assert.match(await page.locator('[data-testid=day-state]').innerText(), /閉局済 第1版/);
    assert.match(await page.locator('[data-testid=hourly-range]').innerText(), /0時〜25時.*一致/);
    const preview = (
      await page.locator('[data-testid=receipt-preview] svg text').allTextContents()
    ).join('');
    assert.ok(preview.includes('25時'), 'the 01:15 sale is in the printed hours by default');
    assert.equal(
      await page
        .locator('[data-testid=hourly-table] tr[data-row="hourly.total"] td')
        .first()
        .innerText(),
      '¥7,005',
    );
    assert.ok((await page.locator('[data-testid=hourly-table] tr.folded').count()) >= 1);
    assert.equal(
      await page.locator('[data-testid=tax-sales] tr[data-category=total] td').first().innerText(),
      '¥6,305',
    );
    await checkConsolePage(page, 'report');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('draws the hourly bar chart and lists the tax-rate breakdowns', async () => {
    const bars = page.locator('[data-testid=hourly-chart] g[data-hour]');
    const hours = await bars.evaluateAll((gs) =>
      gs.map((g) => `${g.getAttribute('data-hour')}:${g.getAttribute('data-sales-total')}`),
    );
    assert.deepEqual(
      hours.filter((h) => !h.endsWith(':0')),
      ['12:3195', '13:3000', '15:450', '18:600', '25:-240'],
    );
    const heightOf = async (hour: number) =>
      Number(
        await page
          .locator(`[data-testid=hourly-chart] g[data-hour="${hour}"] rect`)
          .getAttribute('height'),
      );
    assert.ok(
      (await heightOf(12)) > (await heightOf(13)) && (await heightOf(13)) > (await heightOf(18)),
      'bars scale with 売上等',
    );
    assert.equal(
      await page.locator('[data-testid=tax-sales] tr[data-category=standard10]').innerText(),
      '10%対象\t¥4,325\t¥3,935\t¥390',
    );
    assert.equal(
      await page
        .locator(
          '[data-testid=tax-payment-methods] tr[data-method=cash] td[data-category=nonSales]',
        )
        .innerText(),
      '¥700',
    );
  });

  it('previews the printout with the same figures (receiptline SVG)', async () => {
    const texts = await page.locator('[data-testid=receipt-preview] svg text').allTextContents();
    const joined = texts.join('\n').replace(/\u00a0/g, ' ');
    for (const figure of [
      '売上等',
      '¥7,005',
      '¥6,305',
      '¥514',
      '支払い方法別の売上',
      '¥3,705',
      '最終会計時刻',
      '2025/01/11 01:15',
      '-¥5',
    ])
      assert.ok(joined.includes(figure), figure);
    const box = await page.locator('[data-testid=receipt-preview] svg').boundingBox();
    assert.ok(box && box.height > 1000, 'the preview is rendered');
  });

  it('印刷 queues a job that prints exactly the report; its status is listed', async () => {
    await page.click('#print-button');
    assert.match(await page.locator('[role=status]').innerText(), /印刷を受け付けました/);
    assert.equal(await queue.drain(), 1);
    assert.deepEqual(
      printer.received.at(-1),
      renderReport(
        expectedHandWorkedReport(now),
        printedSettingsOf(expectedHandWorkedReport(now)),
        'escpos',
      ).bytes,
    );
    await page.reload();
    assert.equal(
      await page.locator('[data-testid=print-jobs] tr').nth(1).locator('.print-status').innerText(),
      '印刷済み',
    );
  });

  it('printer off: 印刷できませんでした with the reason and 再印刷, which prints once the printer is back', async () => {
    const port = await offPrinterPort();
    await setPrinter(port);
    await page.click('#print-button');
    await queue.drain();
    await page.reload();
    const latest = page.locator('[data-testid=print-jobs] tbody tr').first();
    assert.equal(await latest.locator('.print-status').innerText(), '印刷できませんでした');
    assert.match(
      await latest.locator('.print-reason').innerText(),
      /プリンター\(127\.0\.0\.1:\d+\)に接続できません/,
    );
    const revived = await fakePrinter(port);
    try {
      await latest.locator('button.reprint').click();
      await queue.drain();
      assert.equal(revived.received.length, 1);
      await page.reload();
      assert.equal(
        await page
          .locator('[data-testid=print-jobs] tbody tr')
          .first()
          .locator('.print-status')
          .innerText(),
        '印刷済み',
      );
    } finally {
      await revived.close();
    }
  });

  it('日報の設定: a wrong field is named; a saved title shows on the page and in the preview', async () => {
    await page.click('text=日報の設定');
    await page.fill('#title', '');
    await page.click('main button[type=submit]');
    assert.match(await page.locator('.error').first().innerText(), /タイトル/);
    await page.fill('#title', '渋谷日報');
    await page.selectOption('#startHour', '10');
    await page.selectOption('#endHour', '26');
    await page.uncheck('#taxSales');
    await page.click('main button[type=submit]');
    assert.match(await page.locator('[role=status]').innerText(), /保存しました/);
    await page.goto(`${app.url}/report?store=0001&date=2025-01-10`);
    assert.equal(await cell('title'), '渋谷日報');
    const texts = (
      await page.locator('[data-testid=receipt-preview] svg text').allTextContents()
    ).join('');
    assert.ok(texts.includes('26時'));
    assert.ok(!texts.includes('【売上・純売上・税】'));
    assert.equal(await page.locator('[data-testid=hourly-chart] g[data-hour]').count(), 17);
  });
});
