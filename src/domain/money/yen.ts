// Money is an integer of yen. A float, NaN or an unsafe integer on the money path is a programmer
// error, so it throws. `Yen` is a plain number alias: the brand is the name, the guard is `assertYen`.
export type Yen = number;

export class NotIntegerYenError extends Error {
  constructor(
    readonly label: string,
    readonly value: unknown,
  ) {
    super(`${label} must be an integer number of yen, got ${String(value)}`);
    this.name = 'NotIntegerYenError';
  }
}

export function assertYen(value: number, label = 'amountYen'): Yen {
  if (!Number.isSafeInteger(value)) throw new NotIntegerYenError(label, value);
  return value;
}

export function sumYen(values: readonly Yen[]): Yen {
  let total = 0;
  for (const value of values) total += value;
  return assertYen(total, 'sum');
}
