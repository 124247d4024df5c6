// CSV of the 日報 (`/report?store=&date=&format=csv&encoding=`) and the 月報
// (`/report/month?store=&month=&format=csv&encoding=`), figures as plain integers (yen, counts) so
// Excel sums them; labels as on the screen. Encoding and headers: ../csv.ts.
import type { DailyReport } from '../../../domain/report/types.js';
import type { MonthlyReport } from '../../../domain/report/monthly-report.js';
import type { CsvCell } from '../csv.js';
import { taxCategoryLabels } from './report-view.js';

type Rows = CsvCell[][];

const countAmount = (
  section: string,
  label: string,
  figure: { count: number; amount: number },
): CsvCell[] => [section, label, figure.count, figure.amount];

export function dailyReportCsvRows(report: DailyReport): Rows {
  const r = report;
  const rows: Rows = [
    ['区分', '項目', '件数', '金額'],
    ['日報', '店舗', r.storeCode, r.storeName],
    ['日報', '営業日', '', r.businessDate],
    ['日報', '売上等', '', r.salesTotal],
    ['日報', '売上', '', r.sales],
    ['日報', '純売上', '', r.netSales],
    ['日報', '税', '', r.tax],
    ['日報', '売上でない入金(売上外)', '', r.nonSalesIncome],
    countAmount('日報', 'レジ入金', r.cashIn),
    countAmount('日報', 'レジ出金', r.cashOut),
    ['日報', '会計数', r.checkoutCount, ''],
    ['日報', '客数', r.customerCount, ''],
    ['日報', '商品数', r.itemCount, ''],
    ...r.paymentMethods.map((m) => countAmount('支払方法', m.name, m)),
    countAmount('日報', '金券等差額', r.voucherShortfall),
    countAmount('日報', '金券等釣り', r.voucherChange),
    countAmount('日報', '値引き', r.lineDiscounts),
    countAmount('日報', '全体割引', r.orderDiscounts),
    countAmount('日報', '取り消された会計', r.cancelled),
    countAmount('日報', 'やり直した会計', r.redone),
    countAmount('日報', '入力中断した会計', r.aborted),
    ['日報', '返品', r.returns.checkoutCount, r.returns.amount],
    ['日報', '返金', r.refunds.checkoutCount, r.refunds.amount],
  ];
  if (r.cash)
    rows.push(
      ['現金', '釣銭準備金', '', r.cash.float],
      ['現金', '理論在高', '', r.cash.expected],
      ['現金', '実在高', '', r.cash.counted],
      ['現金', '過不足', '', r.cash.difference],
    );
  for (const h of r.hourly)
    if (h.checkoutCount > 0) rows.push(['時間帯', `${h.hour}時`, h.checkoutCount, h.salesTotal]);
  for (const t of r.byTaxRate.sales)
    rows.push(
      ['税率', `${taxCategoryLabels[t.taxCategory]} 売上`, '', t.sales],
      ['税率', `${taxCategoryLabels[t.taxCategory]} 税`, '', t.tax],
      ['税率', `${taxCategoryLabels[t.taxCategory]} 純売上`, '', t.netSales],
    );
  return rows;
}

export function monthlyReportCsvRows(month: MonthlyReport): Rows {
  const t = month.totals;
  const figures = (row: typeof t): CsvCell[] => [
    row.salesTotal,
    row.sales,
    row.netSales,
    row.tax,
    row.checkoutCount,
    row.customerCount,
    row.itemCount,
  ];
  return [
    ['営業日', '売上等', '売上', '純売上', '税', '会計数', '客数', '商品数'],
    ...month.days.map((d) => [d.businessDate, ...figures(d)]),
    ['合計', ...figures(t)],
    [],
    ['支払方法', '件数', '金額'],
    ...month.paymentMethods.map((m) => [m.name, m.count, m.amount]),
    [],
    ['税率', '売上', '税', '純売上'],
    ...month.taxRates.map((r) => [taxCategoryLabels[r.taxCategory], r.sales, r.tax, r.netSales]),
  ];
}
