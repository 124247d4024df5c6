// Goal: every figure of spec §3, one table row each, on the hand-worked day of hand-worked-day.ts.
// Method: the expected value of each row is worked out by hand (the arithmetic is in the row);
// the report is built once and each row compares one figure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDailyReport } from './build-daily-report.js';
import type { DailyReport, HourlyRow } from './types.js';
import { handWorkedInput } from '../../../test/support/domain/hand-worked-day.js';
import { yen } from '../money/yen.js';

const report = buildDailyReport(handWorkedInput());
const hour = (
  row: Omit<HourlyRow, 'hour' | 'salesTotal'> & { hour: number; salesTotal: number },
): HourlyRow => ({ ...row, salesTotal: yen(row.salesTotal) });
const emptyHour = (value: number): HourlyRow =>
  hour({ hour: value, salesTotal: 0, checkoutCount: 0, customerCount: 0, itemCount: 0 });
const byCategory = (standard10: number, reduced8: number, exempt: number, nonSales: number) => ({
  standard10,
  reduced8,
  exempt,
  nonSales,
});

const rows: [
  figure: string,
  pick: (report: DailyReport) => unknown,
  expected: unknown,
  workings: string,
][] = [
  [
    'salesTotal 売上等',
    (r) => r.salesTotal,
    7005,
    'sales 6305 + nonSales 700 = Σ T of c01 c02 c03 c04 c05 c06 c09',
  ],
  [
    'sales 売上',
    (r) => r.sales,
    6305,
    'S 10%: 904+1000+300+600+1071+450 = 4325; 8%: 976+1000−540+244 = 1680; exempt 300',
  ],
  ['netSales 純売上', (r) => r.netSales, 5791, '6305 − 514'],
  ['tax 税', (r) => r.tax, 514, '10%: 82+90+27+54+97+40 = 390; 8%: 72+74−40+18 = 124'],
  ['nonSalesIncome 売上でない入金', (r) => r.nonSalesIncome, 700, 'c02 nonSales 700'],
  ['cashIn レジ入金', (r) => r.cashIn, { count: 2, amount: 6000 }, '5000 + 1000'],
  [
    'cashOut レジ出金',
    (r) => r.cashOut,
    { count: 1, amount: 2000 },
    'the 01-09 event is another day',
  ],
  ['checkoutCount 会計数', (r) => r.checkoutCount, 7, 'c01 c02 c03 c04 c05 c06 c09'],
  ['customerCount 客数', (r) => r.customerCount, 10, '2+1+1+1+1+3+1'],
  ['itemCount 商品数', (r) => r.itemCount, 12, '3+3+1+1+(−1+1)+3+1'],
  [
    'paymentMethods 支払い方法別',
    (r) => r.paymentMethods,
    [
      { code: 'cash', name: '現金', count: 5, amount: 3705 },
      { code: 'credit', name: 'クレジット', count: 1, amount: 1000 },
      { code: 'giftNoChange', name: '商品券(お釣り無し)', count: 1, amount: 500 },
      { code: 'giftChange', name: '商品券(お釣り有り)', count: 1, amount: 1000 },
      { code: 'paypay', name: 'PayPay', count: 1, amount: 1000 },
    ],
    'cash 880+2700−400−240+315+450 = 3705 over 5 tenders (c04 has none); configured order',
  ],
  ['voucherShortfall 金券等差額', (r) => r.voucherShortfall, { count: 1, amount: 200 }, 'c03'],
  ['voucherChange 金券等釣り', (r) => r.voucherChange, { count: 1, amount: 400 }, 'c04'],
  [
    'lineDiscounts 値引き',
    (r) => r.lineDiscounts,
    { count: 2, amount: 150 },
    'c01 100 + c06 50; c06 値上げ −20 excluded',
  ],
  [
    'orderDiscounts 全体割引',
    (r) => r.orderDiscounts,
    { count: 1, amount: 200 },
    'c01 200; c06 surcharge −30 excluded',
  ],
  ['cancelled 取り消された会計', (r) => r.cancelled, { count: 1, amount: 1000 }, 'c07'],
  ['redone やり直した会計', (r) => r.redone, { count: 1, amount: 500 }, 'c08'],
  ['aborted 入力中断した会計', (r) => r.aborted, { count: 1, amount: 200 }, 'c10 2 × 100'],
  [
    'returns 返品',
    (r) => r.returns,
    { checkoutCount: 1, itemCount: 1, amount: 540 },
    'c05 −1 × 540',
  ],
  [
    'refunds 返金',
    (r) => r.refunds,
    { checkoutCount: 1, paymentCount: 1, amount: 240 },
    'c05 T −240, cash −240',
  ],
  [
    'lastCheckoutAt 最終会計時刻',
    (r) => r.lastCheckoutAt,
    '2025-01-11T01:15:00+09:00',
    'c05, the next calendar morning',
  ],
  [
    'hourly 1時間ごと',
    (r) => r.hourly,
    [
      emptyHour(10),
      emptyHour(11),
      hour({ hour: 12, salesTotal: 3195, checkoutCount: 2, customerCount: 5, itemCount: 6 }),
      hour({ hour: 13, salesTotal: 3000, checkoutCount: 2, customerCount: 2, itemCount: 4 }),
      emptyHour(14),
      hour({ hour: 15, salesTotal: 450, checkoutCount: 1, customerCount: 1, itemCount: 1 }),
      emptyHour(16),
      emptyHour(17),
      hour({ hour: 18, salesTotal: 600, checkoutCount: 1, customerCount: 1, itemCount: 1 }),
      emptyHour(19),
      emptyHour(20),
      emptyHour(21),
      emptyHour(22),
      hour({ hour: 25, salesTotal: -240, checkoutCount: 1, customerCount: 1, itemCount: 0 }),
    ],
    'window 10–22 plus hour 25 (01:15 next day); c09 06:05Z is 15 JST',
  ],
  [
    'byTaxRate.sales 税率ごと【売上・純売上・税】',
    (r) => r.byTaxRate.sales,
    [
      { taxCategory: 'standard10', sales: 4325, tax: 390, netSales: 3935 },
      { taxCategory: 'reduced8', sales: 1680, tax: 124, netSales: 1556 },
      { taxCategory: 'exempt', sales: 300, tax: 0, netSales: 300 },
    ],
    'per category Σ S, Σ tax, Σ N',
  ],
  [
    'byTaxRate.paymentMethods 税率ごと【支払い方法】',
    (r) => r.byTaxRate.paymentMethods,
    [
      { code: 'cash', byTaxCategory: byCategory(2130, 975, 300, 700) },
      { code: 'credit', byTaxCategory: byCategory(481, 519, 0, 0) },
      { code: 'giftNoChange', byTaxCategory: byCategory(300, 0, 0, 0) },
      { code: 'giftChange', byTaxCategory: byCategory(600, 0, 0, 0) },
      { code: 'paypay', byTaxCategory: byCategory(814, 186, 0, 0) },
    ],
    'cash 10%: 423+1000+257+450; 8%: 457+1000−540+58; exempt c05 300; nonSales c02 700',
  ],
  [
    'cash 現金差異',
    (r) => r.cash,
    { float: 30000, expected: 37705, counted: 37700, difference: -5 },
    '30000 + 3705 + 6000 − 2000',
  ],
  [
    'unsent 未送信の会計',
    (r) => r.unsent,
    {
      pending: { count: 2, amount: 300 },
      completed: { count: 1, amount: 330 },
      cancelled: { count: 0, amount: 0 },
      redone: { count: 0, amount: 0 },
      aborted: { count: 0, amount: 0 },
    },
    'u1 100 + u2 200 pending; u3 330 completed',
  ],
  [
    'header',
    (r) => [r.storeCode, r.storeName, r.businessDate, r.title, r.printedAt],
    ['0001', '店舗0001', '2025-01-10', '日報', '2025-01-11T02:00:00+09:00'],
    'from the input',
  ],
];

describe('daily report rows (spec §3) on a hand-worked day', () => {
  for (const [figure, pick, expected, workings] of rows) {
    it(`${figure}: ${workings}`, () => assert.deepEqual(pick(report), expected));
  }

  it('spec §4 identities hold on the day', () => {
    const salesColumns = report.byTaxRate.paymentMethods.reduce(
      (sum, row) =>
        sum + row.byTaxCategory.standard10 + row.byTaxCategory.reduced8 + row.byTaxCategory.exempt,
      0,
    );
    assert.equal(salesColumns, report.sales);
    assert.equal(
      report.paymentMethods.reduce((sum, row) => sum + row.amount, 0),
      report.salesTotal + report.voucherShortfall.amount,
    );
  });

  it('without a close there is no cash summary, without unsent checkouts no unsent block', () => {
    const bare = buildDailyReport(handWorkedInput({ close: null, unsent: undefined }));
    assert.equal(bare.cash, null);
    assert.equal('unsent' in bare, false);
  });

  it('an empty day lists every configured method and the hourly window with zeros', () => {
    const empty = buildDailyReport(
      handWorkedInput({ checkouts: [], drawerEvents: [], unsent: null }),
    );
    assert.deepEqual([empty.salesTotal, empty.checkoutCount, empty.lastCheckoutAt], [0, 0, null]);
    assert.deepEqual(
      empty.paymentMethods.map((row) => [row.code, row.count, row.amount]),
      [
        ['cash', 0, 0],
        ['credit', 0, 0],
        ['giftNoChange', 0, 0],
        ['giftChange', 0, 0],
        ['paypay', 0, 0],
      ],
    );
    assert.deepEqual(
      empty.hourly.map((row) => row.hour),
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22],
    );
    assert.deepEqual(empty.cash, {
      float: 30000,
      expected: 30000,
      counted: 37700,
      difference: 7700,
    });
  });
});
