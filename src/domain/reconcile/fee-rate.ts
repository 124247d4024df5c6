// Fee rates as decimal strings ("0.0324"), kept as an exact fraction: no float touches money.
import type { Yen } from '../money/yen.js';

export interface FeeRate {
  /** The rate as written. */
  text: string;
  numerator: bigint;
  denominator: bigint;
}

export class FeeRateError extends Error {
  constructor(readonly text: string) {
    super(`fee rate must be a decimal string between 0 and 1 like "0.0324", got ${text}`);
    this.name = 'FeeRateError';
  }
}

const decimalPattern = /^0(?:\.(\d{1,8}))?$/;

export function parseFeeRate(text: string): FeeRate {
  const match = decimalPattern.exec(text);
  if (!match) throw new FeeRateError(text);
  const digits = match[1] ?? '';
  return {
    text,
    numerator: BigInt(digits === '' ? '0' : digits),
    denominator: 10n ** BigInt(digits.length),
  };
}

/** Whether `netYen` is `grossYen` less the fee at `rate`, each of `parts` roundings off by ≤ 1 yen:
 *  |net·d − gross·(d − n)| ≤ d·parts. */
export function isNetOfFee(grossYen: Yen, netYen: Yen, rate: FeeRate, parts: number): boolean {
  const d = rate.denominator;
  const lhs = BigInt(netYen) * d - BigInt(grossYen) * (d - rate.numerator);
  const slack = d * BigInt(parts);
  return lhs <= slack && lhs >= -slack;
}

/** The gross amount whose net at `rate` is `netYen`, rounded down (the start of a batch search). */
export function grossOfNet(netYen: Yen, rate: FeeRate): number {
  const d = rate.denominator;
  return Number((BigInt(netYen) * d) / (d - rate.numerator));
}
