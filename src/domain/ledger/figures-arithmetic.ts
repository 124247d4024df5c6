// Exact integer arithmetic on `number` for the one-pass checkout figures: each function gives the
// reference's result (bigint maths in money/rounding.ts and money/allocate.ts) where its operands
// and products are provably safe integers, and NaN or the reference itself where they are not.
import { allocate } from '../money/allocate.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import type { Yen } from '../money/yen.js';

export function isSafeInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** multiplyDivideRoundedYen(amountYen, multiplier, divisor, mode) for a positive divisor; NaN when not provably exact. */
export function taxRounded(
  amountYen: number,
  multiplier: number,
  divisor: number,
  mode: RoundingMode,
): number {
  const numerator = amountYen * multiplier;
  if (!Number.isSafeInteger(numerator)) return Number.NaN;
  const negative = numerator < 0;
  const magnitudeOf = negative ? -numerator : numerator;
  const remainder = magnitudeOf % divisor;
  let magnitude = (magnitudeOf - remainder) / divisor;
  if (remainder !== 0) {
    if (mode === 'ceil') magnitude += 1;
    if (mode === 'half-up' && remainder * 2 >= divisor) magnitude += 1;
  }
  return negative ? 0 - magnitude : magnitude;
}

const weightMax = 2 ** 50;

/** allocate(totalYen, rest, 'halfAwayFromZeroLastTakesRest') into `parts`; the reference when a product is not a safe integer. */
export function allocateHalfAway(totalYen: number, rest: Float64Array, parts: Float64Array): void {
  const w0 = rest[0] ?? 0;
  const w1 = rest[1] ?? 0;
  const w2 = rest[2] ?? 0;
  const w3 = rest[3] ?? 0;
  const weightSum = w0 + w1 + w2 + w3;
  const totalAbsolute = totalYen < 0 ? -totalYen : totalYen;
  let n0: number;
  let n1: number;
  let n2: number;
  let n3: number;
  if (weightSum !== 0) {
    const sign = weightSum > 0 ? 1 : -1;
    n0 = w0 * sign > 0 ? w0 * sign : 0;
    n1 = w1 * sign > 0 ? w1 * sign : 0;
    n2 = w2 * sign > 0 ? w2 * sign : 0;
    n3 = w3 * sign > 0 ? w3 * sign : 0;
  } else if (w0 !== 0 || w1 !== 0 || w2 !== 0 || w3 !== 0) {
    n0 = Math.abs(w0);
    n1 = Math.abs(w1);
    n2 = Math.abs(w2);
    n3 = Math.abs(w3);
  } else {
    n0 = 1;
    n1 = 0;
    n2 = 0;
    n3 = 0;
  }
  // Each |w| ≤ 2^50 keeps every partial sum of the four exact; total × Σw safe keeps every product exact.
  const normalizedSum = n0 + n1 + n2 + n3;
  const small =
    Math.abs(w0) <= weightMax &&
    Math.abs(w1) <= weightMax &&
    Math.abs(w2) <= weightMax &&
    Math.abs(w3) <= weightMax;
  if (!small || !Number.isSafeInteger(totalAbsolute * normalizedSum)) {
    const reference = allocate(totalYen as Yen, [w0, w1, w2, w3], 'halfAwayFromZeroLastTakesRest');
    for (let column = 0; column < 4; column += 1) parts[column] = reference[column] ?? 0;
    return;
  }
  const last = n3 !== 0 ? 3 : n2 !== 0 ? 2 : n1 !== 0 ? 1 : 0;
  let taken = 0;
  for (let column = 0; column < 4; column += 1) {
    if (column === last) continue;
    const weight = column === 0 ? n0 : column === 1 ? n1 : column === 2 ? n2 : n3;
    // divideRounded(total × w, Σw, 'half-up') on non-negative operands: exact below 2^53.
    const numerator = totalAbsolute * weight;
    const remainder = numerator % normalizedSum;
    let part = (numerator - remainder) / normalizedSum;
    if (remainder * 2 >= normalizedSum && remainder !== 0) part += 1;
    parts[column] = part;
    taken += part;
  }
  parts[last] = totalAbsolute - taken;
  if (totalYen < 0)
    for (let column = 0; column < 4; column += 1) parts[column] = 0 - (parts[column] ?? 0);
}
