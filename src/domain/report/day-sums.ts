// The 日報 from sums (issue #15 item 5): each checkout's figures are computed ONCE, when it is stored
// (`storedFiguresOf`, the same pricing as buildDailyReport: priceCheckout of day-figures.ts), and a
// report is then assembled from their sums (`reportFromDaySums`), which the database keeps per
// store-day as they are written (the day aggregate of migration 0008, docs/report.md). The
// figures depend on the company's rounding mode and payment methods (positions, kinds, change
// rules): `figuresKeyOf` names that configuration, and sums are only used when every checkout of
// the day was priced under the current key (else the caller falls back to buildDailyReport over
// the documents). Equality with buildDailyReport is
// property-tested on PGlite and on the PostgreSQL server
// (test/integration/report/day-sums-equivalence.test.ts).
//
// Hours: sums come per 15-minute bucket of completedAt (epoch ms, UTC); a bucket counts for the
// business hour of its first and last millisecond. Every zone offset in use is a multiple of
// 15 minutes; should a bucket straddle two business hours (a historical LMT offset), the report
// from sums refuses (HourBucketSplitError) and the caller uses buildDailyReport.
import { assertYen, zeroYen, type Yen } from '../money/yen.js';
import { indexPaymentMethods } from '../ledger/payment-methods.js';
import { isBusinessDate } from '../calendar/business-date.js';
import {
  CheckoutFigures,
  statusCode,
  type FiguresMethodIndex,
} from '../ledger/checkout-figures-record.js';
import type { Checkout, DayClose, DrawerEvent, PaymentMethod } from '../ledger/types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import { makeBusinessHourOfEpoch, ReportInputError } from './business-hour.js';
import { cashSummary, drawerFigures } from './cash-drawer.js';
import { priceCheckout } from './day-figures.js';
import { computeCheckoutFigures } from '../ledger/checkout-figures.js';
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
import { salesTaxCategories } from '../ledger/types.js';
import type { ReportStore } from './build-daily-report.js';

export const hourBucketMs = 900_000;

/** The configuration the figures depend on, as text (equal text = the same pricing). */
export function figuresKeyOf(
  methods: readonly PaymentMethod[],
  roundingMode: RoundingMode,
): string {
  return `${roundingMode}|${methods.map((m) => `${m.code.length}:${m.code}:${m.kind}:${m.givesChange ? 1 : 0}`).join(',')}`;
}

/** One stored checkout's figures (integers); past `totalYen` only for a completed checkout. */
export interface StoredFigures {
  totalYen: number;
  completed: {
    /** null when completedAt is absent or not an instant. */
    completedMs: number | null;
    completedAt: string | null;
    salesYen: [number, number, number];
    taxYen: [number, number, number];
    netYen: [number, number, number];
    nonSalesYen: number;
    shortYen: number;
    voucherChangeYen: number;
    customerCount: number;
    itemCount: number;
    lineDiscountCount: number;
    lineDiscountYen: number;
    returnLineCount: number;
    returnItemCount: number;
    returnAmountYen: number;
    orderDiscountYen: number;
    /** Method rows with a negative total: how many, and Σ −total. */
    refundPaymentCount: number;
    refundYen: number;
    methodPosition: number[];
    methodTenderCount: number[];
    methodTotalYen: number[];
    matrixPosition: number[];
    /** Per matrix row: standard10, reduced8, exempt, nonSales. */
    matrixYen: [number[], number[], number[], number[]];
  } | null;
}

const triple = (values: Float64Array): [number, number, number] => [
  values[0] ?? 0,
  values[1] ?? 0,
  values[2] ?? 0,
];

/** The figures buildDailyReport would compute for this checkout, or null when it cannot be priced. */
export function storedFiguresOf(
  checkout: Checkout,
  index: FiguresMethodIndex,
  roundingMode: RoundingMode,
  out: CheckoutFigures = new CheckoutFigures(),
): StoredFigures | null {
  try {
    priceCheckout(checkout, index, roundingMode, out);
  } catch {
    return null;
  }
  return figuresOfRecord(checkout, out);
}

/**
 * The fast single pass only (computeCheckoutFigures): figures when it proves them — and then
 * validateCheckout would return no error — else null (the caller validates and prices the
 * reference way).
 */
export function fastStoredFigures(
  checkout: Checkout,
  index: FiguresMethodIndex,
  roundingMode: RoundingMode,
  out: CheckoutFigures,
): StoredFigures | null {
  return computeCheckoutFigures(checkout, index, roundingMode, out)
    ? figuresOfRecord(checkout, out)
    : null;
}

function figuresOfRecord(checkout: Checkout, out: CheckoutFigures): StoredFigures {
  if (out.status !== statusCode.completed) return { totalYen: out.totalYen, completed: null };
  let refundPaymentCount = 0;
  let refundYen = 0;
  const methodPosition: number[] = [];
  const methodTenderCount: number[] = [];
  const methodTotalYen: number[] = [];
  for (let row = 0; row < out.methodCount; row += 1) {
    const totalYen = out.methodTotalYen[row] ?? 0;
    methodPosition.push(out.methodPosition[row] ?? -1);
    methodTenderCount.push(out.methodTenderCount[row] ?? 0);
    methodTotalYen.push(totalYen);
    if (totalYen < 0) {
      refundPaymentCount += 1;
      refundYen -= totalYen;
    }
  }
  const matrixPosition: number[] = [];
  const matrixYen: [number[], number[], number[], number[]] = [[], [], [], []];
  for (let row = 0; row < out.matrixCount; row += 1) {
    matrixPosition.push(out.matrixPosition[row] ?? -1);
    for (let column = 0; column < 4; column += 1)
      matrixYen[column]?.push(out.matrixYen[row * 4 + column] ?? 0);
  }
  return {
    totalYen: out.totalYen,
    completed: {
      completedMs: Number.isNaN(out.completedMs) ? null : out.completedMs,
      completedAt: checkout.completedAt,
      salesYen: triple(out.salesYen),
      taxYen: triple(out.taxYen),
      netYen: triple(out.netYen),
      nonSalesYen: out.nonSalesYen,
      shortYen: out.shortYen,
      voucherChangeYen: out.voucherChangeYen,
      customerCount: checkout.customerCount,
      itemCount: out.itemCount,
      lineDiscountCount: out.lineDiscountCount,
      lineDiscountYen: out.lineDiscountYen,
      returnLineCount: out.returnLineCount,
      returnItemCount: out.returnItemCount,
      returnAmountYen: out.returnAmountYen,
      orderDiscountYen: checkout.orderDiscount ?? 0,
      refundPaymentCount,
      refundYen,
      methodPosition,
      methodTenderCount,
      methodTotalYen,
      matrixPosition,
      matrixYen,
    },
  };
}

/** Sums over the completed checkouts of a day (every figure as the engine sums it). */
export interface DaySums {
  completedCount: number;
  salesYen: [number, number, number];
  taxYen: [number, number, number];
  netYen: [number, number, number];
  nonSalesYen: number;
  customerCount: number;
  itemCount: number;
  voucherShortfall: CountAmount;
  voucherChange: CountAmount;
  lineDiscounts: CountAmount;
  orderDiscounts: CountAmount;
  returns: DailyReport['returns'];
  refunds: DailyReport['refunds'];
  /** count and Σ T per status (any status; the report shows cancelled, redone, aborted). */
  statuses: Partial<Record<string, CountAmount>>;
  hourBuckets: readonly {
    bucket: number;
    salesTotal: number;
    checkoutCount: number;
    customerCount: number;
    itemCount: number;
  }[];
  methods: readonly { position: number; tenderCount: number; totalYen: number }[];
  matrix: readonly { position: number; yen: readonly [number, number, number, number] }[];
  lastCheckoutAt: string | null;
}

export class HourBucketSplitError extends Error {
  constructor(bucket: number) {
    super(`hour bucket ${bucket} spans two business hours`);
    this.name = 'HourBucketSplitError';
  }
}

export interface ReportFromSumsInput {
  store: ReportStore;
  businessDate: string;
  paymentMethods: readonly PaymentMethod[];
  sums: DaySums;
  drawerEvents: readonly DrawerEvent[];
  close?: DayClose | null;
  settings: ReportSettings;
  printedAt: string;
}

function hourlyOf(
  sums: DaySums,
  timeZone: string,
  businessDate: string,
  settings: ReportSettings['hourly'],
): HourlyRow[] {
  const window = hourlyWindow(settings);
  const hourOf = makeBusinessHourOfEpoch(timeZone, businessDate);
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
  for (const bucket of sums.hourBuckets) {
    const startMs = bucket.bucket * hourBucketMs;
    const hour = hourOf(startMs);
    if (hourOf(startMs + hourBucketMs - 1) !== hour) throw new HourBucketSplitError(bucket.bucket);
    let row = rows.get(hour);
    if (row === undefined) {
      row = emptyRow(hour);
      rows.set(hour, row);
    }
    row.salesTotal = assertYen(row.salesTotal + bucket.salesTotal);
    row.checkoutCount += bucket.checkoutCount;
    row.customerCount += bucket.customerCount;
    row.itemCount += bucket.itemCount;
  }
  return [...rows.values()].sort((left, right) => left.hour - right.hour);
}

function positionOk(position: number, count: number): number {
  if (!Number.isInteger(position) || position < 0 || position >= count)
    throw new ReportInputError(`payment method position ${position} is not configured`);
  return position;
}

function methodRows(sums: DaySums, methods: readonly PaymentMethod[]): PaymentMethodTotal[] {
  const rows = methods.map((method): PaymentMethodTotal => ({
    code: method.code,
    name: method.name,
    count: 0,
    amount: zeroYen,
  }));
  for (const row of sums.methods) {
    const target = rows[positionOk(row.position, rows.length)] as PaymentMethodTotal;
    target.count += row.tenderCount;
    target.amount = assertYen(target.amount + row.totalYen);
  }
  return rows;
}

function matrixRows(sums: DaySums, methods: readonly PaymentMethod[]): TaxRatePaymentRow[] {
  const rows = methods.map((method): TaxRatePaymentRow => ({
    code: method.code,
    byTaxCategory: { standard10: zeroYen, reduced8: zeroYen, exempt: zeroYen, nonSales: zeroYen },
  }));
  for (const row of sums.matrix) {
    const target = (rows[positionOk(row.position, rows.length)] as TaxRatePaymentRow).byTaxCategory;
    target.standard10 = assertYen(target.standard10 + row.yen[0]);
    target.reduced8 = assertYen(target.reduced8 + row.yen[1]);
    target.exempt = assertYen(target.exempt + row.yen[2]);
    target.nonSales = assertYen(target.nonSales + row.yen[3]);
  }
  return rows;
}

const checkedCountAmount = (row: CountAmount | undefined): CountAmount => ({
  count: row?.count ?? 0,
  amount: assertYen(row?.amount ?? 0),
});

/** The DailyReport buildDailyReport gives for the same day, from the day's sums. */
export function reportFromDaySums(input: ReportFromSumsInput): DailyReport {
  if (!isBusinessDate(input.businessDate))
    throw new ReportInputError(`business date ${input.businessDate} is not YYYY-MM-DD`);
  const methods = indexPaymentMethods(input.paymentMethods);
  const { sums } = input;
  const salesRows = salesTaxCategories.map((taxCategory, category): TaxRateSalesRow => ({
    taxCategory,
    sales: assertYen(sums.salesYen[category] ?? 0),
    tax: assertYen(sums.taxYen[category] ?? 0),
    netSales: assertYen(sums.netYen[category] ?? 0),
  }));
  let netSum = 0;
  let taxSum = 0;
  for (const row of salesRows) {
    netSum += row.netSales;
    taxSum += row.tax;
  }
  const netSales = assertYen(netSum);
  const tax = assertYen(taxSum);
  const sales = assertYen(netSales + tax);
  const nonSalesIncome = assertYen(sums.nonSalesYen);
  const paymentMethods = methodRows(sums, methods.methods);
  const ofDay = (item: { storeCode: string; businessDate: string }): boolean =>
    item.storeCode === input.store.code && item.businessDate === input.businessDate;
  const drawer = drawerFigures(input.drawerEvents.filter(ofDay));
  const cashMethodTotalYen: Yen =
    paymentMethods.find((row) => row.code === methods.cashCode)?.amount ?? zeroYen;
  const close = input.close ?? null;
  if (
    close !== null &&
    (close.storeCode !== input.store.code || close.businessDate !== input.businessDate)
  )
    throw new ReportInputError(
      `close of ${close.storeCode} ${close.businessDate} given for ${input.store.code} ${input.businessDate}`,
    );
  return {
    storeCode: input.store.code,
    storeName: input.store.name,
    businessDate: input.businessDate,
    title: input.settings.title,
    printedAt: input.printedAt,
    salesTotal: assertYen(sales + nonSalesIncome),
    sales,
    netSales,
    tax,
    nonSalesIncome,
    ...drawer,
    checkoutCount: sums.completedCount,
    customerCount: sums.customerCount,
    itemCount: sums.itemCount,
    paymentMethods,
    voucherShortfall: checkedCountAmount(sums.voucherShortfall),
    voucherChange: checkedCountAmount(sums.voucherChange),
    lineDiscounts: checkedCountAmount(sums.lineDiscounts),
    orderDiscounts: checkedCountAmount(sums.orderDiscounts),
    returns: { ...sums.returns, amount: assertYen(sums.returns.amount) },
    cancelled: checkedCountAmount(sums.statuses.cancelled),
    redone: checkedCountAmount(sums.statuses.redone),
    aborted: checkedCountAmount(sums.statuses.aborted),
    refunds: { ...sums.refunds, amount: assertYen(sums.refunds.amount) },
    lastCheckoutAt: sums.lastCheckoutAt,
    hourly: hourlyOf(sums, input.store.timeZone, input.businessDate, input.settings.hourly),
    byTaxRate: { sales: salesRows, paymentMethods: matrixRows(sums, methods.methods) },
    cash: cashSummary(close, cashMethodTotalYen, drawer),
  };
}
