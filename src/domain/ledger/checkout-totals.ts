// Spec §2 steps 1–5 for one checkout: G[c], the order discount split, G'[c], tax[c], S[c], N[c]
// and the checkout total T = Σ S[c] + G[nonSales]. Needs no payment data, so it also prices
// pending, aborted, cancelled and redone checkouts (their 日報 rows are Σ T).
import { assertYen, zeroYen, type Yen } from '../money/yen.js';
import { taxForCategory } from './category-tax.js';
import { grossByTaxCategory, lineAmountYen, type ByTaxCategory } from './line-amounts.js';
import { splitOrderDiscount, type BySalesTaxCategory } from './order-discount.js';
import { salesTaxCategories, taxRatePercent, type Checkout } from './types.js';
import type { RoundingMode } from '../money/rounding-mode.js';

export interface CheckoutTotals {
  /** g per line, in line order. */
  lineAmountsYen: Yen[];
  /** G[c], every category including nonSales. */
  grossYen: ByTaxCategory;
  /** The order discount's share per sales category (> 0 discount, < 0 surcharge). */
  orderDiscountYen: BySalesTaxCategory;
  /** G'[c] = G[c] − share. */
  discountedYen: BySalesTaxCategory;
  /** S[c]. */
  salesYen: BySalesTaxCategory;
  taxYen: BySalesTaxCategory;
  /** N[c] = S[c] − tax[c]. */
  netYen: BySalesTaxCategory;
  /** G[nonSales]. */
  nonSalesYen: Yen;
  /** T. */
  totalYen: Yen;
}

export type PricedCheckout = Pick<Checkout, 'lines' | 'orderDiscount' | 'priceMode'>;

function zeroBySalesCategory(): BySalesTaxCategory {
  return { standard10: zeroYen, reduced8: zeroYen, exempt: zeroYen };
}

export function computeCheckoutTotals(
  checkout: PricedCheckout,
  roundingMode: RoundingMode,
): CheckoutTotals {
  const grossYen = grossByTaxCategory(checkout.lines);
  const orderDiscountYen = splitOrderDiscount((checkout.orderDiscount ?? 0) as Yen, grossYen);
  const discountedYen = zeroBySalesCategory();
  const salesYen = zeroBySalesCategory();
  const taxYen = zeroBySalesCategory();
  const netYen = zeroBySalesCategory();
  let totalYen = grossYen.nonSales;
  for (const category of salesTaxCategories) {
    discountedYen[category] = assertYen(grossYen[category] - orderDiscountYen[category]);
    const priceMode = checkout.priceMode ?? 'inclusive';
    const tax = taxForCategory(
      discountedYen[category],
      taxRatePercent[category],
      priceMode,
      roundingMode,
    );
    salesYen[category] = tax.grossYen;
    taxYen[category] = tax.taxYen;
    netYen[category] = tax.netYen;
    totalYen = assertYen(totalYen + tax.grossYen, 'totalYen');
  }
  return {
    lineAmountsYen: checkout.lines.map(lineAmountYen),
    grossYen,
    orderDiscountYen,
    discountedYen,
    salesYen,
    taxYen,
    netYen,
    nonSalesYen: grossYen.nonSales,
    totalYen,
  };
}
