// The scratch record the one-pass checkout figures are written into (checkout-figures.ts), and the
// company's payment methods as the fast path reads them.
import type { PaymentMethodIndex } from './payment-methods.js';
import { paymentsMax } from './tender-rules.js';
import type { CheckoutStatus } from './types.js';

/** Tender classes of `FiguresMethodIndex.tenderClass`. */
export const noChange = 0;
export const changeGiving = 1;
export const cash = 2;

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
