// Which checkouts make the day, and their maths.
// Decisions (docs/decisions/daily-report.md):
// - only checkouts and drawer events of the report's store and business date count; others passed
//   in are ignored (a day file may hold several stores and dates);
// - should the same id arrive twice, the higher revision wins (equal revisions: a deterministic
//   pick), so the result never depends on the order of the input;
// - every checkout must pass `validateCheckout`; one that does not is a programmer error upstream
//   (the ingest rejects them) and throws InvalidCheckoutError rather than print a wrong figure.
import type { CheckoutMath } from '../ledger/checkout-math.js';
import { computeCheckoutMath } from '../ledger/checkout-math.js';
import type { PaymentMethodIndex } from '../ledger/payment-methods.js';
import type { RuleError } from '../ledger/rule-error.js';
import { validateCheckout } from '../ledger/tender-rules.js';
import type { Checkout } from '../ledger/types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import { computeCheckoutTotals } from '../ledger/checkout-totals.js';
import type { CompletedCheckout, PricedCheckout } from './day-checkout.js';

export const dayCheckoutsMax = 500_000;

export class InvalidCheckoutError extends Error {
  constructor(
    readonly checkoutId: string,
    readonly errors: readonly RuleError[],
  ) {
    super(
      `checkout ${checkoutId} is invalid: ${errors.map((error) => `${error.path} ${error.code}`).join(', ')}`,
    );
    this.name = 'InvalidCheckoutError';
  }
}

export class TooManyCheckoutsError extends Error {
  constructor(readonly count: number) {
    super(`${count} checkouts exceed dayCheckoutsMax ${dayCheckoutsMax}`);
    this.name = 'TooManyCheckoutsError';
  }
}

function preferred(current: Checkout, candidate: Checkout): Checkout {
  if (candidate.revision !== current.revision)
    return candidate.revision > current.revision ? candidate : current;
  return JSON.stringify(candidate) > JSON.stringify(current) ? candidate : current;
}

/** Latest revision per id, sorted by id; `keep` filters (store and business date). */
export function latestRevisions(
  checkouts: readonly Checkout[],
  keep: (checkout: Checkout) => boolean,
): Checkout[] {
  if (checkouts.length > dayCheckoutsMax) throw new TooManyCheckoutsError(checkouts.length);
  const byId = new Map<string, Checkout>();
  for (const checkout of checkouts) {
    if (!keep(checkout)) continue;
    const current = byId.get(checkout.id);
    byId.set(checkout.id, current === undefined ? checkout : preferred(current, checkout));
  }
  return [...byId.values()].sort((left, right) =>
    left.id < right.id ? -1 : left.id > right.id ? 1 : 0,
  );
}

function checkedMath(
  checkout: Checkout,
  methods: PaymentMethodIndex,
  roundingMode: RoundingMode,
): CheckoutMath {
  const errors = validateCheckout(checkout, methods, roundingMode);
  if (errors.length > 0) throw new InvalidCheckoutError(checkout.id, errors);
  return computeCheckoutMath(checkout, methods, roundingMode);
}

/** Validates and prices every checkout; completed ones get the full spec §2 maths. */
export function priceCheckouts(
  checkouts: readonly Checkout[],
  methods: PaymentMethodIndex,
  roundingMode: RoundingMode,
): { priced: PricedCheckout[]; completed: CompletedCheckout[] } {
  const priced: PricedCheckout[] = [];
  const completed: CompletedCheckout[] = [];
  for (const checkout of checkouts) {
    if (checkout.status === 'completed') {
      const math = checkedMath(checkout, methods, roundingMode);
      completed.push({ checkout, math });
      priced.push({ checkout, totals: math.totals });
      continue;
    }
    const errors = validateCheckout(checkout, methods, roundingMode);
    if (errors.length > 0) throw new InvalidCheckoutError(checkout.id, errors);
    priced.push({ checkout, totals: computeCheckoutTotals(checkout, roundingMode) });
  }
  return { priced, completed };
}
