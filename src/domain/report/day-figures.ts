// The day's checkouts priced ONCE into flat typed arrays (no per-checkout objects), and the 日報
// figures read from them. The figures are those of the per-row helpers (tax-breakdown.ts,
// payment-breakdown.ts, day-counters.ts, hourly.ts), with the same order of accumulation and the
// same integer guards, so the report is identical (property-tested against a report composed of
// those helpers in test/domain/report). Phase 1 (`priceDay`) validates and prices every checkout
// (the first invalid one in id order throws, as before); phase 2 is one small loop per figure.
import { assertYen, zeroYen } from '../money/yen.js';
import { computeCheckoutMath } from '../ledger/checkout-math.js';
import { computeCheckoutTotals } from '../ledger/checkout-totals.js';
import { computeCheckoutFigures } from '../ledger/checkout-figures.js';
import {
  CheckoutFigures,
  figuresMethodIndex,
  statusCode,
  type FiguresMethodIndex,
} from '../ledger/checkout-figures-record.js';
import { figuresFromMath, figuresFromTotals } from '../ledger/figures-reference.js';
import type { PaymentMethodIndex } from '../ledger/payment-methods.js';
import { validateCheckout } from '../ledger/tender-rules.js';
import { salesTaxCategories, type Checkout, type CheckoutStatus } from '../ledger/types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import type { BusinessHourOfEpoch } from './business-hour.js';
import { CountAmountAccumulator } from './day-checkout.js';
import type { DayCounters } from './day-counters.js';
import { InvalidCheckoutError } from './day-selection.js';
import { hourlyWindow } from './hourly.js';
import type {
  CountAmount,
  DailyReport,
  HourlyRow,
  PaymentMethodTotal,
  ReportSettings,
  TaxRatePaymentRow,
  TaxRateSalesRow,
} from './types.js';

/** Every checkout of the day (`status`, `totalYen`) and, for the completed ones, their figures. */
export interface DayFigures {
  readonly methods: PaymentMethodIndex;
  /** All checkouts, in the order given (latest revisions sorted by id). */
  readonly pricedCount: number;
  readonly status: Uint8Array;
  readonly totalYen: Float64Array;
  /** Completed checkouts, in the same order; per-category arrays hold 3 values each. */
  readonly completedCount: number;
  readonly completed: readonly Checkout[];
  readonly completedMs: Float64Array;
  readonly completedTotalYen: Float64Array;
  readonly salesYen: Float64Array;
  readonly taxYen: Float64Array;
  readonly netYen: Float64Array;
  readonly nonSalesYen: Float64Array;
  readonly shortYen: Float64Array;
  readonly voucherChangeYen: Float64Array;
  readonly customerCount: Float64Array;
  readonly itemCount: Float64Array;
  readonly lineDiscountCount: Float64Array;
  readonly lineDiscountYen: Float64Array;
  readonly returnLineCount: Float64Array;
  readonly returnItemCount: Float64Array;
  readonly returnAmountYen: Float64Array;
  /** Method rows of completed checkout i: methodStart[i] … methodStart[i + 1] − 1. */
  readonly methodStart: Int32Array;
  readonly methodPosition: readonly number[];
  readonly methodTenderCount: readonly number[];
  readonly methodTotalYen: readonly number[];
  /** Matrix rows of completed checkout i: matrixStart[i] … matrixStart[i + 1] − 1; 4 columns each. */
  readonly matrixStart: Int32Array;
  readonly matrixPosition: readonly number[];
  readonly matrixYen: readonly number[];
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
/** DayFigures while it is filled: the completed checkouts so far, arrays sized for every checkout. */
type DayFiguresDraft = Writable<DayFigures> & {
  completed: Checkout[];
  methodPosition: number[];
  methodTenderCount: number[];
  methodTotalYen: number[];
  matrixPosition: number[];
  matrixYen: number[];
};

function emptyDayFigures(methods: PaymentMethodIndex, count: number): DayFiguresDraft {
  const perCheckout = (): Float64Array => new Float64Array(count);
  return {
    methods,
    pricedCount: count,
    status: new Uint8Array(count),
    totalYen: perCheckout(),
    completedCount: 0,
    completed: [],
    completedMs: perCheckout(),
    completedTotalYen: perCheckout(),
    salesYen: new Float64Array(count * 3),
    taxYen: new Float64Array(count * 3),
    netYen: new Float64Array(count * 3),
    nonSalesYen: perCheckout(),
    shortYen: perCheckout(),
    voucherChangeYen: perCheckout(),
    customerCount: perCheckout(),
    itemCount: perCheckout(),
    lineDiscountCount: perCheckout(),
    lineDiscountYen: perCheckout(),
    returnLineCount: perCheckout(),
    returnItemCount: perCheckout(),
    returnAmountYen: perCheckout(),
    methodStart: new Int32Array(count + 1),
    methodPosition: [],
    methodTenderCount: [],
    methodTotalYen: [],
    matrixStart: new Int32Array(count + 1),
    matrixPosition: [],
    matrixYen: [],
  };
}

/** `out` := the checkout's figures: the fast pass, else the reference path (which throws InvalidCheckoutError). */
export function priceCheckout(
  checkout: Checkout,
  index: FiguresMethodIndex,
  roundingMode: RoundingMode,
  out: CheckoutFigures,
): void {
  if (computeCheckoutFigures(checkout, index, roundingMode, out)) return;
  const methods = index.methods;
  const errors = validateCheckout(checkout, methods, roundingMode);
  if (errors.length > 0) throw new InvalidCheckoutError(checkout.id, errors);
  if (checkout.status === 'completed')
    figuresFromMath(checkout, computeCheckoutMath(checkout, methods, roundingMode), index, out);
  else figuresFromTotals(checkout, computeCheckoutTotals(checkout, roundingMode), out);
}

/** Appends a completed checkout's figures (`out`) to the day. */
function appendCompleted(day: DayFiguresDraft, checkout: Checkout, out: CheckoutFigures): void {
  const c = day.completed.length;
  day.completed.push(checkout);
  day.completedMs[c] = out.completedMs;
  day.completedTotalYen[c] = out.totalYen;
  for (let category = 0; category < 3; category += 1) {
    day.salesYen[c * 3 + category] = out.salesYen[category] ?? 0;
    day.taxYen[c * 3 + category] = out.taxYen[category] ?? 0;
    day.netYen[c * 3 + category] = out.netYen[category] ?? 0;
  }
  day.nonSalesYen[c] = out.nonSalesYen;
  day.shortYen[c] = out.shortYen;
  day.voucherChangeYen[c] = out.voucherChangeYen;
  day.customerCount[c] = checkout.customerCount;
  day.itemCount[c] = out.itemCount;
  day.lineDiscountCount[c] = out.lineDiscountCount;
  day.lineDiscountYen[c] = out.lineDiscountYen;
  day.returnLineCount[c] = out.returnLineCount;
  day.returnItemCount[c] = out.returnItemCount;
  day.returnAmountYen[c] = out.returnAmountYen;
  for (let row = 0; row < out.methodCount; row += 1) {
    day.methodPosition.push(out.methodPosition[row] ?? -1);
    day.methodTenderCount.push(out.methodTenderCount[row] ?? 0);
    day.methodTotalYen.push(out.methodTotalYen[row] ?? 0);
  }
  day.methodStart[c + 1] = day.methodPosition.length;
  for (let row = 0; row < out.matrixCount; row += 1) {
    day.matrixPosition.push(out.matrixPosition[row] ?? -1);
    for (let column = 0; column < 4; column += 1)
      day.matrixYen.push(out.matrixYen[row * 4 + column] ?? 0);
  }
  day.matrixStart[c + 1] = day.matrixPosition.length;
}

/**
 * Validates and prices every checkout (any status): the fast single pass of checkout-figures.ts,
 * or the reference path where it cannot prove its result. Throws InvalidCheckoutError for the
 * first invalid checkout, in the order given.
 */
export function priceDay(
  checkouts: readonly Checkout[],
  methods: PaymentMethodIndex,
  roundingMode: RoundingMode,
): DayFigures {
  const index = figuresMethodIndex(methods);
  const out = new CheckoutFigures();
  const day = emptyDayFigures(methods, checkouts.length);
  for (let position = 0; position < checkouts.length; position += 1) {
    const checkout = checkouts[position] as Checkout;
    priceCheckout(checkout, index, roundingMode, out);
    day.status[position] = out.status;
    day.totalYen[position] = out.totalYen;
    if (out.status === statusCode.completed) appendCompleted(day, checkout, out);
  }
  day.completedCount = day.completed.length;
  return day;
}

/** taxRateSalesRows. */
export function daySalesRows(day: DayFigures): TaxRateSalesRow[] {
  return salesTaxCategories.map((taxCategory, category) => {
    const row: TaxRateSalesRow = {
      taxCategory,
      sales: zeroYen,
      tax: zeroYen,
      netSales: zeroYen,
    };
    for (let c = 0; c < day.completedCount; c += 1) {
      row.sales = assertYen(row.sales + (day.salesYen[c * 3 + category] ?? 0));
      row.tax = assertYen(row.tax + (day.taxYen[c * 3 + category] ?? 0));
      row.netSales = assertYen(row.netSales + (day.netYen[c * 3 + category] ?? 0));
    }
    return row;
  });
}

/** sumBy over the completed checkouts (no guard per step, as sumBy). */
export function daySum(day: DayFigures, values: Float64Array): number {
  let total = 0;
  for (let c = 0; c < day.completedCount; c += 1) total += values[c] ?? 0;
  return total;
}

/** paymentMethodRows. */
export function dayPaymentMethodRows(day: DayFigures): PaymentMethodTotal[] {
  const rows = day.methods.methods.map((method): PaymentMethodTotal => ({
    code: method.code,
    name: method.name,
    count: 0,
    amount: zeroYen,
  }));
  const end = day.methodStart[day.completedCount] ?? 0;
  for (let row = 0; row < end; row += 1) {
    const target = rows[day.methodPosition[row] ?? -1] as PaymentMethodTotal;
    target.count += day.methodTenderCount[row] ?? 0;
    target.amount = assertYen(target.amount + (day.methodTotalYen[row] ?? 0));
  }
  return rows;
}

/** dayCounters. */
export function dayCountersOf(day: DayFigures): DayCounters {
  const voucherShortfall = new CountAmountAccumulator();
  const voucherChange = new CountAmountAccumulator();
  const lineDiscounts = new CountAmountAccumulator();
  const orderDiscounts = new CountAmountAccumulator();
  const returns = { checkoutCount: 0, itemCount: 0, amount: zeroYen };
  for (let c = 0; c < day.completedCount; c += 1) {
    const shortYen = day.shortYen[c] ?? 0;
    const voucherChangeYen = day.voucherChangeYen[c] ?? 0;
    const orderDiscount = day.completed[c]?.orderDiscount ?? 0;
    if (shortYen > 0) voucherShortfall.add(shortYen);
    if (voucherChangeYen > 0) voucherChange.add(voucherChangeYen);
    if (orderDiscount > 0) orderDiscounts.add(orderDiscount);
    const discountLines = day.lineDiscountCount[c] ?? 0;
    if (discountLines > 0) {
      lineDiscounts.count += discountLines;
      lineDiscounts.amountYen = assertYen(lineDiscounts.amountYen + (day.lineDiscountYen[c] ?? 0));
    }
    if ((day.returnLineCount[c] ?? 0) > 0) {
      returns.checkoutCount += 1;
      returns.itemCount += day.returnItemCount[c] ?? 0;
      returns.amount = assertYen(returns.amount + (day.returnAmountYen[c] ?? 0));
    }
  }
  return {
    voucherShortfall: voucherShortfall.result(),
    voucherChange: voucherChange.result(),
    lineDiscounts: lineDiscounts.result(),
    orderDiscounts: orderDiscounts.result(),
    returns,
  };
}

/** statusRow: count and Σ T of the checkouts in `status`. */
export function dayStatusRow(day: DayFigures, status: CheckoutStatus): CountAmount {
  const code = statusCode[status];
  const row = new CountAmountAccumulator();
  for (let position = 0; position < day.pricedCount; position += 1) {
    if (day.status[position] === code) row.add(day.totalYen[position] ?? 0);
  }
  return row.result();
}

/** refundFigures. */
export function dayRefunds(day: DayFigures): DailyReport['refunds'] {
  const refunds = { checkoutCount: 0, paymentCount: 0, amount: zeroYen };
  for (let c = 0; c < day.completedCount; c += 1) {
    if ((day.completedTotalYen[c] ?? 0) >= 0) continue;
    refunds.checkoutCount += 1;
    const end = day.methodStart[c + 1] ?? 0;
    for (let row = day.methodStart[c] ?? 0; row < end; row += 1) {
      const totalYen = day.methodTotalYen[row] ?? 0;
      if (totalYen >= 0) continue;
      refunds.paymentCount += 1;
      refunds.amount = assertYen(refunds.amount - totalYen);
    }
  }
  return refunds;
}

/** lastCompletedAt: the latest completedAt (ties: the greater text), as written. */
export function dayLastCompletedAt(day: DayFigures): string | null {
  let latestMs = Number.NEGATIVE_INFINITY;
  let latestText: string | null = null;
  for (let c = 0; c < day.completedCount; c += 1) {
    const text = day.completed[c]?.completedAt ?? null;
    const epochMs = day.completedMs[c] ?? Number.NaN;
    if (text === null || Number.isNaN(epochMs)) continue;
    if (latestText === null || epochMs > latestMs || (epochMs === latestMs && text > latestText)) {
      latestMs = epochMs;
      latestText = text;
    }
  }
  return latestText;
}

/** hourlyRows. */
export function dayHourlyRows(
  day: DayFigures,
  hourOf: BusinessHourOfEpoch,
  settings: ReportSettings['hourly'],
): HourlyRow[] {
  const window = hourlyWindow(settings);
  const rows = new Map<number, HourlyRow>();
  const emptyRow = (hour: number): HourlyRow => ({
    hour,
    salesTotal: zeroYen,
    checkoutCount: 0,
    customerCount: 0,
    itemCount: 0,
  });
  for (let hour = window.startHour; hour <= window.endHour; hour += 1)
    rows.set(hour, emptyRow(hour));
  for (let c = 0; c < day.completedCount; c += 1) {
    const epochMs = day.completedMs[c] ?? Number.NaN;
    if (Number.isNaN(epochMs)) continue;
    const hour = hourOf(epochMs);
    let row = rows.get(hour);
    if (row === undefined) {
      row = emptyRow(hour);
      rows.set(hour, row);
    }
    row.salesTotal = assertYen(row.salesTotal + (day.completedTotalYen[c] ?? 0));
    row.checkoutCount += 1;
    row.customerCount += day.customerCount[c] ?? 0;
    row.itemCount += day.itemCount[c] ?? 0;
  }
  return [...rows.values()].sort((left, right) => left.hour - right.hour);
}

/** taxRatePaymentRows. */
export function dayTaxRatePaymentRows(day: DayFigures): TaxRatePaymentRow[] {
  const rows = day.methods.methods.map((method): TaxRatePaymentRow => ({
    code: method.code,
    byTaxCategory: { standard10: zeroYen, reduced8: zeroYen, exempt: zeroYen, nonSales: zeroYen },
  }));
  const end = day.matrixStart[day.completedCount] ?? 0;
  for (let row = 0; row < end; row += 1) {
    const target = (rows[day.matrixPosition[row] ?? -1] as TaxRatePaymentRow).byTaxCategory;
    const at = row * 4;
    target.standard10 = assertYen(target.standard10 + (day.matrixYen[at] ?? 0));
    target.reduced8 = assertYen(target.reduced8 + (day.matrixYen[at + 1] ?? 0));
    target.exempt = assertYen(target.exempt + (day.matrixYen[at + 2] ?? 0));
    target.nonSales = assertYen(target.nonSales + (day.matrixYen[at + 3] ?? 0));
  }
  return rows;
}
