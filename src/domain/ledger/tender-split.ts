// Spec §2 step 6: how the payments of one checkout cover its total T.
// For T ≥ 0:
//   short   = max(0, Pn − T)       金券等差額, kept by the shop
//   R1      = max(0, T − Pn)       due after the no-change tenders
//   vchange = max(0, Pg − R1)      金券等釣り, returned in cash
//   R2      = max(0, R1 − Pg)      due after the change-giving tenders
//   cchange = Pc − R2              cash change
// For T < 0 (a refund) the payments sum exactly to T (checked by tender-rules.ts); nothing is kept
// and no change is given, so short = vchange = cchange = 0 and R1 = R2 = 0.
// This module only computes; whether the tenders are acceptable is tender-rules.ts's job, so on an
// invalid checkout cchange may come out negative.
import { assertYen, zeroYen, type Yen } from '../money/yen.js';
import {
  paymentMethodOf,
  tenderClassOf,
  type PaymentMethodIndex,
  type TenderClass,
} from './payment-methods.js';
import type { Payment } from './types.js';

export interface TenderSplit {
  /** Pn, Pg, Pc: the tendered sums per tender class. */
  noChangeYen: Yen;
  changeGivingYen: Yen;
  cashYen: Yen;
  shortYen: Yen;
  dueAfterNoChangeYen: Yen;
  voucherChangeYen: Yen;
  dueAfterChangeGivingYen: Yen;
  cashChangeYen: Yen;
}

export function tenderedByClass(
  payments: readonly Payment[],
  methods: PaymentMethodIndex,
): Record<TenderClass, Yen> {
  const tenderedYen: Record<TenderClass, Yen> = {
    noChange: zeroYen,
    changeGiving: zeroYen,
    cash: zeroYen,
  };
  for (const payment of payments) {
    const tenderClass = tenderClassOf(paymentMethodOf(methods, payment.method));
    tenderedYen[tenderClass] = assertYen(tenderedYen[tenderClass] + payment.amount, 'tenderedYen');
  }
  return tenderedYen;
}

export function splitTenders(
  totalYen: Yen,
  payments: readonly Payment[],
  methods: PaymentMethodIndex,
): TenderSplit {
  const tendered = tenderedByClass(payments, methods);
  const classes = {
    noChangeYen: tendered.noChange,
    changeGivingYen: tendered.changeGiving,
    cashYen: tendered.cash,
  };
  if (totalYen < 0) {
    return {
      ...classes,
      shortYen: zeroYen,
      dueAfterNoChangeYen: zeroYen,
      voucherChangeYen: zeroYen,
      dueAfterChangeGivingYen: zeroYen,
      cashChangeYen: zeroYen,
    };
  }
  const shortYen = Math.max(0, tendered.noChange - totalYen) as Yen;
  const dueAfterNoChangeYen = Math.max(0, totalYen - tendered.noChange) as Yen;
  const voucherChangeYen = Math.max(0, tendered.changeGiving - dueAfterNoChangeYen) as Yen;
  const dueAfterChangeGivingYen = Math.max(0, dueAfterNoChangeYen - tendered.changeGiving) as Yen;
  const cashChangeYen = assertYen(tendered.cash - dueAfterChangeGivingYen);
  return {
    ...classes,
    shortYen,
    dueAfterNoChangeYen,
    voucherChangeYen,
    dueAfterChangeGivingYen,
    cashChangeYen,
  };
}
