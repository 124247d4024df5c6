// Spec §2 steps 7–8 for one checkout, per payment method in order of first appearance.
// Step 7, method total (支払い方法別の売上): a no-change or change-giving method counts its full
//   tender; cash counts Pc − vchange − cchange (a voucher's change leaves the drawer in cash, even
//   in a checkout without a cash tender). Σ totals = T + short.
// Step 8, effective payment e[m]: the total less the method's share of short (no-change methods)
//   or of vchange (change-giving methods), taken from the last such tender backwards; cash:
//   Pc − cchange. Σ e[m] = T.
// Cash appears as a row when it was tendered, or, untendered, when its total is not zero (the
// voucher-change case); that appended row has tenderCount 0 and e = 0.
import { assertYen, zeroYen, type Yen } from '../money/yen.js';
import {
  paymentMethodOf,
  tenderClassOf,
  type PaymentMethodIndex,
  type TenderClass,
} from './payment-methods.js';
import type { TenderSplit } from './tender-split.js';
import type { Payment } from './types.js';

export interface MethodAmounts {
  code: string;
  /** Payment entries of this method in the checkout (支払い方法別の回数). */
  tenderCount: number;
  /** Step 7 method total. */
  totalYen: Yen;
  /** Step 8 effective payment e[m]. */
  effectiveYen: Yen;
}

export class TenderDeductionError extends Error {
  constructor(deductionYen: Yen, leftYen: Yen) {
    super(`cannot take ${deductionYen} yen from the tenders: ${leftYen} yen left over`);
    this.name = 'TenderDeductionError';
  }
}

/** Takes `deductionYen` (≥ 0) from the amounts, last one first, never below zero per amount. */
export function deductFromLast(amountsYen: readonly Yen[], deductionYen: Yen): Yen[] {
  const resultYen = [...amountsYen];
  let leftYen = deductionYen;
  for (let index = resultYen.length - 1; index >= 0 && leftYen > 0; index -= 1) {
    const amountYen = resultYen[index] ?? zeroYen;
    const takenYen = Math.min(Math.max(amountYen, 0), leftYen);
    resultYen[index] = (amountYen - takenYen) as Yen;
    leftYen = (leftYen - takenYen) as Yen;
  }
  if (leftYen !== 0) throw new TenderDeductionError(deductionYen, leftYen);
  return resultYen;
}

/** Effective amount per tender (same order as `payments`); cash tenders keep their amount. */
function effectivePerTender(
  classes: readonly TenderClass[],
  payments: readonly Payment[],
  split: TenderSplit,
): Yen[] {
  const effectiveYen = payments.map((payment) => payment.amount as Yen);
  const deductions: [TenderClass, Yen][] = [
    ['noChange', split.shortYen],
    ['changeGiving', split.voucherChangeYen],
  ];
  for (const [tenderClass, deductionYen] of deductions) {
    const indexes = classes.flatMap((each, index) => (each === tenderClass ? [index] : []));
    const reducedYen = deductFromLast(
      indexes.map((index) => (payments[index]?.amount ?? 0) as Yen),
      deductionYen,
    );
    indexes.forEach(
      (paymentIndex, position) => (effectiveYen[paymentIndex] = reducedYen[position] ?? zeroYen),
    );
  }
  return effectiveYen;
}

export function methodAmounts(
  payments: readonly Payment[],
  methods: PaymentMethodIndex,
  split: TenderSplit,
): MethodAmounts[] {
  const classes = payments.map((payment) =>
    tenderClassOf(paymentMethodOf(methods, payment.method)),
  );
  const effectiveYen = effectivePerTender(classes, payments, split);
  const rows = new Map<string, MethodAmounts>();
  payments.forEach((payment, index) => {
    const row = rows.get(payment.method) ?? {
      code: payment.method,
      tenderCount: 0,
      totalYen: zeroYen,
      effectiveYen: zeroYen,
    };
    row.tenderCount += 1;
    row.totalYen = assertYen(row.totalYen + payment.amount);
    row.effectiveYen = assertYen(row.effectiveYen + (effectiveYen[index] ?? 0));
    rows.set(payment.method, row);
  });
  const cashTotalYen = assertYen(split.cashYen - split.voucherChangeYen - split.cashChangeYen);
  const cashEffectiveYen = assertYen(split.cashYen - split.cashChangeYen);
  const cashRow = rows.get(methods.cashCode);
  if (cashRow !== undefined) {
    cashRow.totalYen = cashTotalYen;
    cashRow.effectiveYen = cashEffectiveYen;
  } else if (cashTotalYen !== 0 || cashEffectiveYen !== 0) {
    rows.set(methods.cashCode, {
      code: methods.cashCode,
      tenderCount: 0,
      totalYen: cashTotalYen,
      effectiveYen: cashEffectiveYen,
    });
  }
  return [...rows.values()];
}
