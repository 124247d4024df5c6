// fast-check generators of VALID register data (every generated checkout passes validateCheckout:
// tenders satisfy spec §2 step 6). Reusable by any test: import what you need.
//   arbitraryRoundingMode, arbitraryLine, arbitraryPricing     — what was sold
//   arbitraryPayments(totalYen, { exact })                     — valid tenders for a total
//   arbitraryCompletedCheckout(roundingMode, { exact })        — one completed checkout
//   arbitraryDay()                                             — rounding mode + checkouts of every status
//   returnOf(checkout, payments)                               — the same checkout returned
// Methods come from fixtures.ts (testPaymentMethods). `exact: true` makes tenders sum exactly to T
// (no change, no 金券等差額), which a plain "negated" return can mirror.
import fc from 'fast-check';
import { computeCheckoutTotals } from '../../../src/domain/ledger/checkout-totals.js';
import type {
  Checkout,
  CheckoutLine,
  CheckoutStatus,
  Payment,
} from '../../../src/domain/ledger/types.js';
import type { RoundingMode } from '../../../src/domain/money/rounding-mode.js';
import {
  changeGivingMethodCodes,
  checkout,
  noChangeMethodCodes,
  testBusinessDate,
  testPaymentMethods,
} from './fixtures.js';

export const arbitraryRoundingMode: fc.Arbitrary<RoundingMode> = fc.constantFrom(
  'floor',
  'half-up',
  'ceil',
);

export const arbitraryLine: fc.Arbitrary<CheckoutLine> = fc.record(
  {
    name: fc.constant('商品'),
    quantity: fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }) },
      { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
    ),
    unitPrice: fc.oneof(
      fc.integer({ min: 0, max: 3000 }),
      fc.constantFrom(0, 1, 99, 108, 110, 540, 1100),
    ),
    taxCategory: fc.constantFrom(
      'standard10',
      'standard10',
      'reduced8',
      'reduced8',
      'exempt',
      'nonSales',
    ),
    discount: fc.integer({ min: -200, max: 400 }),
  },
  { requiredKeys: ['name', 'quantity', 'unitPrice', 'taxCategory'] },
);

export interface Pricing {
  lines: CheckoutLine[];
  orderDiscount?: number;
  priceMode: 'inclusive' | 'exclusive';
}

export const arbitraryPricing: fc.Arbitrary<Pricing> = fc.record(
  {
    lines: fc.array(arbitraryLine, { maxLength: 6 }),
    orderDiscount: fc.integer({ min: -300, max: 1500 }),
    priceMode: fc.constantFrom('inclusive', 'exclusive'),
  },
  { requiredKeys: ['lines', 'priceMode'] },
);

/** |totalYen| split into positive parts by the weights (zeros dropped); parts sum to |totalYen|. */
function splitMagnitude(magnitudeYen: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const parts = weights.map((weight) => Math.floor((magnitudeYen * weight) / weightSum));
  parts[parts.length - 1] = magnitudeYen - parts.slice(0, -1).reduce((sum, part) => sum + part, 0);
  return parts.filter((part) => part !== 0);
}

const anyMethodCode = fc.constantFrom(...testPaymentMethods.map((method) => method.code));

function exactPayments(totalYen: number): fc.Arbitrary<Payment[]> {
  if (totalYen === 0) return fc.constant([]);
  const tenders = fc.array(
    fc.record({ weight: fc.integer({ min: 1, max: 100 }), method: anyMethodCode }),
    { minLength: 1, maxLength: 3 },
  );
  return tenders.map((picked) =>
    splitMagnitude(
      Math.abs(totalYen),
      picked.map((each) => each.weight),
    ).map((part, index) => ({
      method: picked[index]?.method ?? 'cash',
      amount: totalYen < 0 ? -part : part,
    })),
  );
}

const tenderArbitrary = (codes: readonly string[], maxYen: number) =>
  fc.array(
    fc.record({ method: fc.constantFrom(...codes), amount: fc.integer({ min: 1, max: maxYen }) }),
    { maxLength: 2 },
  );

/** Over-tendering allowed: 金券等差額, 金券等釣り and cash change all occur. T ≥ 0 only. */
function changePayments(totalYen: number): fc.Arbitrary<Payment[]> {
  const maxYen = Math.max(1, totalYen) + 1000;
  return fc
    .record({
      noChange: tenderArbitrary(noChangeMethodCodes, maxYen),
      changeGiving: tenderArbitrary(changeGivingMethodCodes, maxYen),
      cashExtraYen: fc.integer({ min: 0, max: 3000 }),
      cashSplitWeight: fc.integer({ min: 0, max: 3 }),
      orderKeys: fc.array(fc.integer(), { minLength: 6, maxLength: 6 }),
    })
    .map(({ noChange, changeGiving, cashExtraYen, cashSplitWeight, orderKeys }) => {
      const payments: Payment[] = [...noChange];
      let dueYen = Math.max(0, totalYen - noChange.reduce((sum, tender) => sum + tender.amount, 0));
      if (dueYen > 0) {
        payments.push(...changeGiving);
        dueYen = Math.max(0, dueYen - changeGiving.reduce((sum, tender) => sum + tender.amount, 0));
      }
      if (dueYen > 0) {
        const cashYen = dueYen + cashExtraYen;
        payments.push(
          ...splitMagnitude(cashYen, cashSplitWeight > 0 ? [cashSplitWeight, 2] : [1]).map(
            (amount) => ({ method: 'cash', amount }),
          ),
        );
      }
      return payments
        .map((payment, index) => ({ payment, key: orderKeys[index] ?? index }))
        .sort((left, right) => left.key - right.key)
        .map((each) => each.payment);
    });
}

export function arbitraryPayments(
  totalYen: number,
  options: { exact?: boolean } = {},
): fc.Arbitrary<Payment[]> {
  if (options.exact === true || totalYen < 0) return exactPayments(totalYen);
  return fc.oneof(exactPayments(totalYen), changePayments(totalYen));
}

/** An instant on the business day 2025-01-10 (Asia/Tokyo): 06:00 plus `minutes`, up to 05:59 next day. */
export function businessInstant(minutes: number): string {
  const epochMs = Date.UTC(2025, 0, 9, 21, 0) + minutes * 60_000;
  const local = new Date(epochMs + 9 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+09:00`;
}

const arbitraryMinutes = fc.integer({ min: 0, max: 24 * 60 - 1 });

export function arbitraryCompletedCheckout(
  roundingMode: RoundingMode,
  options: { exact?: boolean } = {},
): fc.Arbitrary<Checkout> {
  return fc
    .tuple(arbitraryPricing, arbitraryMinutes, fc.integer({ min: 0, max: 4 }))
    .chain(([pricing, minutes, customerCount]) => {
      const totalYen = computeCheckoutTotals(pricing, roundingMode).totalYen;
      return arbitraryPayments(totalYen, options).map((payments) =>
        checkout({
          id: 'generated',
          ...pricing,
          payments,
          customerCount,
          completedAt: businessInstant(minutes),
        }),
      );
    });
}

const arbitraryStatus: fc.Arbitrary<CheckoutStatus> = fc.constantFrom(
  'completed',
  'completed',
  'completed',
  'completed',
  'cancelled',
  'redone',
  'aborted',
  'pending',
);

function arbitraryDayCheckout(roundingMode: RoundingMode): fc.Arbitrary<Checkout> {
  return fc
    .tuple(arbitraryCompletedCheckout(roundingMode), arbitraryStatus)
    .map(([completed, status]) => {
      if (status === 'pending' || status === 'aborted')
        return { ...completed, status, completedAt: null, payments: [] };
      return { ...completed, status };
    });
}

export interface GeneratedDay {
  roundingMode: RoundingMode;
  checkouts: Checkout[];
}

/** A day of store 0001 on 2025-01-10: checkouts of every status with unique ids. */
export function arbitraryDay(maxCheckouts = 12): fc.Arbitrary<GeneratedDay> {
  return arbitraryRoundingMode.chain((roundingMode) =>
    fc.array(arbitraryDayCheckout(roundingMode), { maxLength: maxCheckouts }).map((checkouts) => ({
      roundingMode,
      checkouts: checkouts.map((each, index) => ({
        ...each,
        id: `c-${String(index).padStart(3, '0')}`,
        businessDate: testBusinessDate,
      })),
    })),
  );
}

/** −value without producing −0 (deepStrictEqual tells −0 from 0). */
export function negateYen(value: number): number {
  return value === 0 ? 0 : -value;
}

/** The same checkout returned: quantities, line discounts and the order discount negated. */
export function returnOf(checkout: Checkout, payments: Checkout['payments']): Checkout {
  return {
    ...checkout,
    id: `${checkout.id}-return`,
    lines: checkout.lines.map((line) => ({
      ...line,
      quantity: -line.quantity,
      ...(line.discount === undefined ? {} : { discount: negateYen(line.discount) }),
    })),
    ...(checkout.orderDiscount === undefined
      ? {}
      : { orderDiscount: negateYen(checkout.orderDiscount) }),
    payments,
  };
}
