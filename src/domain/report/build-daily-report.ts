// buildDailyReport: every figure of spec §3 for one store and business date, pure and exact to the
// yen. The input checkouts are in any order and any status (latest revisions); the result does not
// depend on their order. Decisions are listed in docs/decisions/daily-report.md.
import { assertYen, zeroYen } from '../money/yen.js';
import { indexPaymentMethods } from '../ledger/payment-methods.js';
import { isBusinessDate } from '../calendar/business-date.js';
import type { Checkout, DayClose, DrawerEvent, PaymentMethod } from '../ledger/types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import { makeBusinessHourOfEpoch, ReportInputError } from './business-hour.js';
import { cashSummary, drawerFigures } from './cash-drawer.js';
import { sumBy } from './day-checkout.js';
import {
  dayCountersOf,
  dayHourlyRows,
  dayLastCompletedAt,
  dayPaymentMethodRows,
  dayRefunds,
  daySalesRows,
  dayStatusRow,
  daySum,
  dayTaxRatePaymentRows,
  priceDay,
} from './day-figures.js';
import { latestRevisions, priceCheckouts } from './day-selection.js';
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
  if (
    close !== null &&
    (close.storeCode !== input.store.code || close.businessDate !== input.businessDate)
  ) {
    throw new ReportInputError(
      `close of ${close.storeCode} ${close.businessDate} given for ${input.store.code} ${input.businessDate}`,
    );
  }
  return close;
}

export function buildDailyReport(input: BuildDailyReportInput): DailyReport {
  if (!isBusinessDate(input.businessDate))
    throw new ReportInputError(`business date ${input.businessDate} is not YYYY-MM-DD`);
  const methods = indexPaymentMethods(input.paymentMethods);
  const ofDay = (item: { storeCode: string; businessDate: string }): boolean =>
    item.storeCode === input.store.code && item.businessDate === input.businessDate;
  // Every checkout validated and priced once (day-figures.ts); each figure below is one loop over
  // the flat results, in the order and with the guards of the per-row helpers.
  const day = priceDay(latestRevisions(input.checkouts, ofDay), methods, input.roundingMode);
  const salesRows = daySalesRows(day);
  const netSales = assertYen(sumBy(salesRows, (row) => row.netSales));
  const tax = assertYen(sumBy(salesRows, (row) => row.tax));
  const sales = assertYen(netSales + tax);
  const nonSalesIncome = assertYen(daySum(day, day.nonSalesYen));
  const paymentMethods = dayPaymentMethodRows(day);
  const drawer = drawerFigures(input.drawerEvents.filter(ofDay));
  const cashMethodTotalYen =
    paymentMethods.find((row) => row.code === methods.cashCode)?.amount ?? zeroYen;
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
    checkoutCount: day.completedCount,
    customerCount: daySum(day, day.customerCount),
    itemCount: daySum(day, day.itemCount),
    paymentMethods,
    ...dayCountersOf(day),
    cancelled: dayStatusRow(day, 'cancelled'),
    redone: dayStatusRow(day, 'redone'),
    aborted: dayStatusRow(day, 'aborted'),
    refunds: dayRefunds(day),
    lastCheckoutAt: dayLastCompletedAt(day),
    hourly: dayHourlyRows(
      day,
      makeBusinessHourOfEpoch(input.store.timeZone, input.businessDate),
      input.settings.hourly,
    ),
    byTaxRate: { sales: salesRows, paymentMethods: dayTaxRatePaymentRows(day) },
    cash: cashSummary(checkedClose(input), cashMethodTotalYen, drawer),
  };
  if (input.unsent !== undefined && input.unsent !== null) {
    const unsent = priceCheckouts(
      latestRevisions(input.unsent, () => true),
      methods,
      input.roundingMode,
    );
    report.unsent = unsentSummary(unsent.priced);
  }
  return report;
}
