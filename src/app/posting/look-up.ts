// The lookup of a posting run: freee's deals of the 発生日 read back, our record brought in line
// with them (reconcile.ts) and stored, or a stop (a duplicate in freee, a failed read).
import { keyOfRefNumber, refNumberOf } from '../../domain/posting/entry-keys.js';
import type { HeldDeal } from '../../domain/posting/held-deals.js';
import { outcome } from './classify.js';
import { postingMessages, type EntryRecord, type PostingOutcome } from './model.js';
import type { PostingGateway } from './ports.js';
import { reconcileRecords } from './reconcile.js';
import {
  countsOf,
  failed,
  reconcileContext,
  writeDepsOf,
  type Planned,
  type Run,
} from './run-context.js';
import { PostingLeaseLostError } from './write-actions.js';

export type Lookup =
  { kind: 'records'; records: EntryRecord[] } | { kind: 'stop'; outcome: PostingOutcome };

/** GET deals of the 発生日 → our record brought in line with freee (stored), or a stop. */
export async function lookUp(
  run: Run,
  planned: Planned,
  records: readonly EntryRecord[],
): Promise<Lookup> {
  const gateway = run.gateway as PostingGateway;
  const held = await gateway.listDeals(run.request.businessDate);
  if (!held.ok) return { kind: 'stop', outcome: failed(run, held.failure, false) };
  const byKey = new Map<string, HeldDeal[]>();
  for (const deal of [...held.value].sort((left, right) => left.id - right.id)) {
    const key = keyOfRefNumber(run.refScope, run.request.businessDate, deal.ref_number);
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), deal]);
  }
  const context = reconcileContext(run, planned);
  const reconciled = reconcileRecords(records, byKey, context);
  if (reconciled.duplicates.length > 0) {
    const listed = reconciled.duplicates
      .map(
        (d) =>
          `${refNumberOf(run.refScope, run.request.businessDate, d.key)}: ${d.dealIds.join(', ')}`,
      )
      .join(' / ');
    return {
      kind: 'stop',
      outcome: outcome(
        'failed',
        'duplicate_in_freee',
        `${postingMessages.duplicate}(${listed})`,
        countsOf(run),
      ),
    };
  }
  const writeDeps = writeDepsOf(run, planned);
  const now = run.deps.clock.now();
  const until = new Date(now.getTime() + run.deps.timings.leaseMs);
  for (const key of reconciled.changedKeys) {
    const record = reconciled.records.find((each) => each.key === key);
    const ok = record
      ? await run.deps.store.writeEntries(
          run.lease,
          [
            {
              ...record,
              freeeCompanyId: gateway.freeeCompanyId,
              provider: gateway.provider,
              intent: null,
            },
          ],
          now,
          until,
        )
      : await run.deps.store.removeEntry(run.lease, gateway.freeeCompanyId, key, now, until);
    if (!ok) throw new PostingLeaseLostError(writeDeps.lease);
  }
  return { kind: 'records', records: reconciled.records };
}
