// The exactly-once write of one action (docs/posting.md "Exactly once"):
//   1. record the intent (op, planned content, hash via the record, ref_number) — one statement that
//      also checks and extends the run's lease; a lost lease stops the run before freee is called;
//   2. call freee once (the adapter never repeats a write);
//   3. record the answer (deal id + content) — or, when freee refused (nothing written), clear the
//      intent; when no answer came (network, 5xx), leave the intent open: the next run waits the
//      settle time, looks the deal up by ref_number and only then writes again.
// No database transaction is open while freee is called.
import type { PostingAction } from '../../domain/posting/diff.js';
import type { Clock } from '../clock.js';
import type { EntryRecord } from './model.js';
import type {
  FreeeCallFailure,
  Lease,
  PostingGateway,
  PostingStore,
  RecordWrite,
} from './ports.js';
import { isAmbiguous } from './classify.js';

export class PostingLeaseLostError extends Error {
  constructor(readonly lease: Lease) {
    super(`posting lease of ${lease.storeId} ${lease.businessDate} was lost`);
    this.name = 'PostingLeaseLostError';
  }
}

export interface WriteDeps {
  store: PostingStore;
  gateway: PostingGateway;
  clock: Clock;
  leaseMs: number;
  lease: Lease;
  /** Method code, 品目 name and ref_number of an entry key. */
  describe(key: string): { methodCode: string; itemName: string; refNumber: string };
}

export type ActionResult =
  | { kind: 'done' }
  /** PUT / DELETE of a deal freee no longer has: the books changed under us; look up and diff again. */
  | { kind: 'gone' }
  | { kind: 'failed'; failure: FreeeCallFailure; ambiguous: boolean };

function base(deps: WriteDeps, key: string, record: EntryRecord | undefined): RecordWrite {
  const described = record ?? { key, ...deps.describe(key) };
  return {
    key,
    freeeCompanyId: deps.gateway.freeeCompanyId,
    provider: deps.gateway.provider,
    methodCode: described.methodCode,
    itemName: described.itemName,
    refNumber: described.refNumber,
    dealId: record?.dealId ?? null,
    content: record?.content ?? null,
    hasPayments: record?.hasPayments ?? false,
    intent: null,
  };
}

async function write(deps: WriteDeps, entry: RecordWrite): Promise<void> {
  const now = deps.clock.now();
  if (
    !(await deps.store.writeEntry(deps.lease, entry, now, new Date(now.getTime() + deps.leaseMs)))
  )
    throw new PostingLeaseLostError(deps.lease);
}

async function remove(deps: WriteDeps, key: string): Promise<void> {
  const now = deps.clock.now();
  if (
    !(await deps.store.removeEntry(
      deps.lease,
      deps.gateway.freeeCompanyId,
      key,
      now,
      new Date(now.getTime() + deps.leaseMs),
    ))
  )
    throw new PostingLeaseLostError(deps.lease);
}

async function create(
  deps: WriteDeps,
  action: Extract<PostingAction, { kind: 'create' }>,
  record: EntryRecord | undefined,
): Promise<ActionResult> {
  const entry = {
    ...base(deps, action.key, record),
    dealId: null,
    content: null,
    hasPayments: false,
  };
  await write(deps, { ...entry, intent: { op: 'create', content: action.deal } });
  const result = await deps.gateway.createDeal(action.deal);
  if (result.ok) {
    await write(deps, { ...entry, dealId: result.value.id, content: action.deal });
    return { kind: 'done' };
  }
  const ambiguous = isAmbiguous(result.failure);
  if (!ambiguous) await remove(deps, action.key);
  return { kind: 'failed', failure: result.failure, ambiguous };
}

async function update(
  deps: WriteDeps,
  action: Extract<PostingAction, { kind: 'update' }>,
  record: EntryRecord | undefined,
): Promise<ActionResult> {
  const entry = { ...base(deps, action.key, record), dealId: action.dealId };
  await write(deps, { ...entry, intent: { op: 'update', content: action.deal } });
  const result = await deps.gateway.updateDeal(action.dealId, action.deal);
  if (result.ok) {
    await write(deps, { ...entry, content: action.deal });
    return { kind: 'done' };
  }
  if (result.failure.kind === 'not_found') {
    await remove(deps, action.key);
    return { kind: 'gone' };
  }
  const ambiguous = isAmbiguous(result.failure);
  if (!ambiguous) await write(deps, entry);
  return { kind: 'failed', failure: result.failure, ambiguous };
}

async function destroy(
  deps: WriteDeps,
  action: Extract<PostingAction, { kind: 'delete' }>,
  record: EntryRecord | undefined,
): Promise<ActionResult> {
  const entry = { ...base(deps, action.key, record), dealId: action.dealId };
  await write(deps, { ...entry, intent: { op: 'delete', content: null } });
  const result = await deps.gateway.deleteDeal(action.dealId);
  if (result.ok || result.failure.kind === 'not_found') {
    await remove(deps, action.key);
    return { kind: 'done' };
  }
  const ambiguous = isAmbiguous(result.failure);
  if (!ambiguous) await write(deps, entry);
  return { kind: 'failed', failure: result.failure, ambiguous };
}

export async function applyAction(
  deps: WriteDeps,
  action: PostingAction,
  record: EntryRecord | undefined,
): Promise<ActionResult> {
  if (action.kind === 'create') return create(deps, action, record);
  if (action.kind === 'update') return update(deps, action, record);
  return destroy(deps, action, record);
}
