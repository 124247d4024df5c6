// Goal: the three documented cases of spec §4 and the worked example of §5, exactly as written,
// through buildDailyReport. Method: one small day per case; the expected figures are the spec's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDailyReport } from './build-daily-report.js';
import type { DailyReport } from './types.js';
import { checkout, line, pay, reportInput } from '../../../test/support/domain/fixtures.js';

function methodAmount(report: DailyReport, code: string): number | undefined {
  return report.paymentMethods.find((row) => row.code === code)?.amount;
}

function byTaxRateOf(report: DailyReport, code: string): number[] | undefined {
  const row = report.byTaxRate.paymentMethods.find((each) => each.code === code)?.byTaxCategory;
  return row && [row.standard10, row.reduced8, row.exempt, row.nonSales];
}

describe('spec §4: where the two breakdowns differ', () => {
  it('1. a non-sales line: cash total ¥2,700; by tax rate ¥1,000 + ¥1,000 (+ ¥700 nonSales)', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({
          id: 'a',
          lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8'), line(1, 700, 'nonSales')],
          payments: [pay('cash', 2700)],
        }),
      ]),
    );
    assert.equal(methodAmount(report, 'cash'), 2700);
    assert.deepEqual(byTaxRateOf(report, 'cash'), [1000, 1000, 0, 700]);
    assert.deepEqual([report.sales, report.nonSalesIncome, report.salesTotal], [2000, 700, 2700]);
  });

  it('2. a no-change voucher over the total: method total ¥500 (¥300 + 金券等差額 ¥200); by tax rate ¥300', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({
          id: 'a',
          lines: [line(1, 300, 'standard10')],
          payments: [pay('giftNoChange', 500)],
        }),
      ]),
    );
    assert.equal(methodAmount(report, 'giftNoChange'), 500);
    assert.deepEqual(byTaxRateOf(report, 'giftNoChange'), [300, 0, 0, 0]);
    assert.deepEqual(report.voucherShortfall, { count: 1, amount: 200 });
    assert.equal(report.sales, 300);
  });

  it('3. change from a change-giving voucher: cash ¥1,600 vs ¥2,000 by tax rate; voucher ¥1,000 vs ¥600', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({
          id: 'A',
          lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8')],
          payments: [pay('cash', 2000)],
        }),
        checkout({
          id: 'B',
          lines: [line(1, 600, 'standard10')],
          payments: [pay('giftChange', 1000)],
        }),
      ]),
    );
    assert.equal(methodAmount(report, 'cash'), 1600);
    assert.deepEqual(byTaxRateOf(report, 'cash'), [1000, 1000, 0, 0]);
    assert.equal(methodAmount(report, 'giftChange'), 1000);
    assert.deepEqual(byTaxRateOf(report, 'giftChange'), [600, 0, 0, 0]);
    assert.deepEqual(report.voucherChange, { count: 1, amount: 400 });
  });
});

describe('spec §5 worked example (and example-day.json)', () => {
  const report = buildDailyReport(
    reportInput(
      [
        checkout({
          id: '8a1d0c2e-0001',
          completedAt: '2025-01-10T12:01:30+09:00',
          customerCount: 2,
          lines: [line(2, 540, 'reduced8'), line(1, 1100, 'standard10', 100)],
          orderDiscount: 200,
          payments: [pay('credit', 1000), pay('cash', 1000)],
        }),
      ],
      {
        drawerEvents: [
          {
            id: 'ci-1',
            type: 'cashIn',
            storeCode: '0001',
            registerCode: '01',
            businessDate: '2025-01-10',
            at: '2025-01-10T09:00:00+09:00',
            amount: 5000,
            reason: '両替',
          },
        ],
        close: { storeCode: '0001', businessDate: '2025-01-10', float: 30000, countedCash: 35880 },
      },
    ),
  );

  it('sales 1,880 = 82 + 72 tax and 1,726 net', () =>
    assert.deepEqual([report.sales, report.tax, report.netSales], [1880, 154, 1726]));
  it('by tax rate: 10% 904 / 82 / 822, 8% 976 / 72 / 904', () => {
    assert.deepEqual(report.byTaxRate.sales.slice(0, 2), [
      { taxCategory: 'standard10', sales: 904, tax: 82, netSales: 822 },
      { taxCategory: 'reduced8', sales: 976, tax: 72, netSales: 904 },
    ]);
  });
  it('method totals: credit ¥1,000, cash ¥880', () =>
    assert.deepEqual([methodAmount(report, 'credit'), methodAmount(report, 'cash')], [1000, 880]));
  it('matrix: credit 481 / 519, cash 423 / 457', () => {
    assert.deepEqual(byTaxRateOf(report, 'credit'), [481, 519, 0, 0]);
    assert.deepEqual(byTaxRateOf(report, 'cash'), [423, 457, 0, 0]);
  });
  it('cash: 30,000 + 880 + 5,000 = 35,880 expected, counted 35,880, no difference', () => {
    assert.deepEqual(report.cash, { float: 30000, expected: 35880, counted: 35880, difference: 0 });
  });
  it('discounts: one line discount ¥100, one order discount ¥200', () => {
    assert.deepEqual(
      [report.lineDiscounts, report.orderDiscounts],
      [
        { count: 1, amount: 100 },
        { count: 1, amount: 200 },
      ],
    );
  });
});
