// The 日報 sections that depend on settings or data: 1時間ごとの売上, 税率ごとの内訳,
// 現金差異 (once the day is closed) and 未送信の会計 (when a register supplied them).
import { escapeText, formatCount, formatYen } from './receiptline-text.js';
import {
  countThenAmount,
  fullWidth,
  heading,
  label,
  pairWidths,
  rule,
  yenRow,
  type Layout,
} from './report-layout.js';
import type {
  CashSummary,
  DailyReport,
  HourlyRow,
  ReportSettings,
  UnsentSummary,
} from '../../domain/report/types.js';
import { taxCategories, type TaxCategory } from '../../domain/ledger/types.js';

export const taxCategoryLabels: Record<TaxCategory, string> = {
  standard10: '10%対象',
  reduced8: '8%対象(軽減税率)',
  exempt: '非課税',
  nonSales: '売上外',
};

/** Column widths of the hourly table: 時間, 売上等 (the rest), 会計数, 客数, 商品数. */
const hourlyWidths = '{width:4 * 6 4 6}';

function hourlyLine(cells: readonly string[]): string {
  const [hour = '', ...figures] = cells.map(escapeText);
  return `|${hour} ${figures.map((figure) => `| ${figure}`).join('')}`;
}

/** Every hour from startHour to endHour (24–29 = the next morning), zeros where nothing sold. */
export function hourlySection(
  hourly: readonly HourlyRow[],
  settings: ReportSettings['hourly'],
): string[] {
  const lines = [rule, fullWidth, heading('1時間ごとの売上'), hourlyWidths];
  lines.push(hourlyLine(['時間', '売上等', '会計数', '客数', '商品数']));
  for (let hour = settings.startHour; hour <= settings.endHour; hour += 1) {
    const row = hourly.find((candidate) => candidate.hour === hour);
    lines.push(
      hourlyLine([
        `${hour}時`,
        formatYen(row?.salesTotal ?? 0),
        formatCount(row?.checkoutCount ?? 0),
        formatCount(row?.customerCount ?? 0),
        formatCount(row?.itemCount ?? 0),
      ]),
    );
  }
  return lines;
}

/** 【売上・純売上・税】 per tax rate; a rate with nothing at all is left out. */
export function taxSalesSection(report: DailyReport, layout: Layout): string[] {
  const lines = [
    rule,
    fullWidth,
    heading('税率ごとの内訳'),
    heading('【売上・純売上・税】'),
    pairWidths(layout),
  ];
  for (const row of report.byTaxRate.sales) {
    if (row.sales === 0 && row.tax === 0 && row.netSales === 0) continue;
    lines.push(label(taxCategoryLabels[row.taxCategory]));
    lines.push(
      yenRow('売上', row.sales, 1),
      yenRow('純売上', row.netSales, 1),
      yenRow('税', row.tax, 1),
    );
  }
  return lines;
}

/** 【支払い方法】 per method × tax rate; a rate no method used is left out. */
export function taxPaymentMethodsSection(report: DailyReport, layout: Layout): string[] {
  const rows = report.byTaxRate.paymentMethods;
  const used = taxCategories.filter((category) =>
    rows.some((row) => row.byTaxCategory[category] !== 0),
  );
  const lines = [
    rule,
    fullWidth,
    heading('税率ごとの内訳'),
    heading('【支払い方法】'),
    pairWidths(layout),
  ];
  for (const row of rows) {
    const name = report.paymentMethods.find((method) => method.code === row.code)?.name ?? row.code;
    lines.push(label(name));
    for (const category of used)
      lines.push(yenRow(taxCategoryLabels[category], row.byTaxCategory[category], 1));
  }
  return lines;
}

export function cashSection(cash: CashSummary, layout: Layout): string[] {
  return [
    rule,
    fullWidth,
    heading('現金差異'),
    pairWidths(layout),
    yenRow('釣銭準備金', cash.float),
    yenRow('理論上のレジ内現金', cash.expected),
    yenRow('実際のレジ内現金', cash.counted),
    yenRow('差異', cash.difference),
  ];
}

export function unsentSection(unsent: UnsentSummary, layout: Layout): string[] {
  return [
    rule,
    fullWidth,
    heading('未送信の会計'),
    pairWidths(layout),
    ...countThenAmount('保留中の会計', unsent.pending),
    ...countThenAmount('入力完了した会計', unsent.completed),
    ...countThenAmount('取り消された会計', unsent.cancelled),
    ...countThenAmount('やり直した会計', unsent.redone),
    ...countThenAmount('入力中断した会計', unsent.aborted),
  ];
}
