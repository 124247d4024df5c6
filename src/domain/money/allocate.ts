// The one allocation function: every split of an amount in yen goes through `allocate`.
// The parts are integers and ALWAYS sum to the total (property-tested in test/domain/money).
//
// Rules (spec §2):
// - 'largestRemainder' (step 3, order discount per tax category): every part gets the floor of its
//   exact share total × w / Σw; the yen left over go one each to the largest remainders; equal
//   remainders go in index order (callers pass categories as standard10, reduced8, exempt).
// - 'halfAwayFromZeroLastTakesRest' (step 9, matrix row): every part except the one of the LAST
//   non-zero weight is round_half_away_from_zero(total × w / Σw); the last non-zero weight takes
//   what is left, so the row sums exactly.
//
// Signs (decision, docs/decisions/checkout-math.md), chosen so that allocate(−t, w) = −allocate(t, w)
// and allocate(t, −w) = allocate(t, w) (a return exactly undoes a sale):
// - a negative total is allocated as its absolute value and the parts are negated;
// - mixed-sign weights: only the weights with the sign of Σw take part, the others get 0. Why: a
//   literal total × w / Σw explodes when Σw is small (an order discount of ¥100 on an exchange
//   with G = {+1000, −999} would move ¥100,000 between categories). With this rule every
//   largest-remainder part lies between 0 and the total, and a discount lowers what was sold;
//   with same-sign weights (the spec's case) nothing changes;
// - Σw = 0 with some non-zero weight (a sale and a return that cancel): the absolute values |w|
//   are the weights; all weights zero: the first part takes the whole total;
// - no weights at all: only a zero total can be allocated (AllocationError otherwise).
import { divideRounded, floorDivide, yenFromBigint } from './rounding.js';
import { assertYen, zeroYen, type Yen } from './yen.js';

export const allocationRules = ['largestRemainder', 'halfAwayFromZeroLastTakesRest'] as const;
export type AllocationRule = (typeof allocationRules)[number];

export class AllocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllocationError';
  }
}

function sumBigint(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/** Non-negative weights with a positive sum, by the sign rules above. */
function normalizedWeights(weights: readonly bigint[]): bigint[] {
  const weightSum = sumBigint(weights);
  if (weightSum !== 0n) {
    const sign = weightSum > 0n ? 1n : -1n;
    return weights.map((weight) => (weight * sign > 0n ? weight * sign : 0n));
  }
  const absolutes = weights.map((weight) => (weight < 0n ? -weight : weight));
  if (sumBigint(absolutes) > 0n) return absolutes;
  return weights.map((_weight, index) => (index === 0 ? 1n : 0n));
}

function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = sumBigint(weights);
  const parts = weights.map((weight) => floorDivide(total * weight, weightSum));
  const remainders = weights.map(
    (weight, index) => total * weight - (parts[index] ?? 0n) * weightSum,
  );
  const leftYen = total - sumBigint(parts);
  if (leftYen < 0n || leftYen >= BigInt(weights.length)) {
    throw new AllocationError(`largest remainder left ${leftYen} yen for ${weights.length} parts`);
  }
  const order = weights.map((_weight, index) => index);
  order.sort((left, right) => {
    const leftRemainder = remainders[left] ?? 0n;
    const rightRemainder = remainders[right] ?? 0n;
    if (leftRemainder !== rightRemainder) return leftRemainder > rightRemainder ? -1 : 1;
    return left - right;
  });
  for (let rank = 0; rank < Number(leftYen); rank += 1) {
    const index = order[rank] ?? 0;
    parts[index] = (parts[index] ?? 0n) + 1n;
  }
  return parts;
}

function halfAwayFromZeroLastTakesRest(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = sumBigint(weights);
  const lastNonZeroIndex = weights.findLastIndex((weight) => weight !== 0n);
  const parts = weights.map((weight, index) =>
    index === lastNonZeroIndex ? 0n : divideRounded(total * weight, weightSum, 'half-up'),
  );
  parts[lastNonZeroIndex] = total - sumBigint(parts);
  return parts;
}

/** Splits `totalYen` in proportion to `weights` by `rule`; the parts always sum to `totalYen`. */
export function allocate(totalYen: Yen, weights: readonly number[], rule: AllocationRule): Yen[] {
  assertYen(totalYen, 'totalYen');
  const weightsBig = weights.map((weight, index) => BigInt(assertYen(weight, `weights[${index}]`)));
  if (totalYen === 0) return weights.map(() => zeroYen);
  if (weights.length === 0)
    throw new AllocationError(`cannot allocate ${totalYen} yen over no weights`);
  const totalAbsolute = BigInt(Math.abs(totalYen));
  const normalized = normalizedWeights(weightsBig);
  const parts =
    rule === 'largestRemainder'
      ? largestRemainder(totalAbsolute, normalized)
      : halfAwayFromZeroLastTakesRest(totalAbsolute, normalized);
  return parts.map((part, index) => yenFromBigint(totalYen < 0 ? -part : part, `parts[${index}]`));
}
