// Goal: the 月報 is the sum of its 日報 — on generated days, every day row equals that day's 日報
// (fetched on its own), the totals, payment methods and tax rates equal the sums of the days, and
// 売上等 equals the sum of the generated completed checkouts (a figure computed here, not by the
// engine); the CSV exports of the 日報 and 月報 come as UTF-8 with a BOM and as Shift_JIS with a
// Japanese file name (RFC 5987) and the same figures; a bad month or encoding is a 400 naming it.
// Method: seeded checkouts over January 2025 ingested through the use case; the report use cases;
// the console routes over real HTTP with a staff session; iconv-lite to read the Shift_JIS back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { ingestCheckouts } from '../../src/app/ledger/ingest-checkouts.js';
import type { Checkout } from '../../src/domain/ledger/types.js';
import type { DailyReport } from '../../src/domain/report/types.js';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../support/app.js';
import { checkout, ledgerOf, staffActor } from '../support/ledger-fixtures.js';
import { seeded } from '../support/prng.js';

let app: TestApp;
let company: TestCompany;
let session: ApiSession;
/** 売上等 of the completed checkouts generated per date (inclusive prices, no discounts). */
const expectedSales = new Map<string, number>();

function generatedDays(): Checkout[] {
  const random = seeded(20250101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: Checkout[] = [];
  for (let day = 1; day <= 31; day += 1) {
    if (random() < 0.3) continue;
    const date = `2025-01-${String(day).padStart(2, '0')}`;
    const n = 1 + Math.floor(random() * 5);
    for (let i = 0; i < n; i += 1) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => ({
        name: `品${k}`,
        quantity: 1 + Math.floor(random() * 3),
        unitPrice: 100 * (1 + Math.floor(random() * 30)),
        taxCategory: pick(['standard10', 'reduced8'] as const),
      }));
      const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
      const method = pick(['cash', 'credit', 'paypay']);
      const cancelled = random() < 0.1;
      const hour = 10 + Math.floor(random() * 12);
      out.push(
        checkout(`m-${date}-${i}`, {
          businessDate: date,
          startedAt: `${date}T${hour}:00:00+09:00`,
          completedAt: `${date}T${hour}:05:00+09:00`,
          status: cancelled ? 'cancelled' : 'completed',
          customerCount: 1 + Math.floor(random() * 3),
          lines,
          payments: [
            { method, amount: method === 'cash' ? Math.ceil(total / 1000) * 1000 : total },
          ],
        }),
      );
      if (!cancelled) expectedSales.set(date, (expectedSales.get(date) ?? 0) + total);
    }
  }
  return out;
}

before(async () => {
  app = await startTestApp({ now: '2025-02-03T09:00:00+09:00' });
  company = await createTestCompany(app, 'month', ['0001']);
  const report = await ingestCheckouts(ledgerOf(app), staffActor(company), generatedDays(), {
    pathOf: (i) => `checkouts[${i}]`,
  });
  assert.ok(report.results.every((r) => r.result !== 'rejected'));
  session = await apiSession(app, company);
});
after(async () => {
  await app?.close();
});

const actor = () => ({ companyId: company.companyId, label: 'test' });
const sum = (days: readonly DailyReport[], pick: (r: DailyReport) => number) =>
  days.reduce((total, r) => total + pick(r), 0);

test('the month equals the sum of its days, each day row equals its own 日報', async () => {
  const services = app.app();
  const { report: month } = await services.report.getMonthlyReport(actor(), {
    storeCode: '0001',
    month: '2025-01',
  });
  assert.equal(month.days.length, 31);
  const dailies: DailyReport[] = [];
  for (const row of month.days) {
    const { report } = await services.report.getDailyReport(actor(), {
      storeCode: '0001',
      businessDate: row.businessDate,
    });
    dailies.push(report);
    assert.deepEqual(row, {
      businessDate: report.businessDate,
      salesTotal: report.salesTotal,
      sales: report.sales,
      netSales: report.netSales,
      tax: report.tax,
      checkoutCount: report.checkoutCount,
      customerCount: report.customerCount,
      itemCount: report.itemCount,
    });
    assert.equal(report.salesTotal, expectedSales.get(row.businessDate) ?? 0, row.businessDate);
  }
  assert.ok(expectedSales.size >= 15, 'the seed gives enough days with sales');
  assert.equal(
    month.totals.salesTotal,
    sum(dailies, (r) => r.salesTotal),
  );
  assert.equal(
    month.totals.salesTotal,
    [...expectedSales.values()].reduce((a, b) => a + b, 0),
  );
  assert.equal(
    month.totals.tax,
    sum(dailies, (r) => r.tax),
  );
  assert.equal(
    month.totals.checkoutCount,
    sum(dailies, (r) => r.checkoutCount),
  );
  assert.equal(
    month.totals.customerCount,
    sum(dailies, (r) => r.customerCount),
  );
  for (const m of month.paymentMethods) {
    const of = (r: DailyReport) => r.paymentMethods.find((p) => p.code === m.code);
    assert.equal(
      m.amount,
      sum(dailies, (r) => of(r)?.amount ?? 0),
      m.code,
    );
    assert.equal(
      m.count,
      sum(dailies, (r) => of(r)?.count ?? 0),
      m.code,
    );
  }
  for (const t of month.taxRates) {
    const of = (r: DailyReport) => r.byTaxRate.sales.find((s) => s.taxCategory === t.taxCategory);
    assert.equal(
      t.sales,
      sum(dailies, (r) => of(r)?.sales ?? 0),
      t.taxCategory,
    );
    assert.equal(
      t.tax,
      sum(dailies, (r) => of(r)?.tax ?? 0),
      t.taxCategory,
    );
  }
});

test('CSV of the 月報 and 日報: UTF-8 with BOM and Shift_JIS, Japanese file name, same figures', async () => {
  const services = app.app();
  const { report: month } = await services.report.getMonthlyReport(actor(), {
    storeCode: '0001',
    month: '2025-01',
  });
  const utf8 = await session.request(
    'GET',
    '/report/month?store=0001&month=2025-01&format=csv&encoding=utf8bom',
  );
  assert.equal(utf8.status, 200);
  assert.match(utf8.headers.get('content-type') ?? '', /^text\/csv; charset=UTF-8/);
  const disposition = utf8.headers.get('content-disposition') ?? '';
  assert.match(disposition, /^attachment; filename="monthly-report-0001-2025-01\.csv"; /);
  const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
  assert.equal(decodeURIComponent(encoded), '月報_店舗0001_2025-01.csv');
  const bytes = Buffer.from(await utf8.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines[0], '営業日,売上等,売上,純売上,税,会計数,客数,商品数');
  const t = month.totals;
  assert.ok(
    lines.includes(
      `合計,${t.salesTotal},${t.sales},${t.netSales},${t.tax},${t.checkoutCount},${t.customerCount},${t.itemCount}`,
    ),
  );

  const sjis = await session.request(
    'GET',
    '/report/month?store=0001&month=2025-01&format=csv&encoding=sjis',
  );
  assert.match(sjis.headers.get('content-type') ?? '', /charset=Shift_JIS/);
  const sjisBytes = Buffer.from(await sjis.arrayBuffer());
  assert.notEqual(sjisBytes[0], 0xef, 'no BOM in Shift_JIS');
  assert.equal(iconv.decode(sjisBytes, 'cp932'), bytes.subarray(3).toString('utf8'));
  assert.ok(!sjisBytes.toString('utf8').startsWith('営業日'), 'the bytes are not UTF-8');

  const date = [...expectedSales.keys()][0] ?? '';
  const day = await session.request(
    'GET',
    `/report?store=0001&date=${date}&format=csv&encoding=sjis`,
  );
  assert.equal(day.status, 200);
  assert.match(
    decodeURIComponent(
      /filename\*=UTF-8''(.+)$/.exec(day.headers.get('content-disposition') ?? '')?.[1] ?? '',
    ),
    new RegExp(`^日報_店舗0001_${date}\\.csv$`),
  );
  const dayText = iconv.decode(Buffer.from(await day.arrayBuffer()), 'cp932');
  assert.ok(dayText.split('\r\n').includes(`日報,売上等,,${expectedSales.get(date)}`), dayText);
});

test('a bad month or encoding is refused with the field named, in Japanese', async () => {
  const month = await session.request('GET', '/report/month?store=0001&month=2025-13');
  assert.equal(month.status, 400);
  assert.match(await month.text(), /月はYYYY-MM形式/);
  const encoding = await session.request(
    'GET',
    '/report/month?store=0001&month=2025-01&format=csv&encoding=latin1',
  );
  assert.equal(encoding.status, 400);
  assert.match(await encoding.text(), /文字コードは utf8bom/);
});
