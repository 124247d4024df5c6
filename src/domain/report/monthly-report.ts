// 月報: a store's month as the sum of its 日報 — one row per business day (売上等, 売上, 純売上, 税,
// 会計数, 客数, 商品数), the payment methods and the tax rates summed over the days, and a totals row.
// Nothing is recomputed from checkouts: every figure comes from the daily reports the same engine
// (buildDailyReport) made, so the month always equals the sum of its days.
import { addYen, zeroYen, type Yen } from '../money/yen.js';
import type { DailyReport, PaymentMethodTotal, TaxRateSalesRow } from './types.js';

export interface MonthDayRow {
  businessDate: string;
  salesTotal: Yen;
  sales: Yen;
  netSales: Yen;
  tax: Yen;
  checkoutCount: number;
  customerCount: number;
  itemCount: number;
}

export interface MonthlyReport {
  storeCode: string;
  storeName: string;
  /** YYYY-MM */
  month: string;
  days: MonthDayRow[];
  totals: Omit<MonthDayRow, 'businessDate'>;
  paymentMethods: PaymentMethodTotal[];
  taxRates: TaxRateSalesRow[];
}

function dayRow(report: DailyReport): MonthDayRow {
  return {
    businessDate: report.businessDate,
    salesTotal: report.salesTotal,
    sales: report.sales,
    netSales: report.netSales,
    tax: report.tax,
    checkoutCount: report.checkoutCount,
    customerCount: report.customerCount,
    itemCount: report.itemCount,
  };
}

function totalsOf(rows: readonly MonthDayRow[]): MonthlyReport['totals'] {
  const totals = {
    salesTotal: zeroYen,
    sales: zeroYen,
    netSales: zeroYen,
    tax: zeroYen,
    checkoutCount: 0,
    customerCount: 0,
    itemCount: 0,
  };
  for (const row of rows) {
    totals.salesTotal = addYen(totals.salesTotal, row.salesTotal);
    totals.sales = addYen(totals.sales, row.sales);
    totals.netSales = addYen(totals.netSales, row.netSales);
    totals.tax = addYen(totals.tax, row.tax);
    totals.checkoutCount += row.checkoutCount;
    totals.customerCount += row.customerCount;
    totals.itemCount += row.itemCount;
  }
  return totals;
}

/** Payment methods in the order the days list them, summed by code. */
function methodsOf(reports: readonly DailyReport[]): PaymentMethodTotal[] {
  const byCode = new Map<string, PaymentMethodTotal>();
  for (const report of reports)
    for (const m of report.paymentMethods) {
      const seen = byCode.get(m.code);
      byCode.set(
        m.code,
        seen
          ? { ...seen, count: seen.count + m.count, amount: addYen(seen.amount, m.amount) }
          : { ...m },
      );
    }
  return [...byCode.values()];
}

function taxRatesOf(reports: readonly DailyReport[]): TaxRateSalesRow[] {
  const byCategory = new Map<TaxRateSalesRow['taxCategory'], TaxRateSalesRow>();
  for (const report of reports)
    for (const r of report.byTaxRate.sales) {
      const seen = byCategory.get(r.taxCategory);
      byCategory.set(
        r.taxCategory,
        seen
          ? {
              taxCategory: r.taxCategory,
              sales: addYen(seen.sales, r.sales),
              tax: addYen(seen.tax, r.tax),
              netSales: addYen(seen.netSales, r.netSales),
            }
          : { ...r },
      );
    }
  return [...byCategory.values()];
}

/** The month of `reports` (one per business day of one store, oldest first). */
export function monthlyReport(
  store: { code: string; name: string },
  month: string,
  reports: readonly DailyReport[],
): MonthlyReport {
  const days = reports.map(dayRow);
  return {
    storeCode: store.code,
    storeName: store.name,
    month,
    days,
    totals: totalsOf(days),
    paymentMethods: methodsOf(reports),
    taxRates: taxRatesOf(reports),
  };
}
