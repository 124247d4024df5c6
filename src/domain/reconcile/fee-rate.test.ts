// Goal: fee rates are exact fractions of their decimal strings (no float), and "net of fee" allows
// one yen of rounding per day, no more. Method: a table, the refusals, a fast-check property.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { yen } from '../money/yen.js';
import { FeeRateError, grossOfNet, isNetOfFee, parseFeeRate } from './fee-rate.js';

describe('fee rates', () => {
  it('parses decimal strings exactly and refuses the rest', () => {
    assert.deepEqual(parseFeeRate('0.0324'), {
      text: '0.0324',
      numerator: 324n,
      denominator: 10_000n,
    });
    assert.equal(parseFeeRate('0').numerator, 0n);
    for (const bad of ['3.24%', '1.5', '-0.01', '0.', '.03', '0,0324', ''])
      assert.throws(() => parseFeeRate(bad), FeeRateError, bad);
  });
  it('net of fee within one yen per rounding', () => {
    const rate = parseFeeRate('0.0324');
    assert.equal(isNetOfFee(yen(10_000), yen(9_676), rate, 1), true);
    assert.equal(isNetOfFee(yen(10_000), yen(9_675), rate, 1), true);
    assert.equal(isNetOfFee(yen(10_000), yen(9_674), rate, 1), false);
    assert.equal(isNetOfFee(yen(10_000), yen(9_678), rate, 1), false);
    assert.equal(grossOfNet(yen(9_676), rate), 10_000);
  });
  it('property: floor or round of the fee per day always counts as net of fee', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 31 }),
        fc.integer({ min: 0, max: 999 }),
        fc.boolean(),
        (days, permille, floor) => {
          const rate = parseFeeRate(`0.0${String(permille).padStart(3, '0')}`);
          const fee = (g: number) =>
            floor ? Math.floor((g * permille) / 10_000) : Math.round((g * permille) / 10_000);
          const gross = days.reduce((a, b) => a + b, 0);
          const net = days.reduce((a, g) => a + g - fee(g), 0);
          return isNetOfFee(yen(gross), yen(net), rate, days.length);
        },
      ),
    );
  });
});
