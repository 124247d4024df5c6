// Spec §2 steps 1–2: line amount g = quantity × unitPrice − discount, summed per tax category G[c].
import { assertYen, zeroYen, type Yen } from '../money/yen.js';
import type { CheckoutLine, TaxCategory } from './types.js';

export type ByTaxCategory = Record<TaxCategory, Yen>;

export function zeroByTaxCategory(): ByTaxCategory {
  return { standard10: zeroYen, reduced8: zeroYen, exempt: zeroYen, nonSales: zeroYen };
}

export function lineAmountYen(line: CheckoutLine): Yen {
  return assertYen(line.quantity * line.unitPrice - (line.discount ?? 0), 'lineAmountYen');
}

/** G[c]: the line amounts summed per tax category (every category present, zero when unused). */
export function grossByTaxCategory(lines: readonly CheckoutLine[]): ByTaxCategory {
  const grossYen = zeroByTaxCategory();
  for (const line of lines) {
    grossYen[line.taxCategory] = assertYen(
      grossYen[line.taxCategory] + lineAmountYen(line),
      'grossYen',
    );
  }
  return grossYen;
}
