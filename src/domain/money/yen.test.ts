// Goal: Yen is a checked brand. At run time the constructor refuses floats, NaN and unsafe
// integers and the helpers check their results; at compile time (tsc checks this file) a plain
// number cannot be passed where Yen is required and Yen arithmetic does not give Yen back.
// Method: table tests, a property that the helpers agree with number arithmetic on safe integers,
// and `@ts-expect-error` lines that fail the type check if the brand ever stops biting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocate } from './allocate.js';
import {
  absYen,
  addYen,
  assertYen,
  isYen,
  maxYen,
  minYen,
  multiplyYen,
  negateYen,
  NotIntegerYenError,
  subtractYen,
  sumYen,
  yen,
  zeroYen,
  type Yen,
} from './yen.js';

describe('yen (run time)', () => {
  it('accepts safe integers, refuses the rest', () => {
    assert.equal(yen(1_880), 1_880);
    assert.equal(yen(-1_100), -1_100);
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      assert.throws(() => yen(bad), NotIntegerYenError);
    assert.throws(() => assertYen(0.1, 'float'), /float must be an integer number of yen/);
    assert.equal(isYen(10), true);
    assert.equal(isYen(0.5), false);
    assert.equal(isYen('10'), false);
  });
  it('helpers compute and check', () => {
    assert.equal(addYen(yen(100), yen(20)), 120);
    assert.equal(subtractYen(yen(100), yen(120)), -20);
    assert.equal(multiplyYen(yen(432), 2), 864);
    assert.equal(negateYen(yen(5)), -5);
    assert.equal(absYen(yen(-5)), 5);
    assert.equal(minYen(yen(3), yen(-4)), -4);
    assert.equal(maxYen(yen(3), yen(-4)), 3);
    assert.equal(sumYen([yen(1), yen(2), yen(3)]), 6);
    assert.equal(sumYen([]), zeroYen);
    assert.throws(() => addYen(yen(Number.MAX_SAFE_INTEGER), yen(1)), NotIntegerYenError);
    assert.throws(() => multiplyYen(yen(3), 0.5), NotIntegerYenError);
  });
  it('helpers agree with number arithmetic on small integers (property)', () => {
    const amount = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(amount, amount, (left, right) => {
        assert.equal(addYen(yen(left), yen(right)), left + right);
        assert.equal(subtractYen(yen(left), yen(right)), left - right);
        assert.equal(minYen(yen(left), yen(right)), Math.min(left, right));
      }),
    );
  });
});

describe('Yen (compile time)', () => {
  it('a plain number is not Yen, and Yen arithmetic is not Yen', () => {
    const price: Yen = yen(1_000);
    const plain = 1_000;
    // @ts-expect-error a plain number where Yen is required
    const fromNumber: Yen = plain;
    // @ts-expect-error a number literal is not Yen either
    addYen(price, 20);
    // @ts-expect-error mixing: Yen + number is a number, not Yen
    const mixed: Yen = price + plain;
    // @ts-expect-error even Yen + Yen is only a number: use addYen
    const bare: Yen = price + price;
    // @ts-expect-error allocate takes a Yen total
    allocate(plain, [1, 1], 'largestRemainder');
    // Yen is still a number where a number is wanted.
    const asNumber: number = price;
    assert.deepEqual([fromNumber, mixed, bare, asNumber], [1_000, 2_000, 2_000, 1_000]);
  });
});
