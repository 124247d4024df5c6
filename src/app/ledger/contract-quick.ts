// The ingest's hot path through the checkout contract (issue 15 item 4): one hand-written pass that
// either vouches for a checkout and builds exactly what CheckoutContract.parse outputs (keys in the
// schema's order, priceMode defaulted), or answers null. It answers null for anything it is not
// sure of, and the caller then runs zod, which decides and names the wrong fields. So it may only
// ever accept a subset of what zod accepts, with the same output: contract-quick.test.ts checks
// both on valid checkouts and on checkouts broken at one field (the contract test's pool of values).
import { isBusinessDate } from '../../domain/calendar/business-date.js';
import {
  checkoutStatuses,
  taxCategories,
  type Checkout,
  type CheckoutLine,
  type Payment,
} from '../../domain/ledger/types.js';
import { isSafeText } from '../../domain/text/safe-text.js';
import {
  CheckoutContract,
  CheckoutLineContract,
  InstantContract,
  PaymentContract,
} from './contract.js';

/** zod's own pattern for the contract's instants (none: the quick pass vouches for nothing). */
const instantPattern: RegExp | null =
  (InstantContract._zod.def as { pattern?: unknown }).pattern instanceof RegExp
    ? ((InstantContract._zod.def as { pattern: RegExp }).pattern as RegExp)
    : null;

const statuses: ReadonlySet<unknown> = new Set(checkoutStatuses);
const categories: ReadonlySet<unknown> = new Set(taxCategories);
const linesMax = 1000;
const paymentsMax = 20;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max && isSafeText(value);
const int = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
const instant = (value: unknown): value is string =>
  typeof value === 'string' && instantPattern !== null && instantPattern.test(value);

/** The contract's keys in the schema's order (the order zod outputs them in). */
const checkoutOrder = Object.keys(CheckoutContract.shape);
const lineOrder = Object.keys(CheckoutLineContract.shape);
const paymentOrder = Object.keys(PaymentContract.shape);

/** Whether the object's own keys come in the schema's order (the optional ones may be missing). */
function inOrder(value: Record<string, unknown>, order: readonly string[]): boolean {
  let at = 0;
  for (const key in value) {
    while (at < order.length && order[at] !== key) at += 1;
    if (at === order.length) return false;
    at += 1;
  }
  return true;
}

/** How many keys an object has of its own: equal to the known keys found, no other key (strict). */
function keyCount(value: Record<string, unknown>): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count += 1;
  return count;
}

function quickLine(raw: unknown): CheckoutLine | null {
  if (!isObject(raw)) return null;
  const { sku, name, quantity, unitPrice, taxCategory, discount } = raw;
  let known = 4;
  if (sku !== undefined) {
    if (!text(sku, 0, 64)) return null;
    known += 1;
  }
  if (!text(name, 1, 200) || !int(quantity, -100_000, 100_000) || quantity === 0) return null;
  if (!int(unitPrice, 0, 100_000_000) || !categories.has(taxCategory)) return null;
  if (discount !== undefined) {
    if (!int(discount, -100_000_000, 100_000_000)) return null;
    known += 1;
  }
  if (keyCount(raw) !== known) return null;
  if (inOrder(raw, lineOrder)) return raw as unknown as CheckoutLine;
  const line: CheckoutLine = sku === undefined ? ({} as CheckoutLine) : ({ sku } as CheckoutLine);
  line.name = name;
  line.quantity = quantity;
  line.unitPrice = unitPrice;
  line.taxCategory = taxCategory as CheckoutLine['taxCategory'];
  if (discount !== undefined) line.discount = discount;
  return line;
}

function quickPayment(raw: unknown): Payment | null {
  if (!isObject(raw)) return null;
  const { method, amount } = raw;
  if (!text(method, 1, 32) || !int(amount, -1_000_000_000, 1_000_000_000)) return null;
  if (keyCount(raw) !== 2) return null;
  return inOrder(raw, paymentOrder) ? (raw as unknown as Payment) : { method, amount };
}

function quickList<T>(raw: unknown, max: number, item: (raw: unknown) => T | null): T[] | null {
  if (!Array.isArray(raw) || raw.length > max) return null;
  const out: T[] = [];
  for (const element of raw as unknown[]) {
    const parsed = item(element);
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out;
}

/** CheckoutContract's output for `raw`, or null: then ask CheckoutContract (it decides). */
export function quickCheckout(raw: unknown): Checkout | null {
  if (!isObject(raw)) return null;
  const c = raw;
  let known = 12; // the required keys and priceMode
  if (!text(c.id, 1, 64) || !int(c.revision, 1, Number.MAX_SAFE_INTEGER)) return null;
  if (!text(c.storeCode, 1, 32) || !text(c.registerCode, 1, 32)) return null;
  if (c.staffCode !== undefined) {
    if (!text(c.staffCode, 0, 32)) return null;
    known += 1;
  }
  if (!isBusinessDate(c.businessDate) || !instant(c.startedAt)) return null;
  if (c.completedAt !== null && !instant(c.completedAt)) return null;
  if (!statuses.has(c.status)) return null;
  if (c.redoes !== undefined) {
    if (!text(c.redoes, 1, 64)) return null;
    known += 1;
  }
  if (!int(c.customerCount, 0, 10_000)) return null;
  // Absent, zod defaults it: one key fewer in the input.
  if (c.priceMode === undefined) known -= 1;
  else if (c.priceMode !== 'inclusive' && c.priceMode !== 'exclusive') return null;
  if (c.orderDiscount !== undefined) {
    if (!int(c.orderDiscount, -100_000_000, 100_000_000)) return null;
    known += 1;
  }
  if (keyCount(c) !== known) return null;
  const lines = quickList(c.lines, linesMax, quickLine);
  if (lines === null) return null;
  const payments = quickList(c.payments, paymentsMax, quickPayment);
  if (payments === null) return null;
  // Already what zod outputs (the schema's key order, priceMode sent, every line and payment as
  // is): the object itself. Nothing downstream changes it.
  if (
    c.priceMode !== undefined &&
    inOrder(c, checkoutOrder) &&
    lines.every((line, i) => line === (c.lines as unknown[])[i]) &&
    payments.every((payment, i) => payment === (c.payments as unknown[])[i])
  )
    return c as unknown as Checkout;
  // The schema's key order, optional keys only when sent (as zod outputs it).
  const out = { id: c.id, revision: c.revision, storeCode: c.storeCode } as Checkout;
  out.registerCode = c.registerCode;
  if (c.staffCode !== undefined) out.staffCode = c.staffCode as string;
  out.businessDate = c.businessDate;
  out.startedAt = c.startedAt as string;
  out.completedAt = c.completedAt as string | null;
  out.status = c.status as Checkout['status'];
  if (c.redoes !== undefined) out.redoes = c.redoes as string;
  out.customerCount = c.customerCount;
  out.priceMode = (c.priceMode ?? 'inclusive') as Checkout['priceMode'];
  out.lines = lines;
  if (c.orderDiscount !== undefined) out.orderDiscount = c.orderDiscount as number;
  out.payments = payments;
  return out;
}
