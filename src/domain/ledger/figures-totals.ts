// Steps 1–5 (line amounts, gross per category, order discount, tax, sales and net) and the content
// rules of the one-pass checkout figures; false when the fast path cannot prove the checkout valid
// and the figures exact.
import type { RoundingMode } from '../money/rounding-mode.js';
import type { Yen } from '../money/yen.js';
import type { CheckoutFigures } from './checkout-figures-record.js';
import { linesMax } from './content-rules.js';
import { isSafeInt, taxRounded } from './figures-arithmetic.js';
import { splitOrderDiscount } from './order-discount.js';
import type { Checkout } from './types.js';

function categoryIndex(taxCategory: unknown): number {
  switch (taxCategory) {
    case 'standard10':
      return 0;
    case 'reduced8':
      return 1;
    case 'exempt':
      return 2;
    case 'nonSales':
      return 3;
    default:
      return -1;
  }
}

const ratePercent = [10, 8, 0] as const;

/** Steps 1–2 over the lines into `out.grossYen` and the line counters; false when not provably valid. */
function linesOk(lines: Checkout['lines'], out: CheckoutFigures): boolean {
  if (!Array.isArray(lines) || lines.length > linesMax) return false;
  const gross = out.grossYen;
  gross.fill(0);
  let itemCount = 0;
  let lineDiscountCount = 0;
  let lineDiscountYen = 0;
  let returnLineCount = 0;
  let returnItemCount = 0;
  let returnAmountYen = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined || line === null) return false;
    const quantity = line.quantity;
    const unitPrice = line.unitPrice;
    const discount = line.discount;
    if (!isSafeInt(quantity) || quantity === 0 || !isSafeInt(unitPrice) || unitPrice < 0)
      return false;
    if (discount !== undefined && !isSafeInt(discount)) return false;
    const category = categoryIndex(line.taxCategory);
    if (category < 0) return false;
    // lineAmountYen's expression, then grossByTaxCategory's sum, each with its guard.
    const amountYen = quantity * unitPrice - (discount ?? 0);
    if (!Number.isSafeInteger(amountYen)) return false;
    const sumYen = (gross[category] ?? 0) + amountYen;
    if (!Number.isSafeInteger(sumYen)) return false;
    gross[category] = sumYen;
    itemCount += quantity;
    if ((discount ?? 0) > 0) {
      lineDiscountCount += 1;
      lineDiscountYen += discount ?? 0;
    }
    if (quantity < 0) {
      returnLineCount += 1;
      returnItemCount += -quantity;
      returnAmountYen += Math.abs(amountYen);
    }
  }
  out.itemCount = itemCount;
  out.lineDiscountCount = lineDiscountCount;
  out.lineDiscountYen = lineDiscountYen;
  out.returnLineCount = returnLineCount;
  out.returnItemCount = returnItemCount;
  out.returnAmountYen = returnAmountYen;
  return true;
}

const noShares: readonly [number, number, number] = [0, 0, 0];

/** Step 3: a zero order discount splits into zeros (allocate of 0); any other goes through the reference. Null where it throws. */
function orderDiscountShares(
  orderDiscount: number,
  gross: Float64Array,
): readonly [number, number, number] | null {
  if (orderDiscount === 0) return noShares;
  try {
    const shares = splitOrderDiscount(orderDiscount as Yen, {
      standard10: (gross[0] ?? 0) as Yen,
      reduced8: (gross[1] ?? 0) as Yen,
      exempt: (gross[2] ?? 0) as Yen,
      nonSales: (gross[3] ?? 0) as Yen,
    });
    return [shares.standard10, shares.reduced8, shares.exempt];
  } catch {
    return null;
  }
}

/** Steps 4–5 into `out` (sales, tax, net per category, non-sales, T). */
function categoryFiguresOk(
  shares: readonly [number, number, number],
  inclusive: boolean,
  roundingMode: RoundingMode,
  out: CheckoutFigures,
): boolean {
  const gross = out.grossYen;
  let totalYen = gross[3] ?? 0;
  for (let category = 0; category < 3; category += 1) {
    const discountedYen = (gross[category] ?? 0) - shares[category as 0 | 1 | 2];
    if (!Number.isSafeInteger(discountedYen)) return false;
    const rate = ratePercent[category] ?? 0;
    const taxYen = taxRounded(discountedYen, rate, inclusive ? 100 + rate : 100, roundingMode);
    if (Number.isNaN(taxYen)) return false;
    const salesYen = inclusive ? discountedYen : discountedYen + taxYen;
    const netYen = inclusive ? discountedYen - taxYen : discountedYen;
    if (!Number.isSafeInteger(salesYen) || !Number.isSafeInteger(netYen)) return false;
    out.salesYen[category] = salesYen;
    out.taxYen[category] = taxYen;
    out.netYen[category] = netYen;
    totalYen += salesYen;
    if (!Number.isSafeInteger(totalYen)) return false;
  }
  out.nonSalesYen = gross[3] ?? 0;
  out.totalYen = totalYen;
  return true;
}

/** Steps 1–5 and the content rules; false when not provably valid and exact. */
export function totalsOk(
  checkout: Checkout,
  roundingMode: RoundingMode,
  out: CheckoutFigures,
): boolean {
  if (!linesOk(checkout.lines, out)) return false;
  const orderDiscount = checkout.orderDiscount;
  if (orderDiscount !== undefined && !isSafeInt(orderDiscount)) return false;
  const priceMode = checkout.priceMode;
  if (priceMode !== undefined && priceMode !== 'inclusive' && priceMode !== 'exclusive')
    return false;
  if (!isSafeInt(checkout.customerCount) || checkout.customerCount < 0) return false;
  const shares = orderDiscountShares(orderDiscount ?? 0, out.grossYen);
  if (shares === null) return false;
  return categoryFiguresOk(shares, (priceMode ?? 'inclusive') === 'inclusive', roundingMode, out);
}
