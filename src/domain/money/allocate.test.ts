// Goal: `allocate` splits exactly (parts always sum to the total) for both rules, follows the
// spec's tie order and rounding, and is sign-symmetric. Method: a table of hand-worked splits
// (spec §5 among them), then fast-check properties over random totals and weights of any sign.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AllocationError, allocate, type AllocationRule } from './allocate.js';
import { yen, type Yen } from './yen.js';

const table: {
  name: string;
  totalYen: number;
  weights: number[];
  rule: AllocationRule;
  expected: number[];
}[] = [
  {
    name: 'spec §5 order discount 200 over 1000:1080',
    totalYen: 200,
    weights: [1000, 1080, 0],
    rule: 'largestRemainder',
    expected: [96, 104, 0],
  },
  {
    name: 'spec §5 credit row 1000 over 904:976',
    totalYen: 1000,
    weights: [904, 976, 0, 0],
    rule: 'halfAwayFromZeroLastTakesRest',
    expected: [481, 519, 0, 0],
  },
  {
    name: 'tie goes to the first index',
    totalYen: 1,
    weights: [100, 100, 100],
    rule: 'largestRemainder',
    expected: [1, 0, 0],
  },
  {
    name: 'two-way tie of three',
    totalYen: 2,
    weights: [100, 100, 100],
    rule: 'largestRemainder',
    expected: [1, 1, 0],
  },
  {
    name: 'larger remainder wins over index',
    totalYen: 10,
    weights: [1, 2],
    rule: 'largestRemainder',
    expected: [3, 7],
  },
  {
    name: 'negative total mirrors the positive one',
    totalYen: -200,
    weights: [1000, 1080, 0],
    rule: 'largestRemainder',
    expected: [-96, -104, 0],
  },
  {
    name: 'negative weights give the same shares',
    totalYen: 200,
    weights: [-1000, -1080, 0],
    rule: 'largestRemainder',
    expected: [96, 104, 0],
  },
  {
    name: 'mixed weights: only those with the sign of Σw take part',
    totalYen: 100,
    weights: [300, -100],
    rule: 'largestRemainder',
    expected: [100, 0],
  },
  {
    name: 'mixed weights, negative Σw',
    totalYen: 100,
    weights: [300, -200, -200],
    rule: 'largestRemainder',
    expected: [0, 50, 50],
  },
  {
    name: 'near-cancelling mixed weights do not explode',
    totalYen: 100,
    weights: [1000, -999],
    rule: 'largestRemainder',
    expected: [100, 0],
  },
  {
    name: 'mixed weights in a matrix row',
    totalYen: 1000,
    weights: [2000, -500, 0, 0],
    rule: 'halfAwayFromZeroLastTakesRest',
    expected: [1000, 0, 0, 0],
  },
  {
    name: 'weights cancelling: |w| used',
    totalYen: 100,
    weights: [1000, -1000, 0],
    rule: 'largestRemainder',
    expected: [50, 50, 0],
  },
  {
    name: 'all weights zero: first takes all',
    totalYen: 30,
    weights: [0, 0, 0],
    rule: 'largestRemainder',
    expected: [30, 0, 0],
  },
  {
    name: 'half away from zero rounds .5 up',
    totalYen: 1,
    weights: [1, 1],
    rule: 'halfAwayFromZeroLastTakesRest',
    expected: [1, 0],
  },
  {
    name: 'half away from zero, negative',
    totalYen: -1,
    weights: [1, 1],
    rule: 'halfAwayFromZeroLastTakesRest',
    expected: [-1, 0],
  },
  {
    name: 'last non-zero weight takes the rest',
    totalYen: 100,
    weights: [1, 1, 1, 0],
    rule: 'halfAwayFromZeroLastTakesRest',
    expected: [33, 33, 34, 0],
  },
  {
    name: 'zero total',
    totalYen: 0,
    weights: [5, 7],
    rule: 'halfAwayFromZeroLastTakesRest',
    expected: [0, 0],
  },
];

describe('allocate (table)', () => {
  for (const row of table) {
    it(row.name, () =>
      assert.deepEqual(allocate(yen(row.totalYen), row.weights, row.rule), row.expected),
    );
  }

  it('refuses a non-zero total over no weights and non-integer input', () => {
    assert.throws(() => allocate(yen(5), [], 'largestRemainder'), AllocationError);
    assert.deepEqual(allocate(yen(0), [], 'largestRemainder'), []);
    assert.throws(() => allocate(1.5 as Yen, [1], 'largestRemainder'));
    assert.throws(() => allocate(yen(1), [0.5], 'largestRemainder'));
  });
});

const arbitraryRule = fc.constantFrom<AllocationRule>(
  'largestRemainder',
  'halfAwayFromZeroLastTakesRest',
);
const arbitraryTotal = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const arbitraryWeights = fc.array(fc.integer({ min: -100_000_000, max: 100_000_000 }), {
  minLength: 1,
  maxLength: 6,
});

describe('allocate (properties)', () => {
  it('parts always sum to the total, for any signs', () => {
    fc.assert(
      fc.property(arbitraryTotal, arbitraryWeights, arbitraryRule, (totalYen, weights, rule) => {
        const parts = allocate(yen(totalYen), weights, rule);
        assert.equal(parts.length, weights.length);
        assert.ok(parts.every(Number.isSafeInteger));
        assert.equal(
          parts.reduce((sum, part) => sum + part, 0),
          totalYen,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('negating the total negates every part; negating the weights changes nothing', () => {
    fc.assert(
      fc.property(arbitraryTotal, arbitraryWeights, arbitraryRule, (totalYen, weights, rule) => {
        const parts = allocate(yen(totalYen), weights, rule);
        assert.deepEqual(
          allocate(yen(-totalYen), weights, rule),
          parts.map((part) => (part === 0 ? 0 : -part)),
        );
        assert.deepEqual(
          allocate(
            yen(totalYen),
            weights.map((weight) => (weight === 0 ? 0 : -weight)),
            rule,
          ),
          parts,
        );
      }),
    );
  });

  it('largest remainder parts lie between 0 and the total, for any weights', () => {
    fc.assert(
      fc.property(arbitraryTotal, arbitraryWeights, (totalYen, weights) => {
        for (const part of allocate(yen(totalYen), weights, 'largestRemainder')) {
          assert.ok(
            totalYen >= 0 ? part >= 0 && part <= totalYen : part <= 0 && part >= totalYen,
            `part ${part} of ${totalYen}`,
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('with same-sign weights every part is within one yen of its exact share and zero weights get nothing', () => {
    const positiveWeights = fc
      .array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 6 })
      .filter((weights) => weights.some((weight) => weight > 0));
    fc.assert(
      fc.property(arbitraryTotal, positiveWeights, arbitraryRule, (totalYen, weights, rule) => {
        const parts = allocate(yen(totalYen), weights, rule);
        const weightSum = BigInt(weights.reduce((sum, weight) => sum + weight, 0));
        weights.forEach((weight, index) => {
          const part = BigInt(parts[index] ?? 0);
          const exactScaled = BigInt(totalYen) * BigInt(weight);
          const distance = part * weightSum - exactScaled;
          const bound =
            rule === 'largestRemainder' ? weightSum : weightSum * BigInt(weights.length);
          assert.ok(distance < bound && distance > -bound, `part ${part} far from share ${weight}`);
          if (weight === 0) assert.equal(parts[index], 0);
        });
      }),
    );
  });
});
