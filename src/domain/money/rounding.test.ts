// Goal: the three rounding modes act on the absolute value and keep the sign (spec §2 step 4),
// with exact integer arithmetic even beyond 2^53. Method: a table of quotients, then a property
// that round(−x) = −round(x) and that the result is within one of the exact quotient.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  DivisionByZeroError,
  divideRounded,
  floorDivide,
  multiplyDivideRoundedYen,
} from './rounding.js';
import type { RoundingMode } from './rounding-mode.js';
import { yen } from './yen.js';

const table: [bigint, bigint, RoundingMode, bigint][] = [
  [9040n, 110n, 'floor', 82n], // 82.18 (spec §5)
  [7808n, 108n, 'floor', 72n], // 72.30 (spec §5)
  [9040n, 110n, 'half-up', 82n],
  [9040n, 110n, 'ceil', 83n],
  [5n, 2n, 'floor', 2n],
  [5n, 2n, 'half-up', 3n],
  [5n, 2n, 'ceil', 3n],
  [-5n, 2n, 'floor', -2n], // floor of |−2.5| = 2, sign kept
  [-5n, 2n, 'half-up', -3n], // half away from zero
  [-5n, 2n, 'ceil', -3n],
  [5n, -2n, 'half-up', -3n],
  [-9040n, 110n, 'floor', -82n],
  [-7n, 3n, 'half-up', -2n], // −2.33
  [-8n, 3n, 'half-up', -3n], // −2.67
  [6n, 3n, 'ceil', 2n],
  [0n, 7n, 'ceil', 0n],
  [10n ** 20n + 1n, 10n, 'ceil', 10n ** 19n + 1n],
];

describe('divideRounded', () => {
  for (const [numerator, denominator, mode, expected] of table) {
    it(`${numerator} / ${denominator} ${mode} = ${expected}`, () => {
      assert.equal(divideRounded(numerator, denominator, mode), expected);
    });
  }

  it('rejects a zero denominator', () => {
    assert.throws(() => divideRounded(1n, 0n, 'floor'), DivisionByZeroError);
    assert.throws(() => floorDivide(1n, 0n), DivisionByZeroError);
  });

  it('is odd-symmetric and within one of the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.constantFrom<RoundingMode>('floor', 'half-up', 'ceil'),
        (numerator, denominator, mode) => {
          const rounded = divideRounded(numerator, denominator, mode);
          assert.equal(divideRounded(-numerator, denominator, mode), -rounded);
          const difference = rounded * denominator - numerator;
          assert.ok(difference < denominator && difference > -denominator);
        },
      ),
    );
  });
});

describe('floorDivide', () => {
  const cases: [bigint, bigint, bigint][] = [
    [7n, 2n, 3n],
    [-7n, 2n, -4n],
    [7n, -2n, -4n],
    [-7n, -2n, 3n],
    [-6n, 2n, -3n],
  ];
  for (const [numerator, denominator, expected] of cases) {
    it(`floor(${numerator} / ${denominator}) = ${expected}`, () =>
      assert.equal(floorDivide(numerator, denominator), expected));
  }
});

describe('multiplyDivideRoundedYen', () => {
  it('computes tax of an inclusive amount without floats', () => {
    assert.equal(multiplyDivideRoundedYen(yen(976), 8, 108, 'floor'), 72);
    assert.equal(multiplyDivideRoundedYen(yen(-976), 8, 108, 'floor'), -72);
    assert.equal(
      multiplyDivideRoundedYen(yen(1_000_000_000_000_000), 10, 110, 'floor'),
      90_909_090_909_090,
    );
  });
});
