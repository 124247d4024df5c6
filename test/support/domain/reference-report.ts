// The 日報 as the engine computed it before it priced each checkout in one pass (day-figures.ts):
// the per-row helpers over CheckoutMath objects, composed exactly as build-daily-report.ts did. Kept
// as the reference the fast engine must equal (daily-report-equivalence.property.test.ts).
import { assertYen, zeroYen } from '../../../src/domain/money/yen.js';
import { indexPaymentMethods } from '../../../src/domain/ledger/payment-methods.js';
import { isBusinessDate as isCalendarDate } from '../../../src/domain/calendar/business-date.js';
import type { BuildDailyReportInput } from '../../../src/domain/report/build-daily-report.js';
import { businessHourByIntl, ReportInputError } from '../../../src/domain/report/business-hour.js';
import { cashSummary, drawerFigures } from '../../../src/domain/report/cash-drawer.js';
import { sumBy } from '../../../src/domain/report/day-checkout.js';
import {
  dayCounters,
  itemCountOf,
  lastCompletedAt,
  statusRow,
} from '../../../src/domain/report/day-counters.js';
import { latestRevisions, priceCheckouts } from '../../../src/domain/report/day-selection.js';
import { hourlyRows } from '../../../src/domain/report/hourly.js';
import { paymentMethodRows, refundFigures } from '../../../src/domain/report/payment-breakdown.js';
import { taxRatePaymentRows, taxRateSalesRows } from '../../../src/domain/report/tax-breakdown.js';
import type { DailyReport } from '../../../src/domain/report/types.js';
import { unsentSummary } from '../../../src/domain/report/unsent.js';
import { instantMs } from '../../../src/domain/calendar/instant.js';

/** The hour by Intl per instant (the definition), as the engine read it before. */
function hourOfByIntl(timeZone: string, businessDate: string): (instant: string) => number {
  const byIntl = businessHourByIntl(timeZone, businessDate);
  return (instant) => {
    const epochMs = instantMs(instant);
    if (epochMs === null) throw new ReportInputError(`${instant} is not an instant with an offset`);
    return byIntl(epochMs);
  };
}

export function referenceDailyReport(input: BuildDailyReportInput): DailyReport {
  if (!isCalendarDate(input.businessDate))
    throw new ReportInputError(`business date ${input.businessDate} is not YYYY-MM-DD`);
  const methods = indexPaymentMethods(input.paymentMethods);
  const ofDay = (item: { storeCode: string; businessDate: string }): boolean =>
    item.storeCode === input.store.code && item.businessDate === input.businessDate;
  const { priced, completed } = priceCheckouts(
    latestRevisions(input.checkouts, ofDay),
    methods,
    input.roundingMode,
  );
  const salesRows = taxRateSalesRows(completed);
  const netSales = assertYen(sumBy(salesRows, (row) => row.netSales));
  const tax = assertYen(sumBy(salesRows, (row) => row.tax));
  const sales = assertYen(netSales + tax);
  const nonSalesIncome = assertYen(sumBy(completed, ({ math }) => math.totals.nonSalesYen));
  const paymentMethods = paymentMethodRows(completed, methods);
  const drawer = drawerFigures(input.drawerEvents.filter(ofDay));
  const cashMethodTotalYen =
    paymentMethods.find((row) => row.code === methods.cashCode)?.amount ?? zeroYen;
  const close = input.close ?? null;
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
    hourly: hourlyRows(
      completed,
      hourOfByIntl(input.store.timeZone, input.businessDate),
      input.settings.hourly,
    ),
    byTaxRate: { sales: salesRows, paymentMethods: taxRatePaymentRows(completed, methods) },
    cash: (() => {
      if (
        close !== null &&
        (close.storeCode !== input.store.code || close.businessDate !== input.businessDate)
      ) {
        throw new ReportInputError(
          `close of ${close.storeCode} ${close.businessDate} given for ${input.store.code} ${input.businessDate}`,
        );
      }
      return cashSummary(close, cashMethodTotalYen, drawer);
    })(),
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
