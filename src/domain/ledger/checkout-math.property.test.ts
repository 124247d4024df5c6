// Goal: the money invariants of spec §2 hold for every valid checkout. Method: fast-check over
// generated valid checkouts (test/domain/arbitraries.ts): generated data passes validateCheckout;
// Σ e[m] = T; Σ method totals = T + short; matrix rows sum to e[m] and columns to S[c] and
// G[nonSales]; a return (quantities, discounts and payments negated) gives exactly the negated maths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeCheckoutMath } from './checkout-math.js';
import { validateCheckout } from './tender-rules.js';
import { taxCategories, type Checkout } from './types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import {
  arbitraryCompletedCheckout,
  arbitraryRoundingMode,
  negateYen as negate,
  returnOf,
} from '../../../test/support/domain/arbitraries.js';
import { testMethodIndex } from '../../../test/support/domain/fixtures.js';

const numRuns = 300;
const sum = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0);

const arbitraryCase = (options: { exact?: boolean } = {}) =>
  arbitraryRoundingMode.chain((roundingMode) =>
    arbitraryCompletedCheckout(roundingMode, options).map((checkout) => ({
      roundingMode,
      checkout,
    })),
  );

function comparable(checkout: Checkout, roundingMode: RoundingMode, sign: 1 | -1) {
  const result = computeCheckoutMath(checkout, testMethodIndex, roundingMode);
  const signed = (value: number): number => (sign === 1 ? value : negate(value));
  const signedRecord = <K extends string>(record: Record<K, number>) =>
    Object.fromEntries(Object.entries<number>(record).map(([key, value]) => [key, signed(value)]));
  return {
    sales: signedRecord(result.totals.salesYen),
    tax: signedRecord(result.totals.taxYen),
    net: signedRecord(result.totals.netYen),
    total: signed(result.totals.totalYen),
    effective: result.methods
      .filter((row) => row.effectiveYen !== 0)
      .map((row) => [row.code, signed(row.effectiveYen)]),
    matrix: result.matrix
      .filter((row) => taxCategories.some((category) => row.byTaxCategoryYen[category] !== 0))
      .map((row) => [row.code, signedRecord(row.byTaxCategoryYen)]),
  };
}

describe('checkout maths (properties)', () => {
  it('generated checkouts are valid', () => {
    fc.assert(
      fc.property(arbitraryCase(), ({ roundingMode, checkout }) => {
        assert.deepEqual(validateCheckout(checkout, testMethodIndex, roundingMode), []);
      }),
      { numRuns },
    );
  });

  it('Σ e[m] = T and Σ method totals = T + short', () => {
    fc.assert(
      fc.property(arbitraryCase(), ({ roundingMode, checkout }) => {
        const result = computeCheckoutMath(checkout, testMethodIndex, roundingMode);
        assert.equal(sum(result.methods.map((row) => row.effectiveYen)), result.totals.totalYen);
        assert.equal(
          sum(result.methods.map((row) => row.totalYen)),
          result.totals.totalYen + result.tenders.shortYen,
        );
        assert.equal(sum(result.methods.map((row) => row.tenderCount)), checkout.payments.length);
      }),
      { numRuns },
    );
  });

  it('matrix rows sum to e[m], columns to S[c] and G[nonSales]', () => {
    fc.assert(
      fc.property(arbitraryCase(), ({ roundingMode, checkout }) => {
        const result = computeCheckoutMath(checkout, testMethodIndex, roundingMode);
        for (const row of result.matrix) {
          const effectiveYen =
            result.methods.find((method) => method.code === row.code)?.effectiveYen ?? 0;
          assert.equal(
            sum(taxCategories.map((category) => row.byTaxCategoryYen[category])),
            effectiveYen,
            `row ${row.code}`,
          );
        }
        const columnsYen = { ...result.totals.salesYen, nonSales: result.totals.nonSalesYen };
        for (const category of taxCategories) {
          assert.equal(
            sum(result.matrix.map((row) => row.byTaxCategoryYen[category])),
            columnsYen[category],
            `column ${category}`,
          );
        }
      }),
      { numRuns },
    );
  });

  it('a return with negated payments is valid and exactly undoes a sale tendered exactly', () => {
    fc.assert(
      fc.property(arbitraryCase({ exact: true }), ({ roundingMode, checkout }) => {
        const returned = returnOf(
          checkout,
          checkout.payments.map((payment) => ({ ...payment, amount: negate(payment.amount) })),
        );
        assert.deepEqual(validateCheckout(returned, testMethodIndex, roundingMode), []);
        assert.deepEqual(
          comparable(returned, roundingMode, -1),
          comparable(checkout, roundingMode, 1),
        );
      }),
      { numRuns },
    );
  });

  it('a return refunding e[m] per method exactly undoes any sale (change and shortfall included)', () => {
    fc.assert(
      fc.property(arbitraryCase(), ({ roundingMode, checkout }) => {
        const sale = computeCheckoutMath(checkout, testMethodIndex, roundingMode);
        const refunds = sale.methods
          .filter((row) => row.effectiveYen !== 0)
          .map((row) => ({ method: row.code, amount: -row.effectiveYen }));
        const returned = returnOf(checkout, refunds);
        assert.deepEqual(validateCheckout(returned, testMethodIndex, roundingMode), []);
        assert.deepEqual(
          comparable(returned, roundingMode, -1),
          comparable(checkout, roundingMode, 1),
        );
      }),
      { numRuns },
    );
  });
});
