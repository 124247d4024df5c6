// The one-pass figures record filled from the reference maths (computeCheckoutMath /
// computeCheckoutTotals): the path taken when the fast pass gives up.
import type { CheckoutMath } from './checkout-math.js';
import type { CheckoutTotals } from './checkout-totals.js';
import {
  statusCode,
  type CheckoutFigures,
  type FiguresMethodIndex,
} from './checkout-figures-record.js';
import { instantMs } from '../calendar/instant.js';
import { lineAmountYen } from './line-amounts.js';
import type { Checkout } from './types.js';

/** Line-level figures of the reference path (the same sums the fast path keeps). */
function lineFigures(
  checkout: Checkout,
  lineAmountsYen: readonly number[],
  out: CheckoutFigures,
): void {
  let itemCount = 0;
  out.lineDiscountCount = 0;
  out.lineDiscountYen = 0;
  out.returnLineCount = 0;
  out.returnItemCount = 0;
  out.returnAmountYen = 0;
  checkout.lines.forEach((line, position) => {
    itemCount += line.quantity;
    if ((line.discount ?? 0) > 0) {
      out.lineDiscountCount += 1;
      out.lineDiscountYen += line.discount ?? 0;
    }
    if (line.quantity < 0) {
      out.returnLineCount += 1;
      out.returnItemCount += -line.quantity;
      out.returnAmountYen += Math.abs(lineAmountsYen[position] ?? lineAmountYen(line));
    }
  });
  out.itemCount = itemCount;
}

function timesOf(checkout: Checkout, out: CheckoutFigures): void {
  out.status = statusCode[checkout.status];
  out.startedMs = instantMs(checkout.startedAt) ?? Number.NaN;
  out.completedMs =
    checkout.completedAt === null ? Number.NaN : (instantMs(checkout.completedAt) ?? Number.NaN);
}

/** `out` from the reference steps 1–5 of a VALID checkout that is not completed (status, times, T). */
export function figuresFromTotals(
  checkout: Checkout,
  totals: CheckoutTotals,
  out: CheckoutFigures,
): void {
  timesOf(checkout, out);
  out.totalYen = totals.totalYen;
  out.salesYen.set([totals.salesYen.standard10, totals.salesYen.reduced8, totals.salesYen.exempt]);
  out.taxYen.set([totals.taxYen.standard10, totals.taxYen.reduced8, totals.taxYen.exempt]);
  out.netYen.set([totals.netYen.standard10, totals.netYen.reduced8, totals.netYen.exempt]);
  out.nonSalesYen = totals.nonSalesYen;
  lineFigures(checkout, totals.lineAmountsYen, out);
  out.methodCount = 0;
  out.matrixCount = 0;
}

/** `out` from the reference maths (`computeCheckoutMath`) of a VALID completed checkout. */
export function figuresFromMath(
  checkout: Checkout,
  math: CheckoutMath,
  index: FiguresMethodIndex,
  out: CheckoutFigures,
): void {
  figuresFromTotals(checkout, math.totals, out);
  out.shortYen = math.tenders.shortYen;
  out.voucherChangeYen = math.tenders.voucherChangeYen;
  const positionOf = (code: string): number => {
    const position = index.positionByCode.get(code);
    if (position === undefined) throw new Error(`payment for unconfigured method ${code}`);
    return position;
  };
  math.methods.forEach((row, rowIndex) => {
    out.methodPosition[rowIndex] = positionOf(row.code);
    out.methodTenderCount[rowIndex] = row.tenderCount;
    out.methodTotalYen[rowIndex] = row.totalYen;
    out.methodEffectiveYen[rowIndex] = row.effectiveYen;
  });
  out.methodCount = math.methods.length;
  math.matrix.forEach((row, rowIndex) => {
    out.matrixPosition[rowIndex] = positionOf(row.code);
    out.matrixYen.set(
      [
        row.byTaxCategoryYen.standard10,
        row.byTaxCategoryYen.reduced8,
        row.byTaxCategoryYen.exempt,
        row.byTaxCategoryYen.nonSales,
      ],
      rowIndex * 4,
    );
  });
  out.matrixCount = math.matrix.length;
}
