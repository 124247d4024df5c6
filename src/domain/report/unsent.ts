// 未送信の会計 (spec §3 `unsent`): only when a register supplies the checkouts it has not sent yet:
// count and Σ T per status. Decision: they are taken as given (not filtered by business date: the
// register prints what it holds), and the caller leaves out checkouts the server already has.
import { checkoutStatuses } from '../ledger/types.js';
import { zeroYen } from '../money/yen.js';
import type { PricedCheckout } from './day-checkout.js';
import { statusRow } from './day-counters.js';
import type { UnsentSummary } from './types.js';

export function unsentSummary(priced: readonly PricedCheckout[]): UnsentSummary {
  const [pending, completed, cancelled, redone, aborted] = checkoutStatuses.map((status) =>
    statusRow(priced, status),
  );
  const zero = { count: 0, amount: zeroYen };
  return {
    pending: pending ?? zero,
    completed: completed ?? zero,
    cancelled: cancelled ?? zero,
    redone: redone ?? zero,
    aborted: aborted ?? zero,
  };
}
