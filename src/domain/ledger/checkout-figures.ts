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
import { allocate } from '../money/allocate.js';
import type { CheckoutMath } from './checkout-math.js';
import type { CheckoutTotals } from './checkout-totals.js';
import { linesMax } from './content-rules.js';
import { lineAmountYen } from './line-amounts.js';
import { splitOrderDiscount } from './order-discount.js';
import type { PaymentMethodIndex } from './payment-methods.js';
import { isBusinessDate } from '../calendar/business-date.js';
import { instantMs } from '../calendar/instant.js';
import { paymentsMax } from './tender-rules.js';
import type { Checkout, CheckoutStatus } from './types.js';
import type { RoundingMode } from '../money/rounding-mode.js';

const noChange = 0;
const changeGiving = 1;
const cash = 2;

/** The company's payment methods as the fast path reads them: code → position in the configured order. */
export interface FiguresMethodIndex {
  readonly methods: PaymentMethodIndex;
  readonly positionByCode: ReadonlyMap<string, number>;
  /** Tender class per configured position: 0 no-change, 1 change-giving, 2 cash. */
  readonly tenderClass: Uint8Array;
  readonly cashPosition: number;
}

export function figuresMethodIndex(methods: PaymentMethodIndex): FiguresMethodIndex {
  const positionByCode = new Map<string, number>();
  const tenderClass = new Uint8Array(methods.methods.length);
  methods.methods.forEach((method, position) => {
    positionByCode.set(method.code, position);
    tenderClass[position] =
      method.kind === 'cash' ? cash : method.givesChange ? changeGiving : noChange;
  });
  const cashPosition = positionByCode.get(methods.cashCode);
  if (cashPosition === undefined)
    throw new Error(`cash method ${methods.cashCode} is not among the methods`);
  return { methods, positionByCode, tenderClass, cashPosition };
}

/** Status codes in the order of `checkoutStatuses`. */
export const statusCode: Readonly<Record<CheckoutStatus, number>> = {
  pending: 0,
  completed: 1,
  cancelled: 2,
  redone: 3,
  aborted: 4,
};

const rowsMax = paymentsMax + 1;

/**
 * The figures of one checkout. Category arrays are indexed standard10, reduced8, exempt (and
 * nonSales = 3 for the matrix). Method rows and matrix rows are in the reference order and name
 * the method by its configured position. Everything past `status`/`totalYen` is filled for a
 * completed checkout only.
 */
export class CheckoutFigures {
  status = 0;
  /** Epoch ms of startedAt / completedAt (NaN when absent). */
  startedMs = Number.NaN;
  completedMs = Number.NaN;
  /** T. */
  totalYen = 0;
  readonly salesYen = new Float64Array(3);
  readonly taxYen = new Float64Array(3);
  readonly netYen = new Float64Array(3);
  nonSalesYen = 0;
  shortYen = 0;
  voucherChangeYen = 0;
  /** Σ quantity over the lines (returns count negative). */
  itemCount = 0;
  /** Lines with discount > 0: how many, and Σ discount. */
  lineDiscountCount = 0;
  lineDiscountYen = 0;
  /** Lines with quantity < 0: Σ −quantity and Σ |g|. */
  returnLineCount = 0;
  returnItemCount = 0;
  returnAmountYen = 0;
  /** Step 7 rows: configured position, tender count, method total. */
  methodCount = 0;
  readonly methodPosition = new Int32Array(rowsMax);
  readonly methodTenderCount = new Int32Array(rowsMax);
  readonly methodTotalYen = new Float64Array(rowsMax);
  readonly methodEffectiveYen = new Float64Array(rowsMax);
  /** Step 9 rows: configured position and 4 columns each (row r at r × 4). */
  matrixCount = 0;
  readonly matrixPosition = new Int32Array(rowsMax + 1);
  readonly matrixYen = new Float64Array((rowsMax + 1) * 4);
  /** Scratch of the fast path. */
  readonly grossYen = new Float64Array(4);
  readonly restYen = new Float64Array(4);
  readonly partsYen = new Float64Array(4);
  readonly paymentClass = new Uint8Array(paymentsMax);
  readonly paymentPosition = new Int32Array(paymentsMax);
  readonly effectiveYen = new Float64Array(paymentsMax);
  /** The last business date found valid (the day's checkouts share one). */
  checkedDate = '';
}

function isSafeInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** multiplyDivideRoundedYen(amountYen, multiplier, divisor, mode) for a positive divisor; NaN when not provably exact. */
function taxRounded(
  amountYen: number,
  multiplier: number,
  divisor: number,
  mode: RoundingMode,
): number {
  const numerator = amountYen * multiplier;
  if (!Number.isSafeInteger(numerator)) return Number.NaN;
  const negative = numerator < 0;
  const magnitudeOf = negative ? -numerator : numerator;
  const remainder = magnitudeOf % divisor;
  let magnitude = (magnitudeOf - remainder) / divisor;
  if (remainder !== 0) {
    if (mode === 'ceil') magnitude += 1;
    if (mode === 'half-up' && remainder * 2 >= divisor) magnitude += 1;
  }
  return negative ? 0 - magnitude : magnitude;
}

const weightMax = 2 ** 50;

/** allocate(totalYen, rest, 'halfAwayFromZeroLastTakesRest') into `parts`; the reference when a product is not a safe integer. */
function allocateHalfAway(totalYen: number, rest: Float64Array, parts: Float64Array): void {
  const w0 = rest[0] ?? 0;
  const w1 = rest[1] ?? 0;
  const w2 = rest[2] ?? 0;
  const w3 = rest[3] ?? 0;
  const weightSum = w0 + w1 + w2 + w3;
  const totalAbsolute = totalYen < 0 ? -totalYen : totalYen;
  let n0: number;
  let n1: number;
  let n2: number;
  let n3: number;
  if (weightSum !== 0) {
    const sign = weightSum > 0 ? 1 : -1;
    n0 = w0 * sign > 0 ? w0 * sign : 0;
    n1 = w1 * sign > 0 ? w1 * sign : 0;
    n2 = w2 * sign > 0 ? w2 * sign : 0;
    n3 = w3 * sign > 0 ? w3 * sign : 0;
  } else if (w0 !== 0 || w1 !== 0 || w2 !== 0 || w3 !== 0) {
    n0 = Math.abs(w0);
    n1 = Math.abs(w1);
    n2 = Math.abs(w2);
    n3 = Math.abs(w3);
  } else {
    n0 = 1;
    n1 = 0;
    n2 = 0;
    n3 = 0;
  }
  // Each |w| ≤ 2^50 keeps every partial sum of the four exact; total × Σw safe keeps every product exact.
  const normalizedSum = n0 + n1 + n2 + n3;
  const small =
    Math.abs(w0) <= weightMax &&
    Math.abs(w1) <= weightMax &&
    Math.abs(w2) <= weightMax &&
    Math.abs(w3) <= weightMax;
  if (!small || !Number.isSafeInteger(totalAbsolute * normalizedSum)) {
    const reference = allocate(totalYen, [w0, w1, w2, w3], 'halfAwayFromZeroLastTakesRest');
    for (let column = 0; column < 4; column += 1) parts[column] = reference[column] ?? 0;
    return;
  }
  const last = n3 !== 0 ? 3 : n2 !== 0 ? 2 : n1 !== 0 ? 1 : 0;
  let taken = 0;
  for (let column = 0; column < 4; column += 1) {
    if (column === last) continue;
    const weight = column === 0 ? n0 : column === 1 ? n1 : column === 2 ? n2 : n3;
    // divideRounded(total × w, Σw, 'half-up') on non-negative operands: exact below 2^53.
    const numerator = totalAbsolute * weight;
    const remainder = numerator % normalizedSum;
    let part = (numerator - remainder) / normalizedSum;
    if (remainder * 2 >= normalizedSum && remainder !== 0) part += 1;
    parts[column] = part;
    taken += part;
  }
  parts[last] = totalAbsolute - taken;
  if (totalYen < 0)
    for (let column = 0; column < 4; column += 1) parts[column] = 0 - (parts[column] ?? 0);
}

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

/** Steps 1–5 and the content rules; false when not provably valid and exact. */
function totalsOk(checkout: Checkout, roundingMode: RoundingMode, out: CheckoutFigures): boolean {
  const lines = checkout.lines;
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
  const orderDiscount = checkout.orderDiscount;
  if (orderDiscount !== undefined && !isSafeInt(orderDiscount)) return false;
  const priceMode = checkout.priceMode;
  if (priceMode !== undefined && priceMode !== 'inclusive' && priceMode !== 'exclusive')
    return false;
  if (!isSafeInt(checkout.customerCount) || checkout.customerCount < 0) return false;
  out.itemCount = itemCount;
  out.lineDiscountCount = lineDiscountCount;
  out.lineDiscountYen = lineDiscountYen;
  out.returnLineCount = returnLineCount;
  out.returnItemCount = returnItemCount;
  out.returnAmountYen = returnAmountYen;

  // Step 3: a zero order discount splits into zeros (allocate of 0); any other goes through the reference.
  let share0 = 0;
  let share1 = 0;
  let share2 = 0;
  if ((orderDiscount ?? 0) !== 0) {
    try {
      const shares = splitOrderDiscount(orderDiscount ?? 0, {
        standard10: gross[0] ?? 0,
        reduced8: gross[1] ?? 0,
        exempt: gross[2] ?? 0,
        nonSales: gross[3] ?? 0,
      });
      share0 = shares.standard10;
      share1 = shares.reduced8;
      share2 = shares.exempt;
    } catch {
      return false;
    }
  }
  // Steps 4–5.
  const inclusive = (priceMode ?? 'inclusive') === 'inclusive';
  let totalYen = gross[3] ?? 0;
  for (let category = 0; category < 3; category += 1) {
    const discountedYen =
      (gross[category] ?? 0) - (category === 0 ? share0 : category === 1 ? share1 : share2);
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

/** tender-rules.ts's payment and sufficiency rules; fills Pn/Pg/Pc-derived figures. False when not provably valid. */
function tendersOk(checkout: Checkout, index: FiguresMethodIndex, out: CheckoutFigures): boolean {
  const payments = checkout.payments;
  if (!Array.isArray(payments) || payments.length > paymentsMax) return false;
  const totalYen = out.totalYen;
  let paidYen = 0;
  let noChangeYen = 0;
  let changeGivingYen = 0;
  let cashYen = 0;
  let hasChangeGivingOrCash = false;
  let hasCash = false;
  for (let position = 0; position < payments.length; position += 1) {
    const payment = payments[position];
    if (payment === undefined || payment === null) return false;
    const methodPosition = index.positionByCode.get(payment.method);
    const amountYen = payment.amount;
    if (methodPosition === undefined || !isSafeInt(amountYen) || amountYen === 0) return false;
    if (totalYen >= 0 ? amountYen < 0 : amountYen > 0) return false;
    const tenderClass = index.tenderClass[methodPosition] ?? noChange;
    out.paymentClass[position] = tenderClass;
    out.paymentPosition[position] = methodPosition;
    paidYen += amountYen;
    if (tenderClass === noChange) noChangeYen += amountYen;
    else if (tenderClass === changeGiving) changeGivingYen += amountYen;
    else cashYen += amountYen;
    if (
      !Number.isSafeInteger(noChangeYen) ||
      !Number.isSafeInteger(changeGivingYen) ||
      !Number.isSafeInteger(cashYen)
    )
      return false;
    if (tenderClass !== noChange) hasChangeGivingOrCash = true;
    if (tenderClass === cash) hasCash = true;
  }
  const status = out.status;
  if (status !== 1 && status !== 2 && status !== 3) return true;
  // Sufficiency (completed, cancelled, redone).
  if (totalYen < 0) {
    if (paidYen !== totalYen) return false;
  } else {
    if (paidYen < totalYen) return false;
    const dueAfterNoChangeYen = Math.max(0, totalYen - noChangeYen);
    if (dueAfterNoChangeYen === 0) {
      if (hasChangeGivingOrCash) return false;
    } else if (Math.max(0, dueAfterNoChangeYen - changeGivingYen) === 0 && hasCash) {
      return false;
    }
  }
  if (status !== 1) return true;
  // Step 6 (tender-split.ts).
  let shortYen = 0;
  let voucherChangeYen = 0;
  let cashChangeYen = 0;
  if (totalYen >= 0) {
    shortYen = Math.max(0, noChangeYen - totalYen);
    const dueAfterNoChangeYen = Math.max(0, totalYen - noChangeYen);
    voucherChangeYen = Math.max(0, changeGivingYen - dueAfterNoChangeYen);
    const dueAfterChangeGivingYen = Math.max(0, dueAfterNoChangeYen - changeGivingYen);
    cashChangeYen = cashYen - dueAfterChangeGivingYen;
    if (!Number.isSafeInteger(cashChangeYen)) return false;
  }
  out.shortYen = shortYen;
  out.voucherChangeYen = voucherChangeYen;
  return methodsOk(payments, index, out, cashYen, cashChangeYen);
}

/** deductFromLast over the tenders of one class; false where the reference throws TenderDeductionError. */
function deductFromLastOfClass(
  out: CheckoutFigures,
  count: number,
  tenderClass: number,
  deductionYen: number,
): boolean {
  let leftYen = deductionYen;
  for (let position = count - 1; position >= 0 && leftYen > 0; position -= 1) {
    if (out.paymentClass[position] !== tenderClass) continue;
    const amountYen = out.effectiveYen[position] ?? 0;
    const takenYen = Math.min(Math.max(amountYen, 0), leftYen);
    out.effectiveYen[position] = amountYen - takenYen;
    leftYen -= takenYen;
  }
  return leftYen === 0;
}

/** Steps 7–9 (method-totals.ts, tax-method-matrix.ts). */
function methodsOk(
  payments: Checkout['payments'],
  index: FiguresMethodIndex,
  out: CheckoutFigures,
  cashYen: number,
  cashChangeYen: number,
): boolean {
  const count = payments.length;
  for (let position = 0; position < count; position += 1)
    out.effectiveYen[position] = payments[position]?.amount ?? 0;
  if (!deductFromLastOfClass(out, count, noChange, out.shortYen)) return false;
  if (!deductFromLastOfClass(out, count, changeGiving, out.voucherChangeYen)) return false;
  let rows = 0;
  for (let position = 0; position < count; position += 1) {
    const methodPosition = out.paymentPosition[position] ?? -1;
    let row = 0;
    while (row < rows && out.methodPosition[row] !== methodPosition) row += 1;
    if (row === rows) {
      out.methodPosition[row] = methodPosition;
      out.methodTenderCount[row] = 0;
      out.methodTotalYen[row] = 0;
      out.methodEffectiveYen[row] = 0;
      rows += 1;
    }
    out.methodTenderCount[row] = (out.methodTenderCount[row] ?? 0) + 1;
    const totalYen = (out.methodTotalYen[row] ?? 0) + (payments[position]?.amount ?? 0);
    const effectiveYen = (out.methodEffectiveYen[row] ?? 0) + (out.effectiveYen[position] ?? 0);
    if (!Number.isSafeInteger(totalYen) || !Number.isSafeInteger(effectiveYen)) return false;
    out.methodTotalYen[row] = totalYen;
    out.methodEffectiveYen[row] = effectiveYen;
  }
  const cashTotalYen = cashYen - out.voucherChangeYen - cashChangeYen;
  const cashEffectiveYen = cashYen - cashChangeYen;
  if (!Number.isSafeInteger(cashTotalYen) || !Number.isSafeInteger(cashEffectiveYen)) return false;
  let cashRow = 0;
  while (cashRow < rows && out.methodPosition[cashRow] !== index.cashPosition) cashRow += 1;
  if (cashRow < rows) {
    out.methodTotalYen[cashRow] = cashTotalYen;
    out.methodEffectiveYen[cashRow] = cashEffectiveYen;
  } else if (cashTotalYen !== 0 || cashEffectiveYen !== 0) {
    out.methodPosition[rows] = index.cashPosition;
    out.methodTenderCount[rows] = 0;
    out.methodTotalYen[rows] = cashTotalYen;
    out.methodEffectiveYen[rows] = cashEffectiveYen;
    rows += 1;
  }
  out.methodCount = rows;
  return matrixOf(out, index.cashPosition);
}

/** Step 9; false where the reference's assertYen on what is left would throw. */
function matrixOf(out: CheckoutFigures, cashPosition: number): boolean {
  const rows = out.methodCount;
  const rest = out.restYen;
  rest[0] = out.salesYen[0] ?? 0;
  rest[1] = out.salesYen[1] ?? 0;
  rest[2] = out.salesYen[2] ?? 0;
  rest[3] = out.nonSalesYen;
  out.matrixYen.fill(0, 0, (rows + 1) * 4);
  let lastTurn = -1;
  for (let row = 0; row < rows; row += 1) {
    out.matrixPosition[row] = out.methodPosition[row] ?? -1;
    if (out.methodEffectiveYen[row] !== 0) lastTurn = row;
  }
  for (let row = 0; row <= lastTurn; row += 1) {
    const effectiveYen = out.methodEffectiveYen[row] ?? 0;
    if (effectiveYen === 0) continue;
    const parts = out.partsYen;
    if (row === lastTurn) parts.set(rest);
    else allocateHalfAway(effectiveYen, rest, parts);
    for (let column = 0; column < 4; column += 1) {
      const takenYen = parts[column] ?? 0;
      out.matrixYen[row * 4 + column] = takenYen;
      const leftYen = (rest[column] ?? 0) - takenYen;
      if (!Number.isSafeInteger(leftYen)) return false;
      rest[column] = leftYen;
    }
  }
  let matrixRows = rows;
  if (rest[0] !== 0 || rest[1] !== 0 || rest[2] !== 0 || rest[3] !== 0) {
    let residualRow = 0;
    while (residualRow < rows && out.matrixPosition[residualRow] !== cashPosition) residualRow += 1;
    if (residualRow === rows) {
      out.matrixPosition[rows] = cashPosition;
      matrixRows += 1;
    }
    for (let column = 0; column < 4; column += 1)
      out.matrixYen[residualRow * 4 + column] = rest[column] ?? 0;
  }
  out.matrixCount = matrixRows;
  return true;
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
