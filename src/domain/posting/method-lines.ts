// The lines of one payment method's deal, signed as in an income deal (+ = credit: sales, money in).
//   sales per category c: A[m][c] on 売上高 with the category's tax code and the method's vat share;
//   nonSales: A[m][nonSales] on 前受金, 対象外;
//   the method's difference d[m] = method total − Σ_c A[m][c] (spec §2 steps 7–8):
//     no-change method:      its share of 金券等差額 → voucherShortfall (雑収入), 対象外
//     change-giving voucher: its share of 金券等釣り → voucherChange (clearing), 対象外
//     cash:                  −金券等釣り (the change left the drawer) → voucherChange, 対象外
//   so every deal totals the method's 日報 total, and the voucherChange lines cancel over the day.
//   cash only: レジ入金 (+), レジ出金 (−) and the close's difference (雑収入 when over, 雑損失 when short),
//   so the cash deal totals countedCash − float.
import { assertYen, sumYen, type Yen } from '../money/yen.js';
import { tenderClassOf } from '../ledger/payment-methods.js';
import type { PaymentMethod } from '../ledger/types.js';
import type { CashSummary, DailyReport, TaxRatePaymentRow } from '../report/types.js';
import type { AccountRole, TaxRole } from './mappings.js';
import type { TaxedCategory } from './vat-shares.js';

export interface DraftLine {
  accountRole: AccountRole;
  taxRole: TaxRole;
  /** Signed as in an income deal. */
  amount: Yen;
  /** null: the line's tax code carries no tax. */
  vat: Yen | null;
  description: string;
}

const salesLineSpecs = [
  { category: 'standard10', taxRole: 'standard10', description: '売上 10%' },
  { category: 'reduced8', taxRole: 'reduced8', description: '売上 8%(軽減)' },
  { category: 'exempt', taxRole: 'exempt', description: '売上 非課税' },
] as const;

function line(
  accountRole: AccountRole,
  amount: Yen,
  description: string,
  taxRole: TaxRole = 'outOfScope',
  vat: Yen | null = null,
): DraftLine[] {
  return amount === 0 && (vat ?? 0) === 0
    ? []
    : [{ accountRole, taxRole, amount, vat, description }];
}

export function salesLines(row: TaxRatePaymentRow, vat: Record<TaxedCategory, Yen>): DraftLine[] {
  const lines = salesLineSpecs.flatMap((spec) => {
    const vatYen = spec.category === 'exempt' ? null : vat[spec.category];
    return line('sales', row.byTaxCategory[spec.category], spec.description, spec.taxRole, vatYen);
  });
  return [...lines, ...line('nonSales', row.byTaxCategory.nonSales, '売上外入金')];
}

/** d[m]: the method's 日報 total less its 理論値 row. */
export function methodDifference(report: DailyReport, row: TaxRatePaymentRow): Yen {
  const totalYen = report.paymentMethods.find((each) => each.code === row.code)?.amount ?? 0;
  return assertYen(totalYen - sumYen(Object.values(row.byTaxCategory)));
}

export function differenceLines(method: PaymentMethod, differenceYen: Yen): DraftLine[] {
  if (tenderClassOf(method) === 'noChange')
    return line('voucherShortfall', differenceYen, '金券等差額');
  return line('voucherChange', differenceYen, '金券等釣り');
}

export function drawerLines(report: DailyReport, cash: CashSummary): DraftLine[] {
  return [
    ...line('drawerIn', report.cashIn.amount, 'レジ入金'),
    ...line('drawerOut', -report.cashOut.amount as Yen, 'レジ出金'),
    ...(cash.difference >= 0
      ? line('cashOver', cash.difference, '現金過不足(過剰)')
      : line('cashShort', cash.difference, '現金過不足(不足)')),
  ];
}
