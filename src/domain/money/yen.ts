// Money is an integer of yen, branded: a `Yen` is a number that passed the check. A float, NaN or an
// unsafe integer on the money path is a programmer error, so the checked constructor `yen` (and its
// labelled form `assertYen`) throws. Data enters as plain numbers at the boundaries (contracts, rows,
// freee answers) and becomes Yen there; arithmetic goes through the helpers below, which check
// their results, so a plain number cannot be passed where Yen is required (yen.test.ts).
export type Yen = number & { readonly __brand: 'Yen' };

export class NotIntegerYenError extends Error {
  constructor(
    readonly label: string,
    readonly value: unknown,
  ) {
    super(`${label} must be an integer number of yen, got ${String(value)}`);
    this.name = 'NotIntegerYenError';
  }
}

/** The checked constructor: `value` as Yen, or NotIntegerYenError naming `label`. */
export function assertYen(value: number, label = 'amountYen'): Yen {
  if (!Number.isSafeInteger(value)) throw new NotIntegerYenError(label, value);
  return value as Yen;
}

/** The checked constructor. */
export function yen(value: number): Yen {
  return assertYen(value);
}

export function isYen(value: unknown): value is Yen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export const zeroYen = 0 as Yen;

export function addYen(left: Yen, right: Yen): Yen {
  return assertYen(left + right, 'sum');
}

export function subtractYen(left: Yen, right: Yen): Yen {
  return assertYen(left - right, 'difference');
}

/** An amount times a count (quantity × unit price). */
export function multiplyYen(amount: Yen, factor: number): Yen {
  return assertYen(amount * factor, 'product');
}

export function negateYen(amount: Yen): Yen {
  return assertYen(0 - amount, 'negation');
}

export function absYen(amount: Yen): Yen {
  return (amount < 0 ? 0 - amount : amount) as Yen;
}

export function minYen(left: Yen, right: Yen): Yen {
  return (left < right ? left : right) as Yen;
}

export function maxYen(left: Yen, right: Yen): Yen {
  return (left > right ? left : right) as Yen;
}

export function sumYen(values: readonly Yen[]): Yen {
  let total = 0;
  for (const value of values) total += value;
  return assertYen(total, 'sum');
}
