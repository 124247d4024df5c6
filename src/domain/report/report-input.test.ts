// Goal: buildDailyReport treats its input the documented way: other stores and dates are ignored,
// the higher revision of a repeated id wins, invalid checkouts and mismatched closes throw named
// errors, a bad payment-method configuration throws. Method: small days, one rule each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PaymentMethodConfigError } from '../ledger/payment-methods.js';
import { buildDailyReport } from './build-daily-report.js';
import { ReportInputError } from './business-hour.js';
import { InvalidCheckoutError } from './day-selection.js';
import {
  checkout,
  line,
  pay,
  reportInput,
  testPaymentMethods,
} from '../../../test/support/domain/fixtures.js';

const sale = (id: string, amountYen: number, revision = 1) =>
  checkout({
    id,
    revision,
    lines: [line(1, amountYen, 'standard10')],
    payments: [pay('cash', amountYen)],
  });

describe('buildDailyReport input handling', () => {
  it('a repeated id counts once, at its highest revision, in any order', () => {
    const first = buildDailyReport(
      reportInput([sale('a', 100, 1), sale('a', 300, 3), sale('a', 200, 2)]),
    );
    const second = buildDailyReport(
      reportInput([sale('a', 300, 3), sale('a', 100, 1), sale('a', 200, 2)]),
    );
    assert.deepEqual([first.checkoutCount, first.salesTotal], [1, 300]);
    assert.deepEqual(first, second);
  });

  it('a later revision that cancels a checkout moves it to the cancelled row', () => {
    const report = buildDailyReport(
      reportInput([sale('a', 300, 1), { ...sale('a', 300, 2), status: 'cancelled' }]),
    );
    assert.deepEqual(
      [report.checkoutCount, report.salesTotal, report.cancelled],
      [0, 0, { count: 1, amount: 300 }],
    );
  });

  it('an invalid checkout throws InvalidCheckoutError naming the field', () => {
    const short = checkout({
      id: 'bad',
      lines: [line(1, 1000, 'standard10')],
      payments: [pay('cash', 10)],
    });
    assert.throws(
      () => buildDailyReport(reportInput([short])),
      (error: unknown) =>
        error instanceof InvalidCheckoutError &&
        error.checkoutId === 'bad' &&
        error.errors[0]?.code === 'payments_below_total',
    );
  });

  it('a close of another day, a bad business date or a bad configuration throws', () => {
    const close = { storeCode: '0001', businessDate: '2025-01-09', float: 0, countedCash: 0 };
    assert.throws(() => buildDailyReport(reportInput([], { close })), ReportInputError);
    assert.throws(
      () => buildDailyReport(reportInput([], { businessDate: '2025-13-01' })),
      ReportInputError,
    );
    const twoCash = [
      ...testPaymentMethods,
      {
        code: 'cash2',
        name: '現金2',
        kind: 'cash' as const,
        givesChange: true,
        settlement: 'settled' as const,
      },
    ];
    assert.throws(
      () => buildDailyReport(reportInput([], { paymentMethods: twoCash })),
      PaymentMethodConfigError,
    );
    assert.throws(
      () => buildDailyReport(reportInput([], { paymentMethods: testPaymentMethods.slice(1) })),
      PaymentMethodConfigError,
    );
  });

  it('an exchange with T = 0 shows in the cash row of the tax-rate breakdown only', () => {
    const exchange = checkout({
      id: 'x',
      lines: [line(-1, 1000, 'reduced8'), line(1, 1000, 'standard10')],
    });
    const report = buildDailyReport(reportInput([exchange]));
    assert.deepEqual(report.byTaxRate.paymentMethods[0], {
      code: 'cash',
      byTaxCategory: { standard10: 1000, reduced8: -1000, exempt: 0, nonSales: 0 },
    });
    assert.deepEqual(report.paymentMethods[0], { code: 'cash', name: '現金', count: 0, amount: 0 });
    assert.deepEqual(report.returns, { checkoutCount: 1, itemCount: 1, amount: 1000 });
    assert.deepEqual(report.refunds, { checkoutCount: 0, paymentCount: 0, amount: 0 });
  });
});
