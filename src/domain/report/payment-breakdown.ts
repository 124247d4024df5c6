// 支払い方法別の回数 / 売上 and 返金 (spec §3 `paymentMethods[]`, `refunds`).
// Decision: every configured method is listed, in the company's configured order, zero rows
// included (seed 002 prints the registered methods). count = payment entries of that method,
// amount = Σ method totals (step 7; cash can be negative or non-zero with count 0 when a voucher's
// change left the drawer).
// Refunds: completed checkouts with T < 0; in them, the methods whose total is negative (one per
// method per checkout), and Σ |those totals|.
import { assertYen, zeroYen } from '../money/yen.js';
import type { PaymentMethodIndex } from '../ledger/payment-methods.js';
import type { CompletedCheckout } from './day-checkout.js';
import type { DailyReport, PaymentMethodTotal } from './types.js';

export function paymentMethodRows(
  completed: readonly CompletedCheckout[],
  methods: PaymentMethodIndex,
): PaymentMethodTotal[] {
  const rows = new Map<string, PaymentMethodTotal>(
    methods.methods.map((method) => [
      method.code,
      { code: method.code, name: method.name, count: 0, amount: zeroYen },
    ]),
  );
  for (const { math } of completed) {
    for (const amounts of math.methods) {
      const row = rows.get(amounts.code);
      if (row === undefined) throw new Error(`payment for unconfigured method ${amounts.code}`);
      row.count += amounts.tenderCount;
      row.amount = assertYen(row.amount + amounts.totalYen);
    }
  }
  return [...rows.values()];
}

export function refundFigures(completed: readonly CompletedCheckout[]): DailyReport['refunds'] {
  const refunds = { checkoutCount: 0, paymentCount: 0, amount: zeroYen };
  for (const { math } of completed) {
    if (math.totals.totalYen >= 0) continue;
    refunds.checkoutCount += 1;
    for (const amounts of math.methods) {
      if (amounts.totalYen >= 0) continue;
      refunds.paymentCount += 1;
      refunds.amount = assertYen(refunds.amount - amounts.totalYen);
    }
  }
  return refunds;
}
