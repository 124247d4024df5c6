// The always-printed sections of the 日報, in the row order of seed 002 (labels as users know them).
import {
  escapeText,
  formatBusinessDate,
  formatCount,
  formatInstant,
  formatYen,
} from './receiptline-text.js';
import {
  countAndAmountRow,
  countRow,
  countThenAmount,
  dateWidths,
  fullWidth,
  heading,
  pair,
  pairWidths,
  rule,
  tripleWidths,
  yenRow,
  type Layout,
} from './report-layout.js';
import type { DailyReport } from '../../domain/report/types.js';
import { formatEraDate } from '../../domain/calendar/japanese-era.js';

/** 印刷日時, タイトル (2x size), 店舗名, 日付 (the business date the report covers; 和暦 with `era`). */
export function headerSection(report: DailyReport, title: string, era = false): string[] {
  return [
    dateWidths,
    pair('印刷日時', formatInstant(report.printedAt, 'printedAt')),
    fullWidth,
    `^^^${escapeText(title)}`,
    escapeText(report.storeName),
    dateWidths,
    pair(
      '日付',
      era ? formatEraDate(report.businessDate) : formatBusinessDate(report.businessDate),
    ),
  ];
}

export function salesSection(report: DailyReport, layout: Layout): string[] {
  return [
    rule,
    pairWidths(layout),
    yenRow('売上等', report.salesTotal),
    yenRow('売上', report.sales),
    yenRow('純売上', report.netSales),
    yenRow('税', report.tax),
    yenRow('売上でない入金(売上外)', report.nonSalesIncome),
    tripleWidths(layout),
    countAndAmountRow('レジ入金', report.cashIn),
    countAndAmountRow('レジ出金', report.cashOut),
    pairWidths(layout),
    countRow('会計数', report.checkoutCount),
    countRow('客数', report.customerCount),
    countRow('商品数', report.itemCount),
  ];
}

/** 支払い方法別の回数, then 支払い方法別の売上, methods in the report's order. */
export function paymentMethodsSection(report: DailyReport, layout: Layout): string[] {
  const methods = report.paymentMethods;
  return [
    rule,
    fullWidth,
    heading('支払い方法別の回数'),
    pairWidths(layout),
    ...methods.map((method) => pair(method.name, formatCount(method.count), 1)),
    fullWidth,
    heading('支払い方法別の売上'),
    pairWidths(layout),
    ...methods.map((method) => pair(method.name, formatYen(method.amount), 1)),
  ];
}

/** 金券等差額/釣り, 値引き, 全体割引, 取り消し・やり直し・入力中断, 返品, 返金, 最終会計時刻. */
export function adjustmentsSection(report: DailyReport, layout: Layout): string[] {
  const lastCheckout =
    report.lastCheckoutAt === null
      ? 'なし'
      : formatInstant(report.lastCheckoutAt, 'lastCheckoutAt');
  return [
    rule,
    pairWidths(layout),
    ...countThenAmount('金券等差額', report.voucherShortfall),
    ...countThenAmount('金券等釣り', report.voucherChange),
    ...countThenAmount('値引き', report.lineDiscounts),
    ...countThenAmount('全体割引', report.orderDiscounts),
    ...countThenAmount('取り消された会計', report.cancelled),
    ...countThenAmount('やり直した会計', report.redone),
    ...countThenAmount('入力中断した会計', report.aborted),
    countRow('返品を含む会計', report.returns.checkoutCount),
    countRow('返品された商品数', report.returns.itemCount),
    yenRow('金額', report.returns.amount, 1),
    countRow('返金を含む会計', report.refunds.checkoutCount),
    countRow('返金の件数', report.refunds.paymentCount),
    yenRow('金額', report.refunds.amount, 1),
    dateWidths,
    pair('最終会計時刻', lastCheckout),
  ];
}
