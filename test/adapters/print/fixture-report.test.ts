// The fixture must be a possible day (spec §3, §4), or the golden files would bless nonsense.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fixtureReport } from './fixture-report.js';

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

it('the fixture day satisfies the identities of the spec', () => {
  const report = fixtureReport();
  assert.equal(report.salesTotal, report.sales + report.nonSalesIncome);
  assert.equal(report.sales, report.netSales + report.tax);
  assert.equal(
    sum(report.paymentMethods.map((method) => method.amount)),
    report.salesTotal + report.voucherShortfall.amount,
  );
  const byRate = report.byTaxRate;
  assert.equal(sum(byRate.sales.map((row) => row.sales)), report.sales);
  assert.equal(sum(byRate.sales.map((row) => row.tax)), report.tax);
  assert.equal(sum(byRate.sales.map((row) => row.netSales)), report.netSales);
  for (const row of byRate.sales) assert.equal(row.sales, row.netSales + row.tax);
  const salesColumns = byRate.paymentMethods.map(
    ({ byTaxCategory: amounts }) => amounts.standard10 + amounts.reduced8 + amounts.exempt,
  );
  assert.equal(sum(salesColumns), report.sales);
  assert.equal(
    sum(byRate.paymentMethods.map((row) => row.byTaxCategory.nonSales)),
    report.nonSalesIncome,
  );
  assert.equal(sum(report.hourly.map((row) => row.salesTotal)), report.salesTotal);
  assert.equal(sum(report.hourly.map((row) => row.checkoutCount)), report.checkoutCount);
  assert.equal(sum(report.hourly.map((row) => row.customerCount)), report.customerCount);
  assert.equal(sum(report.hourly.map((row) => row.itemCount)), report.itemCount);
  const cash = report.cash;
  assert.ok(cash !== null);
  const cashTotal = report.paymentMethods.find((method) => method.code === 'cash')?.amount ?? 0;
  assert.equal(
    cash.expected,
    cash.float + cashTotal + report.cashIn.amount - report.cashOut.amount,
  );
  assert.equal(cash.difference, cash.counted - cash.expected);
});
