// Why the two breakdowns of a 日報 differ (spec §4, seed 002): the payment-method totals
// (支払い方法別の売上) and the tax-rate breakdown (税率ごとの内訳) are computed differently, and they
// part in exactly three cases. Each note names its cause and amount, in the words of seed 002:
//   1. 売上外: money taken for non-sales lines is in the method totals, not in the sales by tax rate;
//   2. 金券等差額: what a no-change voucher paid over the total is in its method's total only;
//   3. 金券等釣り: change handed out for a change-giving voucher is taken off 現金, not off the voucher.
// Per method, the difference (method total − its sales by tax rate) is shown with the 売上外 part.
import { subtractYen, sumYen, type Yen } from '../money/yen.js';
import type { DailyReport } from './types.js';

export type BreakdownCause = 'nonSales' | 'voucherShortfall' | 'voucherChange';

export interface BreakdownNote {
  cause: BreakdownCause;
  /** The 日報 row the amount comes from. */
  label: string;
  amount: Yen;
  /** One Japanese sentence for the screen and the printout's reader. */
  explanation: string;
}

export interface MethodDifference {
  code: string;
  name: string;
  /** 支払い方法別の売上. */
  methodTotal: Yen;
  /** Σ 税率ごとの内訳 over the sales categories (10%, 8%, 非課税). */
  salesByTaxRate: Yen;
  /** methodTotal − salesByTaxRate. */
  difference: Yen;
  /** The part of the difference that is 売上外 (the matrix's nonSales column). */
  nonSales: Yen;
}

const yenText = (amount: Yen): string =>
  `${amount < 0 ? '-' : ''}¥${Math.abs(amount).toLocaleString('en-US')}`;

export function breakdownNotes(report: DailyReport): BreakdownNote[] {
  const notes: BreakdownNote[] = [];
  if (report.nonSalesIncome !== 0)
    notes.push({
      cause: 'nonSales',
      label: '売上外',
      amount: report.nonSalesIncome,
      explanation: `売上外の商品の代金 ${yenText(report.nonSalesIncome)} は支払い方法別の売上に含まれますが、税率ごとの売上の内訳には含まれません。`,
    });
  if (report.voucherShortfall.amount !== 0)
    notes.push({
      cause: 'voucherShortfall',
      label: '金券等差額',
      amount: report.voucherShortfall.amount,
      explanation: `お釣りなしの支払い方法で会計額を超えて支払われた差額(金券等差額)${yenText(report.voucherShortfall.amount)} は、その支払い方法の売上に含まれますが、税率ごとの内訳には含まれません。`,
    });
  if (report.voucherChange.amount !== 0)
    notes.push({
      cause: 'voucherChange',
      label: '金券等釣り',
      amount: report.voucherChange.amount,
      explanation: `現金以外のお釣りありの支払い方法で出たお釣り(金券等釣り)${yenText(report.voucherChange.amount)} は現金の売上から引かれ、その支払い方法の売上からは引かれません。税率ごとの内訳では、その支払い方法から引かれています。`,
    });
  return notes;
}

/** Each payment method's total against its sales by tax rate; only the methods where they differ. */
export function methodDifferences(report: DailyReport): MethodDifference[] {
  const differences: MethodDifference[] = [];
  for (const method of report.paymentMethods) {
    const row = report.byTaxRate.paymentMethods.find((r) => r.code === method.code);
    const byCategory = row?.byTaxCategory;
    const salesByTaxRate = byCategory
      ? sumYen([byCategory.standard10, byCategory.reduced8, byCategory.exempt])
      : sumYen([]);
    const difference = subtractYen(method.amount, salesByTaxRate);
    if (difference === 0) continue;
    differences.push({
      code: method.code,
      name: method.name,
      methodTotal: method.amount,
      salesByTaxRate,
      difference,
      nonSales: byCategory?.nonSales ?? sumYen([]),
    });
  }
  return differences;
}
