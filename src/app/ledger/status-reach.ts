// Which later status a stored checkout may take. The domain's rule (statusTransitionError) names the
// single steps of spec §1: pending → completed | aborted, completed → cancelled | redone. A register
// that was offline sends only its final state, so a revision may skip steps it never sent
// (pending rev 1, then cancelled rev 3: it was completed at rev 2). The ingest therefore allows a
// status that is REACHABLE by those steps; this is also what makes the arrival order irrelevant
// (see docs/ledger.md). This file composes the domain's steps; it defines no step of its own.
import type { RuleError } from '../../domain/ledger/rule-error.js';
import { statusTransitionError } from '../../domain/ledger/status-rules.js';
import { checkoutStatuses, type CheckoutStatus } from '../../domain/ledger/types.js';

function reachable(from: CheckoutStatus, to: CheckoutStatus): boolean {
  const seen = new Set<CheckoutStatus>([from]);
  const queue: CheckoutStatus[] = [from];
  for (let steps = 0; queue.length > 0 && steps <= checkoutStatuses.length; steps += 1) {
    const current = queue.shift() as CheckoutStatus;
    if (current === to) return true;
    for (const next of checkoutStatuses) {
      if (!seen.has(next) && statusTransitionError(current, next) === null) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.has(to);
}

/** null when a revision in `previous` may be replaced by one in `next`; else the domain's error. */
export function statusChangeError(
  previous: CheckoutStatus,
  next: CheckoutStatus,
): RuleError | null {
  if (reachable(previous, next)) return null;
  return statusTransitionError(previous, next);
}
