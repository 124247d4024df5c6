// Tender rules (tender-rules.ts) and steps 6–9 (tender-split.ts, method-totals.ts,
// tax-method-matrix.ts) of the one-pass checkout figures; false where the fast path cannot prove
// the checkout valid and the figures exact.
import { allocateHalfAway, isSafeInt } from './figures-arithmetic.js';
import {
  cash,
  changeGiving,
  noChange,
  type CheckoutFigures,
  type FiguresMethodIndex,
} from './checkout-figures-record.js';
import { paymentsMax } from './tender-rules.js';
import type { Checkout } from './types.js';

/** tender-rules.ts's payment and sufficiency rules; fills Pn/Pg/Pc-derived figures. False when not provably valid. */
export function tendersOk(
  checkout: Checkout,
  index: FiguresMethodIndex,
  out: CheckoutFigures,
): boolean {
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
    if (methodPosition === undefined || !isSafeInt(amountYen)) return false;
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
    // A ¥0 tender is never "any" tender of the sufficiency rules (spec §2 step 6).
    if (tenderClass !== noChange && amountYen !== 0) hasChangeGivingOrCash = true;
    if (tenderClass === cash && amountYen !== 0) hasCash = true;
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
