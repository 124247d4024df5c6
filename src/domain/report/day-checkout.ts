// A checkout of the day with its maths, as the 日報 helpers consume it.
import { assertYen, zeroYen, type Yen } from '../money/yen.js';
import type { CheckoutMath } from '../ledger/checkout-math.js';
import type { CheckoutTotals } from '../ledger/checkout-totals.js';
import type { Checkout } from '../ledger/types.js';
import type { CountAmount } from './types.js';

/** A completed checkout: every step of spec §2 computed. */
export interface CompletedCheckout {
  checkout: Checkout;
  math: CheckoutMath;
}

/** Any checkout priced by steps 1–5 (enough for the Σ T rows). */
export interface PricedCheckout {
  checkout: Checkout;
  totals: CheckoutTotals;
}

export class CountAmountAccumulator {
  count = 0;
  amountYen: Yen = zeroYen;

  /** Checked: the running sum is Yen. */
  add(amountYen: number): void {
    this.count += 1;
    this.amountYen = assertYen(this.amountYen + amountYen);
  }

  result(): CountAmount {
    return { count: this.count, amount: this.amountYen };
  }
}

export function sumBy<T>(items: readonly T[], valueOf: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += valueOf(item);
  return total;
}
