// buildDailyReport: every figure of spec §3 for one store and business date, pure and exact to the
// yen. The input checkouts are in any order and any status (latest revisions); the result does not
// depend on their order. Decisions are listed in docs/decisions/daily-report.md.
import { assertYen } from '../money/yen.js';
import { indexPaymentMethods } from '../register/payment-methods.js';
import { isCalendarDate } from '../register/status-rules.js';
import type { Checkout, DayClose, DrawerEvent, PaymentMethod, RoundingMode } from '../register/types.js';
import { makeBusinessHourOf, ReportInputError } from './business-hour.js';
import { cashSummary, drawerFigures } from './cash-drawer.js';
import { sumBy } from './day-checkout.js';
import { dayCounters, itemCountOf, lastCompletedAt, statusRow } from './day-counters.js';
import { latestRevisions, priceCheckouts } from './day-selection.js';
import { hourlyRows } from './hourly.js';
import { paymentMethodRows, refundFigures } from './payment-breakdown.js';
import { taxRatePaymentRows, taxRateSalesRows } from './tax-breakdown.js';
import type { DailyReport, ReportSettings } from './types.js';
import { unsentSummary } from './unsent.js';

export interface ReportStore {
  code: string;
  name: string;
  timeZone: string;
}

export interface BuildDailyReportInput {
  store: ReportStore;
  businessDate: string;
  /** The company's payment methods, in its configured order (exactly one of kind cash). */
  paymentMethods: readonly PaymentMethod[];
  roundingMode: RoundingMode;
  /** Latest revisions, every status; other stores and dates are ignored. */
  checkouts: readonly Checkout[];
  /** Other stores and dates are ignored. */
  drawerEvents: readonly DrawerEvent[];
  close?: DayClose | null;
  settings: ReportSettings;
  /** Instant with offset, from the caller's clock. */
  printedAt: string;
  /** Only when a register supplies the checkouts it has not sent yet. */
  unsent?: readonly Checkout[] | null;
}

function checkedClose(input: BuildDailyReportInput): DayClose | null {
  const close = input.close ?? null;
  if (close !== null && (close.storeCode !== input.store.code || close.businessDate !== input.businessDate)) {
    throw new ReportInputError(`close of ${close.storeCode} ${close.businessDate} given for ${input.store.code} ${input.businessDate}`);
  }
  return close;
}

export function buildDailyReport(input: BuildDailyReportInput): DailyReport {
  if (!isCalendarDate(input.businessDate)) throw new ReportInputError(`business date ${input.businessDate} is not YYYY-MM-DD`);
  const methods = indexPaymentMethods(input.paymentMethods);
  const ofDay = (item: { storeCode: string; businessDate: string }): boolean =>
    item.storeCode === input.store.code && item.businessDate === input.businessDate;
  const { priced, completed } = priceCheckouts(latestRevisions(input.checkouts, ofDay), methods, input.roundingMode);
  const salesRows = taxRateSalesRows(completed);
  const netSales = assertYen(sumBy(salesRows, (row) => row.netSales));
  const tax = assertYen(sumBy(salesRows, (row) => row.tax));
  const sales = assertYen(netSales + tax);
  const nonSalesIncome = assertYen(sumBy(completed, ({ math }) => math.totals.nonSalesYen));
  const paymentMethods = paymentMethodRows(completed, methods);
  const drawer = drawerFigures(input.drawerEvents.filter(ofDay));
  const cashMethodTotalYen = paymentMethods.find((row) => row.code === methods.cashCode)?.amount ?? 0;
  const report: DailyReport = {
    storeCode: input.store.code,
    storeName: input.store.name,
    businessDate: input.businessDate,
    title: input.settings.title,
    printedAt: input.printedAt,
    salesTotal: assertYen(sales + nonSalesIncome),
    sales,
    netSales,
    tax,
    nonSalesIncome,
    ...drawer,
    checkoutCount: completed.length,
    customerCount: sumBy(completed, ({ checkout }) => checkout.customerCount),
    itemCount: itemCountOf(completed),
    paymentMethods,
    ...dayCounters(completed),
    cancelled: statusRow(priced, 'cancelled'),
    redone: statusRow(priced, 'redone'),
    aborted: statusRow(priced, 'aborted'),
    refunds: refundFigures(completed),
    lastCheckoutAt: lastCompletedAt(completed),
    hourly: hourlyRows(completed, makeBusinessHourOf(input.store.timeZone, input.businessDate), input.settings.hourly),
    byTaxRate: { sales: salesRows, paymentMethods: taxRatePaymentRows(completed, methods) },
    cash: cashSummary(checkedClose(input), cashMethodTotalYen, drawer),
  };
  if (input.unsent !== undefined && input.unsent !== null) {
    const unsent = priceCheckouts(latestRevisions(input.unsent, () => true), methods, input.roundingMode);
    report.unsent = unsentSummary(unsent.priced);
  }
  return report;
}
