// Spec §2 steps 1–9 for one checkout, composed from the small step modules:
//   steps 1–5 checkout-totals.ts (line-amounts, order-discount, category-tax),
//   step 6 tender-split.ts, steps 7–8 method-totals.ts, step 9 tax-method-matrix.ts.
// The checkout must be valid (tender-rules.ts `validateCheckout` returns no errors); on an invalid
// one the results are meaningless and some steps throw.
import { computeCheckoutTotals, type CheckoutTotals } from './checkout-totals.js';
import { methodAmounts, type MethodAmounts } from './method-totals.js';
import type { PaymentMethodIndex } from './payment-methods.js';
import { taxMethodMatrix, type MatrixRow } from './tax-method-matrix.js';
import { splitTenders, type TenderSplit } from './tender-split.js';
import type { Checkout } from './types.js';
import type { RoundingMode } from '../money/rounding-mode.js';

export interface CheckoutMath {
  totals: CheckoutTotals;
  tenders: TenderSplit;
  /** Per method, in order of first appearance among the payments (cash appended if needed). */
  methods: MethodAmounts[];
  /** A[m][c]; rows in the order of `methods` (plus a residual cash row, see tax-method-matrix.ts). */
  matrix: MatrixRow[];
}

export type PaidCheckout = Pick<Checkout, 'lines' | 'orderDiscount' | 'priceMode' | 'payments'>;

export function computeCheckoutMath(
  checkout: PaidCheckout,
  methods: PaymentMethodIndex,
  roundingMode: RoundingMode,
): CheckoutMath {
  const totals = computeCheckoutTotals(checkout, roundingMode);
  const tenders = splitTenders(totals.totalYen, checkout.payments, methods);
  const amounts = methodAmounts(checkout.payments, methods, tenders);
  const columnsYen = { ...totals.salesYen, nonSales: totals.nonSalesYen };
  const matrix = taxMethodMatrix(amounts, columnsYen, methods.cashCode);
  return { totals, tenders, methods: amounts, matrix };
}
