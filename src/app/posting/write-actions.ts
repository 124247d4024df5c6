// The exactly-once write of one action (docs/posting.md "Exactly once"):
//   1. record the intent (op, planned content, hash via the record, ref_number) — one statement that
//      also checks and extends the run's lease; a lost lease stops the run before freee is called;
//   2. call freee once (the adapter never repeats a write);
//   3. record the answer (deal id + content) — or, when freee refused (nothing written), clear the
//      intent; when no answer came (network, 5xx), leave the intent open: the next run waits the
//      settle time, looks the deal up by ref_number and only then writes again.
// A created or updated deal's answer is handed back (`done.answer`) instead of written at once:
// the caller writes it with the next action's intent in one statement (before that action calls
// freee), the last one with the run's finish (post-day.ts), or alone (`writeAnswer`) when our
// records must be read again first. Nothing happens in between, so a crash there leaves the same
// open intent as a crash before the answer's own statement did.
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
  /** `answer`: the record still to write (with the next intent, or by `writeAnswer`). */
  | { kind: 'done'; answer: RecordWrite | null }
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

async function writeAll(deps: WriteDeps, entries: readonly RecordWrite[]): Promise<void> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + deps.leaseMs);
  if (!(await deps.store.writeEntries(deps.lease, entries, now, leaseUntil)))
    throw new PostingLeaseLostError(deps.lease);
}

/** An earlier action's answer still to write: with this write when its key differs, else before. */
async function write(
  deps: WriteDeps,
  entry: RecordWrite,
  pending: RecordWrite | null = null,
): Promise<void> {
  if (pending === null) return writeAll(deps, [entry]);
  if (pending.key === entry.key && pending.freeeCompanyId === entry.freeeCompanyId) {
    await writeAll(deps, [pending]);
    return writeAll(deps, [entry]);
  }
  return writeAll(deps, [pending, entry]);
}

/** An action's answer (`done.answer`), written on its own. */
export async function writeAnswer(deps: WriteDeps, answer: RecordWrite): Promise<void> {
  await writeAll(deps, [answer]);
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
  pending: RecordWrite | null,
): Promise<ActionResult> {
  const entry = {
    ...base(deps, action.key, record),
    dealId: null,
    content: null,
    hasPayments: false,
  };
  await write(deps, { ...entry, intent: { op: 'create', content: action.deal } }, pending);
  const result = await deps.gateway.createDeal(action.deal);
  if (result.ok)
    return { kind: 'done', answer: { ...entry, dealId: result.value.id, content: action.deal } };
  const ambiguous = isAmbiguous(result.failure);
  if (!ambiguous) await remove(deps, action.key);
  return { kind: 'failed', failure: result.failure, ambiguous };
}

async function update(
  deps: WriteDeps,
  action: Extract<PostingAction, { kind: 'update' }>,
  record: EntryRecord | undefined,
  pending: RecordWrite | null,
): Promise<ActionResult> {
  const entry = { ...base(deps, action.key, record), dealId: action.dealId };
  await write(deps, { ...entry, intent: { op: 'update', content: action.deal } }, pending);
  const result = await deps.gateway.updateDeal(action.dealId, action.deal);
  if (result.ok) return { kind: 'done', answer: { ...entry, content: action.deal } };
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
  pending: RecordWrite | null,
): Promise<ActionResult> {
  const entry = { ...base(deps, action.key, record), dealId: action.dealId };
  await write(deps, { ...entry, intent: { op: 'delete', content: null } }, pending);
  const result = await deps.gateway.deleteDeal(action.dealId);
  if (result.ok || result.failure.kind === 'not_found') {
    await remove(deps, action.key);
    return { kind: 'done', answer: null };
  }
  const ambiguous = isAmbiguous(result.failure);
  if (!ambiguous) await write(deps, entry);
  return { kind: 'failed', failure: result.failure, ambiguous };
}

/** `pending`: the answer of the action before (its `done.answer`), written with this intent. */
export async function applyAction(
  deps: WriteDeps,
  action: PostingAction,
  record: EntryRecord | undefined,
  pending: RecordWrite | null = null,
): Promise<ActionResult> {
  if (action.kind === 'create') return create(deps, action, record, pending);
  if (action.kind === 'update') return update(deps, action, record, pending);
  return destroy(deps, action, record, pending);
}
