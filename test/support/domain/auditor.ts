// The auditor: a deliberately naive second model of the sales figures (STYLE.md, TigerBeetle's
// auditor). It re-derives, straight from the spec text and with different code (plain number
// arithmetic on small generator values, one-yen-at-a-time remainder handout by linear scan),
// the per-category S, tax and N of a day and its salesTotal. Tests compare it with buildDailyReport.
// It shares nothing with src/ except the input types.
import type { Checkout } from '../../../src/domain/ledger/types.js';
import type { RoundingMode } from '../../../src/domain/money/rounding-mode.js';

const salesCategories = ['standard10', 'reduced8', 'exempt'] as const;
type SalesCategory = (typeof salesCategories)[number];
const ratePercent: Record<SalesCategory, number> = { standard10: 10, reduced8: 8, exempt: 0 };

export interface AuditedCategory {
  sales: number;
  tax: number;
  netSales: number;
}

export interface AuditedDay {
  byCategory: Record<SalesCategory, AuditedCategory>;
  nonSalesIncome: number;
  salesTotal: number;
}

/** Integer quotient of non-negative integers without float division. */
function quotient(numerator: number, denominator: number): number {
  return (numerator - (numerator % denominator)) / denominator;
}

function roundRatio(numerator: number, denominator: number, mode: RoundingMode): number {
  const magnitude = Math.abs(numerator);
  let result = quotient(magnitude, denominator);
  const remainder = magnitude - result * denominator;
  if (mode === 'ceil' && remainder > 0) result += 1;
  if (mode === 'half-up' && 2 * remainder >= denominator) result += 1;
  return numerator < 0 ? -result : result;
}

/** Order discount shares: floor, then one yen at a time to the largest remaining fraction. */
function discountShares(discountYen: number, gross: readonly number[]): number[] {
  if (discountYen === 0) return gross.map(() => 0);
  // Decision of docs/decisions/checkout-math.md: only categories with the sign of Σ G take part.
  const grossSum = gross.reduce((sum, weight) => sum + weight, 0);
  let weights = gross.map((weight) =>
    grossSum > 0 ? Math.max(weight, 0) : grossSum < 0 ? Math.max(-weight, 0) : Math.abs(weight),
  );
  let weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum === 0) weights = weights.map((_weight, index) => (index === 0 ? 1 : 0));
  weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const magnitude = Math.abs(discountYen);
  const scaled = weights.map((weight) => magnitude * weight);
  const shares = scaled.map((value) => Math.floor(value / weightSum));
  const fractions = scaled.map((value, index) => value - (shares[index] ?? 0) * weightSum);
  let leftYen = magnitude - shares.reduce((sum, share) => sum + share, 0);
  while (leftYen > 0) {
    let best = 0;
    for (let index = 1; index < fractions.length; index += 1)
      if ((fractions[index] ?? 0) > (fractions[best] ?? 0)) best = index;
    shares[best] = (shares[best] ?? 0) + 1;
    fractions[best] = -Infinity;
    leftYen -= 1;
  }
  return discountYen < 0 ? shares.map((share) => -share) : shares;
}

export function auditDay(checkouts: readonly Checkout[], roundingMode: RoundingMode): AuditedDay {
  const byCategory = {} as Record<SalesCategory, AuditedCategory>;
  for (const category of salesCategories) byCategory[category] = { sales: 0, tax: 0, netSales: 0 };
  let nonSalesIncome = 0;
  for (const each of checkouts) {
    if (each.status !== 'completed') continue;
    const gross = salesCategories.map((category) =>
      each.lines
        .filter((line) => line.taxCategory === category)
        .reduce((sum, line) => sum + line.quantity * line.unitPrice - (line.discount ?? 0), 0),
    );
    nonSalesIncome += each.lines
      .filter((line) => line.taxCategory === 'nonSales')
      .reduce((sum, line) => sum + line.quantity * line.unitPrice - (line.discount ?? 0), 0);
    const shares = discountShares(each.orderDiscount ?? 0, gross);
    salesCategories.forEach((category, index) => {
      const discounted = (gross[index] ?? 0) - (shares[index] ?? 0);
      const rate = ratePercent[category];
      const inclusive = (each.priceMode ?? 'inclusive') === 'inclusive';
      const tax = inclusive
        ? roundRatio(discounted * rate, 100 + rate, roundingMode)
        : roundRatio(discounted * rate, 100, roundingMode);
      const sales = inclusive ? discounted : discounted + tax;
      byCategory[category].sales += sales;
      byCategory[category].tax += tax;
      byCategory[category].netSales += sales - tax;
    });
  }
  const salesTotal =
    salesCategories.reduce((sum, category) => sum + byCategory[category].sales, 0) + nonSalesIncome;
  return { byCategory, nonSalesIncome, salesTotal };
}
