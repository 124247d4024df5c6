// Goal: the day-level invariants of spec §3–§4 for any valid day, and agreement with the naive
// auditor model. Method: fast-check over generated days (test/domain/arbitraries.ts): the two
// identities of §4, hourly rows adding up to the day, the order of checkouts not mattering, a day
// of sales plus their returns netting to zero, and byTaxRate.sales equal to auditor.ts's figures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeCheckoutMath } from '../ledger/checkout-math.js';
import type { Checkout } from '../ledger/types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import { buildDailyReport } from './build-daily-report.js';
import type { DailyReport } from './types.js';
import {
  arbitraryCompletedCheckout,
  arbitraryDay,
  arbitraryRoundingMode,
  negateYen,
  returnOf,
} from '../../../test/support/domain/arbitraries.js';
import { auditDay } from '../../../test/support/domain/auditor.js';
import { reportInput, testMethodIndex } from '../../../test/support/domain/fixtures.js';

const numRuns = 200;
const sum = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0);
const settings = {
  title: '日報',
  hourly: { enabled: true, startHour: 0, endHour: 23 },
  taxBreakdown: { sales: true, paymentMethods: true },
};

function report(day: { roundingMode: RoundingMode; checkouts: readonly Checkout[] }): DailyReport {
  return buildDailyReport(reportInput(day.checkouts, { roundingMode: day.roundingMode, settings }));
}

describe('daily report (properties): identities', () => {
  it('Σ byTaxRate.paymentMethods over sales categories = sales; nonSales column = nonSalesIncome', () => {
    fc.assert(
      fc.property(arbitraryDay(), (day) => {
        const result = report(day);
        const rows = result.byTaxRate.paymentMethods;
        assert.equal(
          sum(
            rows.map(
              (row) =>
                row.byTaxCategory.standard10 +
                row.byTaxCategory.reduced8 +
                row.byTaxCategory.exempt,
            ),
          ),
          result.sales,
        );
        assert.equal(sum(rows.map((row) => row.byTaxCategory.nonSales)), result.nonSalesIncome);
        for (const salesRow of result.byTaxRate.sales) {
          assert.equal(
            sum(rows.map((row) => row.byTaxCategory[salesRow.taxCategory])),
            salesRow.sales,
          );
        }
      }),
      { numRuns },
    );
  });

  it('Σ paymentMethods.amount = salesTotal + voucherShortfall.amount; sales = netSales + tax', () => {
    fc.assert(
      fc.property(arbitraryDay(), (day) => {
        const result = report(day);
        assert.equal(
          sum(result.paymentMethods.map((row) => row.amount)),
          result.salesTotal + result.voucherShortfall.amount,
        );
        assert.equal(result.sales, result.netSales + result.tax);
        assert.equal(result.salesTotal, result.sales + result.nonSalesIncome);
      }),
      { numRuns },
    );
  });

  it('hourly rows add up to the day', () => {
    fc.assert(
      fc.property(arbitraryDay(), (day) => {
        const result = report(day);
        assert.equal(sum(result.hourly.map((row) => row.salesTotal)), result.salesTotal);
        assert.equal(sum(result.hourly.map((row) => row.checkoutCount)), result.checkoutCount);
        assert.equal(sum(result.hourly.map((row) => row.customerCount)), result.customerCount);
        assert.equal(sum(result.hourly.map((row) => row.itemCount)), result.itemCount);
        assert.ok(result.hourly.every((row) => row.hour >= 0 && row.hour <= 29));
      }),
      { numRuns },
    );
  });
});

describe('daily report (properties): order, auditor, returns', () => {
  it('the order of the checkouts does not matter', () => {
    const shuffledDay = arbitraryDay().chain((day) =>
      fc
        .shuffledSubarray(day.checkouts, {
          minLength: day.checkouts.length,
          maxLength: day.checkouts.length,
        })
        .map((shuffled) => ({ day, shuffled })),
    );
    fc.assert(
      fc.property(shuffledDay, ({ day, shuffled }) => {
        assert.deepEqual(report({ ...day, checkouts: shuffled }), report(day));
      }),
      { numRuns },
    );
  });

  it('agrees with the naive auditor on sales by tax category', () => {
    fc.assert(
      fc.property(arbitraryDay(), (day) => {
        const result = report(day);
        const audited = auditDay(day.checkouts, day.roundingMode);
        for (const row of result.byTaxRate.sales) {
          assert.deepEqual(
            { sales: row.sales, tax: row.tax, netSales: row.netSales },
            audited.byCategory[row.taxCategory],
            row.taxCategory,
          );
        }
        assert.deepEqual(
          [result.nonSalesIncome, result.salesTotal],
          [audited.nonSalesIncome, audited.salesTotal],
        );
      }),
      { numRuns },
    );
  });

  it('sales returned with their payments negated leave a day of zeros', () => {
    const sales = arbitraryRoundingMode.chain((roundingMode) =>
      fc
        .array(arbitraryCompletedCheckout(roundingMode, { exact: true }), {
          minLength: 1,
          maxLength: 6,
        })
        .map((checkouts) => ({ roundingMode, checkouts })),
    );
    fc.assert(
      fc.property(sales, ({ roundingMode, checkouts }) => {
        const sold = checkouts.map((each, index) => ({ ...each, id: `s-${index}` }));
        const returned = sold.map((each) =>
          returnOf(
            each,
            each.payments.map((payment) => ({ ...payment, amount: negateYen(payment.amount) })),
          ),
        );
        const result = report({ roundingMode, checkouts: [...sold, ...returned] });
        assert.deepEqual(
          [
            result.salesTotal,
            result.sales,
            result.tax,
            result.netSales,
            result.nonSalesIncome,
            result.itemCount,
          ],
          [0, 0, 0, 0, 0, 0],
        );
        assert.ok(result.paymentMethods.every((row) => row.amount === 0));
        assert.ok(
          result.byTaxRate.sales.every(
            (row) => row.sales === 0 && row.tax === 0 && row.netSales === 0,
          ),
        );
        assert.ok(
          result.byTaxRate.paymentMethods.every((row) =>
            Object.values(row.byTaxCategory).every((amountYen) => amountYen === 0),
          ),
        );
      }),
      { numRuns },
    );
  });

  it('any sale refunded by its effective payments leaves zero sales and a zero tax-rate matrix', () => {
    const sales = arbitraryRoundingMode.chain((roundingMode) =>
      fc
        .array(arbitraryCompletedCheckout(roundingMode), { minLength: 1, maxLength: 6 })
        .map((checkouts) => ({ roundingMode, checkouts })),
    );
    fc.assert(
      fc.property(sales, ({ roundingMode, checkouts }) => {
        const sold = checkouts.map((each, index) => ({ ...each, id: `s-${index}` }));
        const returned = sold.map((each) => {
          const math = computeCheckoutMath(each, testMethodIndex, roundingMode);
          return returnOf(
            each,
            math.methods
              .filter((row) => row.effectiveYen !== 0)
              .map((row) => ({ method: row.code, amount: -row.effectiveYen })),
          );
        });
        const result = report({ roundingMode, checkouts: [...sold, ...returned] });
        assert.deepEqual(
          [result.salesTotal, result.sales, result.tax, result.netSales, result.nonSalesIncome],
          [0, 0, 0, 0, 0],
        );
        assert.ok(
          result.byTaxRate.paymentMethods.every((row) =>
            Object.values(row.byTaxCategory).every((amountYen) => amountYen === 0),
          ),
        );
        assert.equal(
          sum(result.paymentMethods.map((row) => row.amount)),
          result.voucherShortfall.amount,
        );
      }),
      { numRuns },
    );
  });
});
