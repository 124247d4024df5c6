// Shared vocabulary of the invariant checkers (invariants.ts, invariant-receivables.ts).
import type { PaymentMethod } from '../ledger/types.js';
import type { PostingMappings } from './mappings.js';

export interface InvariantViolation {
  /** posting.md invariant number, or 'shape' for what freee or the deal shapes require. */
  invariant: 1 | 2 | 3 | 4 | 5 | 6 | 'shape';
  /** Stable name, e.g. `sales.vat`, `receivable.dueDate`, `cash.movement`. */
  code: string;
  message: string;
  expected?: number | string | null;
  actual?: number | string | null;
}

export interface InvariantSetup {
  mappings: PostingMappings;
  /** The company's payment methods: which are cash / unsettled. */
  paymentMethods: readonly PaymentMethod[];
}

export function violation(
  invariant: InvariantViolation['invariant'],
  code: string,
  message: string,
  expected?: number | string | null,
  actual?: number | string | null,
): InvariantViolation {
  return { invariant, code, message, expected, actual };
}
