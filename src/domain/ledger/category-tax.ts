// Spec §2 step 4: tax once per category per checkout (one rounding per rate per receipt).
//   inclusive: tax = round(G' × r / (100 + r)), gross S = G'
//   exclusive: tax = round(G' × r / 100),       gross S = G' + tax
// round is the company's mode on the absolute value, sign kept; net N = S − tax.
import { multiplyDivideRoundedYen } from '../money/rounding.js';
import { assertYen, type Yen } from '../money/yen.js';
import type { RoundingMode } from '../money/rounding-mode.js';

export type PriceMode = 'inclusive' | 'exclusive';

export interface CategoryTax {
  grossYen: Yen;
  taxYen: Yen;
  netYen: Yen;
}

export function taxForCategory(
  discountedYen: Yen,
  ratePercent: number,
  priceMode: PriceMode,
  roundingMode: RoundingMode,
): CategoryTax {
  if (priceMode === 'inclusive') {
    const taxYen = multiplyDivideRoundedYen(
      discountedYen,
      ratePercent,
      100 + ratePercent,
      roundingMode,
    );
    return { grossYen: discountedYen, taxYen, netYen: assertYen(discountedYen - taxYen) };
  }
  const taxYen = multiplyDivideRoundedYen(discountedYen, ratePercent, 100, roundingMode);
  const grossYen = assertYen(discountedYen + taxYen);
  return { grossYen, taxYen, netYen: discountedYen };
}
