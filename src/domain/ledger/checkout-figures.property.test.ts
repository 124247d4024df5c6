// Goal: the one-pass checkout figures (checkout-figures.ts) are sound and exact: whenever the fast
// pass accepts a checkout, validateCheckout returns [] and every figure equals the reference maths
// (computeCheckoutMath / computeCheckoutTotals) bit for bit, −0 told from 0; and it does accept the
// ordinary valid checkouts (it is not a fallback in disguise). Method: fast-check over generated
// valid checkouts of every status, the same checkouts broken in one field, and checkouts with
// amounts near the safe-integer limit (where the fast pass must hand over to the bigint reference).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeCheckoutMath } from './checkout-math.js';
import { computeCheckoutTotals } from './checkout-totals.js';
import { computeCheckoutFigures } from './checkout-figures.js';
import { CheckoutFigures, figuresMethodIndex } from './checkout-figures-record.js';
import { figuresFromMath, figuresFromTotals } from './figures-reference.js';
import { validateCheckout } from './tender-rules.js';
import type { Checkout, CheckoutLine } from './types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import {
  arbitraryDay,
  arbitraryPayments,
  arbitraryRoundingMode,
} from '../../../test/support/domain/arbitraries.js';
import {
  checkout as makeCheckout,
  testMethodIndex,
} from '../../../test/support/domain/fixtures.js';

const figuresIndex = figuresMethodIndex(testMethodIndex);

function snapshot(figures: CheckoutFigures, completed: boolean) {
  const base = {
    status: figures.status,
    startedMs: figures.startedMs,
    completedMs: figures.completedMs,
    totalYen: figures.totalYen,
    salesYen: Array.from(figures.salesYen),
    taxYen: Array.from(figures.taxYen),
    netYen: Array.from(figures.netYen),
    nonSalesYen: figures.nonSalesYen,
    itemCount: figures.itemCount,
    lineDiscounts: [figures.lineDiscountCount, figures.lineDiscountYen],
    returns: [figures.returnLineCount, figures.returnItemCount, figures.returnAmountYen],
  };
  if (!completed) return base;
  const methods = [];
  for (let row = 0; row < figures.methodCount; row += 1) {
    methods.push([
      figures.methodPosition[row],
      figures.methodTenderCount[row],
      figures.methodTotalYen[row],
      figures.methodEffectiveYen[row],
    ]);
  }
  const matrix = [];
  for (let row = 0; row < figures.matrixCount; row += 1) {
    matrix.push([
      figures.matrixPosition[row],
      ...Array.from(figures.matrixYen.subarray(row * 4, row * 4 + 4)),
    ]);
  }
  return {
    ...base,
    shortYen: figures.shortYen,
    voucherChangeYen: figures.voucherChangeYen,
    methods,
    matrix,
  };
}

/** The reference figures, or the reference's errors / exception. */
function reference(
  checkout: Checkout,
  roundingMode: RoundingMode,
): { errors: unknown; figures?: ReturnType<typeof snapshot> } {
  let errors;
  try {
    errors = validateCheckout(checkout, testMethodIndex, roundingMode);
  } catch (error) {
    return { errors: error };
  }
  if (errors.length > 0) return { errors };
  const figures = new CheckoutFigures();
  if (checkout.status === 'completed')
    figuresFromMath(
      checkout,
      computeCheckoutMath(checkout, testMethodIndex, roundingMode),
      figuresIndex,
      figures,
    );
  else figuresFromTotals(checkout, computeCheckoutTotals(checkout, roundingMode), figures);
  return { errors, figures: snapshot(figures, checkout.status === 'completed') };
}

/** Runs the fast pass (on a dirty, reused scratch record) and checks it against the reference. */
function check(checkout: Checkout, roundingMode: RoundingMode, scratch: CheckoutFigures): boolean {
  const accepted = computeCheckoutFigures(checkout, figuresIndex, roundingMode, scratch);
  if (!accepted) return false;
  const expected = reference(checkout, roundingMode);
  assert.deepEqual(
    expected.errors,
    [],
    `fast pass accepted an invalid checkout: ${JSON.stringify(checkout)}`,
  );
  assert.deepEqual(
    snapshot(scratch, checkout.status === 'completed'),
    expected.figures,
    JSON.stringify(checkout),
  );
  return true;
}

type Breaker = (checkout: Checkout) => Checkout;
const lineBreak =
  (change: (line: CheckoutLine) => CheckoutLine): Breaker =>
  (each) =>
    each.lines.length === 0
      ? {
          ...each,
          lines: [change({ name: 'x', quantity: 1, unitPrice: 100, taxCategory: 'standard10' })],
        }
      : { ...each, lines: [change(each.lines[0] as CheckoutLine), ...each.lines.slice(1)] };
const breakers: Breaker[] = [
  (each) => ({ ...each, status: 'unknown' as Checkout['status'] }),
  (each) => ({ ...each, status: 'toString' as Checkout['status'] }),
  (each) => ({ ...each, startedAt: '2025-01-10T12:00:00' }),
  (each) => ({ ...each, completedAt: null }),
  (each) => ({ ...each, completedAt: '2025-01-09T00:00:00+09:00' }),
  (each) => ({ ...each, completedAt: 'yesterday' }),
  (each) => ({ ...each, businessDate: '2025-02-30' }),
  (each) => ({ ...each, redoes: each.id }),
  (each) => ({ ...each, customerCount: -1 }),
  (each) => ({ ...each, customerCount: 1.5 }),
  (each) => ({ ...each, priceMode: 'gross' as Checkout['priceMode'] }),
  (each) => ({ ...each, orderDiscount: 10.5 }),
  (each) => ({ ...each, orderDiscount: 2 ** 60 }),
  lineBreak((line) => ({ ...line, quantity: 0 })),
  lineBreak((line) => ({ ...line, quantity: 1.5 })),
  lineBreak((line) => ({ ...line, unitPrice: -1 })),
  lineBreak((line) => ({ ...line, unitPrice: Number.MAX_SAFE_INTEGER })),
  lineBreak((line) => ({ ...line, discount: Number.NaN })),
  lineBreak((line) => ({ ...line, taxCategory: 'luxury' as CheckoutLine['taxCategory'] })),
  (each) => ({ ...each, payments: [...each.payments, { method: 'bitcoin', amount: 100 }] }),
  (each) => ({ ...each, payments: [...each.payments, { method: 'cash', amount: 0 }] }),
  (each) => ({ ...each, payments: [...each.payments, { method: 'cash', amount: -100 }] }),
  (each) => ({ ...each, payments: [...each.payments, { method: 'credit', amount: 10_000 }] }),
  (each) => ({ ...each, payments: [...each.payments, { method: 'giftChange', amount: 1 }] }),
  (each) => ({ ...each, payments: each.payments.slice(1) }),
  (each) => ({
    ...each,
    payments: Array.from({ length: 21 }, () => ({ method: 'cash', amount: 1 })),
  }),
  (each) => ({
    ...each,
    payments: each.payments.map((payment) => ({ ...payment, amount: payment.amount + 0.5 })),
  }),
];

describe('checkout figures in one pass (properties)', () => {
  it('accepts every generated valid checkout, of every status, with the reference figures', () => {
    const scratch = new CheckoutFigures();
    fc.assert(
      fc.property(arbitraryDay(8), (day) => {
        for (const each of day.checkouts)
          assert.ok(
            check(each, day.roundingMode, scratch),
            `not accepted: ${JSON.stringify(each)}`,
          );
      }),
      { numRuns: 400 },
    );
  });

  it('never accepts a checkout that validateCheckout rejects (one field broken)', () => {
    const scratch = new CheckoutFigures();
    fc.assert(
      fc.property(
        arbitraryDay(4),
        fc.array(fc.integer({ min: 0, max: breakers.length - 1 }), { minLength: 1, maxLength: 2 }),
        (day, picks) => {
          for (const each of day.checkouts) {
            const broken = picks.reduce(
              (current, pick) => (breakers[pick] as Breaker)(current),
              each,
            );
            check(broken, day.roundingMode, scratch);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('tiny amounts over several tenders (rounding ties in the matrix and the tax)', () => {
    const scratch = new CheckoutFigures();
    const tinyLine = fc.record({
      name: fc.constant('tiny'),
      quantity: fc.integer({ min: -2, max: 3 }).filter((quantity) => quantity !== 0),
      unitPrice: fc.integer({ min: 0, max: 12 }),
      taxCategory: fc.constantFrom('standard10', 'reduced8', 'exempt', 'nonSales'),
    }) as fc.Arbitrary<CheckoutLine>;
    const tinyCase = arbitraryRoundingMode.chain((roundingMode) =>
      fc
        .record({
          lines: fc.array(tinyLine, { minLength: 1, maxLength: 5 }),
          orderDiscount: fc.integer({ min: -3, max: 6 }),
          priceMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
        })
        .chain((pricing) =>
          arbitraryPayments(computeCheckoutTotals(pricing, roundingMode).totalYen).map(
            (payments) => ({
              roundingMode,
              each: makeCheckout({ id: 'tiny', ...pricing, payments }),
            }),
          ),
        ),
    );
    fc.assert(
      fc.property(tinyCase, ({ roundingMode, each }) => {
        assert.ok(check(each, roundingMode, scratch), `not accepted: ${JSON.stringify(each)}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('amounts near the safe-integer limit: exact where accepted, handed to the reference otherwise', () => {
    const scratch = new CheckoutFigures();
    const bigLine = fc.record({
      name: fc.constant('big'),
      quantity: fc.integer({ min: -3, max: 3 }).filter((quantity) => quantity !== 0),
      unitPrice: fc.oneof(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 2 ** 48, max: 2 ** 51 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      ),
      taxCategory: fc.constantFrom('standard10', 'reduced8', 'exempt', 'nonSales'),
    }) as fc.Arbitrary<CheckoutLine>;
    const bigCase = fc.record({
      roundingMode: arbitraryRoundingMode,
      lines: fc.array(bigLine, { minLength: 1, maxLength: 4 }),
      orderDiscount: fc.oneof(fc.constant(0), fc.integer({ min: -(2 ** 45), max: 2 ** 45 })),
      priceMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
      weights: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 3 }),
      methods: fc.array(fc.constantFrom('cash', 'credit', 'paypay', 'giftNoChange'), {
        minLength: 3,
        maxLength: 3,
      }),
    });
    let accepted = 0;
    fc.assert(
      fc.property(
        bigCase,
        ({ roundingMode, lines, orderDiscount, priceMode, weights, methods }) => {
          let totalYen: number;
          try {
            totalYen = computeCheckoutTotals(
              { lines, orderDiscount, priceMode },
              roundingMode,
            ).totalYen;
          } catch {
            totalYen = 1000;
          }
          // Exact tenders split by weight (no change), so the checkout is valid whenever its total is.
          const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
          const magnitude = Math.abs(totalYen);
          const parts = weights.map((weight) => Math.floor((magnitude / weightSum) * weight));
          parts[parts.length - 1] =
            magnitude - parts.slice(0, -1).reduce((sum, part) => sum + part, 0);
          const payments = parts
            .map((part, position) => ({
              method: methods[position] ?? 'cash',
              amount: totalYen < 0 ? -part : part,
            }))
            .filter((payment) => payment.amount !== 0 && Number.isSafeInteger(payment.amount));
          const each = makeCheckout({ id: 'big', lines, orderDiscount, priceMode, payments });
          if (check(each, roundingMode, scratch)) accepted += 1;
        },
      ),
      { numRuns: 1500 },
    );
    assert.ok(accepted > 100, `only ${accepted} big checkouts took the fast pass`);
  });
});
