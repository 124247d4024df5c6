// One checkout's validation and spec §2 figures in ONE pass, written into a reusable scratch record
// (no per-checkout objects): what the 日報 needs from `validateCheckout` + `computeCheckoutMath`
// (or `computeCheckoutTotals` for a checkout that is not completed) when it prices thousands of them.
//
// Contract (property-tested against the reference modules in test/domain/ledger):
// - `computeCheckoutFigures` returns true only when `validateCheckout` would return [] AND every
//   figure equals the reference maths, bit for bit (no −0 where the reference has 0). It returns
//   false whenever it cannot prove that cheaply (an invalid checkout, an amount whose products
//   leave the safe-integer range, a deduction the reference would throw on, ...): the caller then
//   runs the reference path (`validateCheckout`, then `computeCheckoutMath` / `computeCheckoutTotals`
//   and `figuresFromMath` / `figuresFromTotals`), which returns the errors or throws exactly as before.
// - Integer money stays exact: every operation the reference does on `number` is done with the same
//   expression and the same `Number.isSafeInteger` guard; every operation it does on `bigint` is done
//   on `number` only where the operands are safe integers and the product is a safe integer
//   (so the remainder `%` and the quotient `(n − r) / d` are exact), else the fast path gives up.
//
// Files: checkout-figures-record.ts (the scratch record and method index), figures-arithmetic.ts
// (exact number arithmetic with its give-up rules), figures-totals.ts (steps 1–5),
// figures-tenders.ts (tender rules, steps 6–9), figures-reference.ts (the record from the reference
// maths); this file runs the fast pass.
import { isBusinessDate } from '../calendar/business-date.js';
import { instantMs } from '../calendar/instant.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import {
  statusCode,
  type CheckoutFigures,
  type FiguresMethodIndex,
} from './checkout-figures-record.js';
import { totalsOk } from './figures-totals.js';
import { tendersOk } from './figures-tenders.js';
import type { Checkout } from './types.js';

/** The status rules of status-rules.ts that `statusErrors` checks; false when any may fail. */
function statusOk(checkout: Checkout, out: CheckoutFigures): boolean {
  const code = (statusCode as Record<string, number | undefined>)[checkout.status];
  if (code === undefined || !Object.prototype.hasOwnProperty.call(statusCode, checkout.status))
    return false;
  out.status = code;
  if (typeof checkout.startedAt !== 'string') return false;
  const startedMs = instantMs(checkout.startedAt);
  if (startedMs === null) return false;
  out.startedMs = startedMs;
  out.completedMs = Number.NaN;
  const wasCompleted = code === 1 || code === 2 || code === 3;
  if (!wasCompleted) {
    if (checkout.completedAt !== null) return false;
  } else {
    if (typeof checkout.completedAt !== 'string') return false;
    const completedMs = instantMs(checkout.completedAt);
    if (completedMs === null || completedMs < startedMs) return false;
    out.completedMs = completedMs;
  }
  if (checkout.businessDate !== out.checkedDate) {
    if (typeof checkout.businessDate !== 'string' || !isBusinessDate(checkout.businessDate))
      return false;
    out.checkedDate = checkout.businessDate;
  }
  return checkout.redoes === undefined || checkout.redoes !== checkout.id;
}

/**
 * Validates and prices `checkout` in one pass into `out`. True: `validateCheckout` would return []
 * and `out` holds the reference figures (all of them for a completed checkout; status, times and
 * T otherwise). False: nothing is proven; use the reference path.
 */
export function computeCheckoutFigures(
  checkout: Checkout,
  index: FiguresMethodIndex,
  roundingMode: RoundingMode,
  out: CheckoutFigures,
): boolean {
  if (!statusOk(checkout, out)) return false;
  if (!totalsOk(checkout, roundingMode, out)) return false;
  out.methodCount = 0;
  out.matrixCount = 0;
  return tendersOk(checkout, index, out);
}
