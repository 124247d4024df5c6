// The vat of each method's sales line: the 日報's tax of a category, byTaxRate.sales[c].tax, split
// over the methods' 理論値 A[m][c] with `allocate` (largest remainder), so that Σ vat per tax code is
// the 日報's tax exactly.
// Sign rule: freee accepts a line's vat only with the sign of its amount and |vat| ≤ |amount|. So
// only the lines whose amount has the sign of the tax take part, in proportion to their amounts;
// lines of the opposite sign (a method that refunded more than it sold that day) get vat 0. With
// same-sign columns — nearly every day — this is the plain proportional share.
import { allocate } from '../money/allocate.js';
import { zeroYen, type Yen } from '../money/yen.js';
import type { DailyReport } from '../report/types.js';
import { VatAllocationError } from './errors.js';

export const taxedCategories = ['standard10', 'reduced8'] as const;
export type TaxedCategory = (typeof taxedCategories)[number];

/** Splits `taxYen` over lines of `amountsYen`; Σ = taxYen, every part has its line's sign and fits in it. */
export function allocateVat(taxYen: Yen, amountsYen: readonly Yen[]): Yen[] {
  if (taxYen === 0) return amountsYen.map(() => zeroYen);
  const weights = amountsYen.map((amount) =>
    Math.sign(amount) === Math.sign(taxYen) ? amount : 0,
  );
  const capacityYen = weights.reduce<number>((sum, weight) => sum + Math.abs(weight), 0);
  if (capacityYen < Math.abs(taxYen)) {
    throw new VatAllocationError(
      `tax ${taxYen} does not fit in lines of that sign totalling ${capacityYen}`,
    );
  }
  const parts = allocate(taxYen, weights, 'largestRemainder');
  parts.forEach((part, index) => {
    const amount = amountsYen[index] ?? 0;
    if (Math.abs(part) > Math.abs(amount) || part * amount < 0) {
      throw new VatAllocationError(`vat ${part} does not fit a line of ${amount}`);
    }
  });
  return parts;
}

/** vat per method code for each taxed category (exempt has no tax; its lines carry no vat). */
export function vatByMethod(report: DailyReport): Map<string, Record<TaxedCategory, Yen>> {
  const rows = report.byTaxRate.paymentMethods;
  const result = new Map<string, Record<TaxedCategory, Yen>>(
    rows.map((row) => [row.code, { standard10: zeroYen, reduced8: zeroYen }]),
  );
  for (const category of taxedCategories) {
    const taxYen =
      report.byTaxRate.sales.find((row) => row.taxCategory === category)?.tax ?? zeroYen;
    const parts = allocateVat(
      taxYen,
      rows.map((row) => row.byTaxCategory[category]),
    );
    rows.forEach((row, index) => {
      const shares = result.get(row.code);
      if (shares !== undefined) shares[category] = parts[index] ?? zeroYen;
    });
  }
  return result;
}
