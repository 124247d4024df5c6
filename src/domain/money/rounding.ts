// Integer division with an explicit rounding intent. Everything runs on bigint numerator and
// denominator, so no float ever touches money, and products such as 10^13 yen × 10 stay exact.
//
// `divideRounded` applies the company's rounding mode (spec §2 step 4) to the ABSOLUTE value of the
// quotient and keeps the sign: round(−x) = −round(x). That symmetry is what lets a return exactly
// undo a sale. `half-up` on the absolute value is "round half away from zero", the rounding that
// spec §2 step 9 asks for in the tax-rate × method matrix.
import type { RoundingMode } from './rounding-mode.js';
import { assertYen, type Yen } from './yen.js';

export class DivisionByZeroError extends Error {
  constructor() {
    super('denominator must not be zero');
    this.name = 'DivisionByZeroError';
  }
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** numerator / denominator rounded by `mode` on the absolute value, sign kept. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new DivisionByZeroError();
  const negative = numerator < 0n !== denominator < 0n;
  const numeratorAbsolute = absolute(numerator);
  const denominatorAbsolute = absolute(denominator);
  let magnitude = numeratorAbsolute / denominatorAbsolute;
  const remainder = numeratorAbsolute % denominatorAbsolute;
  if (remainder !== 0n) {
    if (mode === 'ceil') magnitude += 1n;
    if (mode === 'half-up' && remainder * 2n >= denominatorAbsolute) magnitude += 1n;
  }
  return negative ? -magnitude : magnitude;
}

/** Mathematical floor (toward −∞) of numerator / denominator, for any signs. */
export function floorDivide(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new DivisionByZeroError();
  const truncated = numerator / denominator;
  const exact = truncated * denominator === numerator;
  const negative = numerator < 0n !== denominator < 0n;
  return !exact && negative ? truncated - 1n : truncated;
}

/** A bigint back to `Yen`; throws `NotIntegerYenError` outside the safe integer range. */
export function yenFromBigint(value: bigint, label = 'amountYen'): Yen {
  return assertYen(Number(value), label);
}

/** `divideRounded` on yen: `round(numeratorYen × multiplier / divisor)`, all integers. */
export function multiplyDivideRoundedYen(
  amountYen: Yen,
  multiplier: number,
  divisor: number,
  mode: RoundingMode,
): Yen {
  const numerator = BigInt(assertYen(amountYen)) * BigInt(assertYen(multiplier, 'multiplier'));
  return yenFromBigint(divideRounded(numerator, BigInt(assertYen(divisor, 'divisor')), mode));
}
