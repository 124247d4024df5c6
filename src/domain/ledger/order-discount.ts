// Spec §2 step 3: the order discount (全体割引; negative = 値上げ) is split over the sales categories
// in proportion to G[c], largest remainder first, ties in the order standard10, reduced8, exempt.
// nonSales never takes any of it. Signs and a zero Σ G follow `allocate` (see money/allocate.ts).
import { allocate } from '../money/allocate.js';
import { zeroYen, type Yen } from '../money/yen.js';
import type { ByTaxCategory } from './line-amounts.js';
import { salesTaxCategories, type SalesTaxCategory } from './types.js';

export type BySalesTaxCategory = Record<SalesTaxCategory, Yen>;

export function splitOrderDiscount(
  orderDiscountYen: Yen,
  grossYen: ByTaxCategory,
): BySalesTaxCategory {
  const weights = salesTaxCategories.map((category) => grossYen[category]);
  const [standard10 = zeroYen, reduced8 = zeroYen, exempt = zeroYen] = allocate(
    orderDiscountYen,
    weights,
    'largestRemainder',
  );
  return { standard10, reduced8, exempt };
}
