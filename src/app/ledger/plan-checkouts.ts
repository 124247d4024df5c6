// Idempotency by id + revision, decided over the locked current heads (pure; docs/ledger.md):
// - an id never seen: accepted, whatever its status;
// - the same revision: the same content is `unchanged`; other content is `revision_conflict`;
// - a lower revision: `unchanged` when it matches the kept history (or was never seen: a higher one
//   already replaced it); other content than the history's is `revision_conflict`;
// - a higher revision: accepted when its status is reachable from the stored one, else rejected.
// Items of one batch apply in order, so a batch may carry several revisions of one id.
import type { CheckoutHead, CheckoutWrite, ItemRejection } from './model.js';
import type { PreparedCheckout } from './prepare-checkout.js';
import { statusChangeError } from './status-reach.js';
import { prefixed } from './field-errors.js';

export type Decision =
  | { index: number; outcome: 'accepted' }
  | { index: number; outcome: 'unchanged'; reason: 'same' | 'superseded' }
  | { index: number; outcome: 'rejected'; rejection: ItemRejection };

export interface CheckoutPlan {
  decisions: Decision[];
  inserts: CheckoutWrite[];
  replaces: CheckoutWrite[];
  /** Stored rows to copy into the history before they are replaced. */
  archiveIds: string[];
  /** Revisions accepted and superseded within this batch. */
  history: CheckoutWrite[];
}

interface Current {
  revision: number;
  status: CheckoutHead['status'];
  contentHash: string;
  storeId: string;
  registerId: string;
  /** Set when this batch wrote it (not yet stored). */
  write: CheckoutWrite | null;
}

export const revisionKey = (checkoutId: string, revision: number) =>
  `${checkoutId}\u0000${revision}`;

/** (id, revision) pairs whose kept hash the plan needs: items below the stored revision. */
export function historyKeysNeeded(
  items: readonly PreparedCheckout[],
  heads: ReadonlyMap<string, CheckoutHead>,
): { checkoutId: string; revision: number }[] {
  return items.flatMap(({ write }) => {
    const head = heads.get(write.checkoutId);
    return head && write.revision < head.revision
      ? [{ checkoutId: write.checkoutId, revision: write.revision }]
      : [];
  });
}

function conflict(item: PreparedCheckout): ItemRejection {
  const message = `会計「${item.write.checkoutId}」の版 ${item.write.revision} は既に別の内容で受け付けています。内容を変えるときは版(revision)を上げてください。`;
  return {
    kind: 'conflict',
    code: 'revision_conflict',
    message,
    fields: [{ path: prefixed(item.path, 'revision'), code: 'revision_conflict', message }],
  };
}

/** What the plan knows while it walks the batch. */
interface PlanState {
  current: Map<string, Current>;
  /** Content hash per revisionKey of revisions no longer current. */
  superseded: Map<string, string>;
  /** Stored ids replaced by this batch. */
  archived: Set<string>;
  plan: CheckoutPlan;
}

const currentOf = (write: CheckoutWrite): Current => ({
  revision: write.revision,
  status: write.status,
  contentHash: write.contentHash,
  storeId: write.storeId,
  registerId: write.registerId,
  write,
});

/** A revision keeps the store and register of its checkout: another one may not take it over. */
function placeChanged(item: PreparedCheckout, stored: Current): ItemRejection | null {
  const { write } = item;
  if (write.storeId === stored.storeId && write.registerId === stored.registerId) return null;
  const field = write.storeId !== stored.storeId ? 'storeCode' : 'registerCode';
  const message = `会計「${write.checkoutId}」は別の店舗・端末の会計です。店舗・端末は変更できません。`;
  return {
    kind: 'forbidden',
    code: 'checkout_place_changed',
    message,
    fields: [{ path: prefixed(item.path, field), code: 'checkout_place_changed', message }],
  };
}

/** An item at or below the current revision: unchanged when its content is what was kept. */
function decideOlder(item: PreparedCheckout, stored: Current, state: PlanState): Decision {
  const { write } = item;
  const keptHash =
    write.revision === stored.revision
      ? stored.contentHash
      : state.superseded.get(revisionKey(write.checkoutId, write.revision));
  if (keptHash === undefined)
    return { index: item.index, outcome: 'unchanged', reason: 'superseded' };
  if (keptHash === write.contentHash)
    return { index: item.index, outcome: 'unchanged', reason: 'same' };
  return { index: item.index, outcome: 'rejected', rejection: conflict(item) };
}

/** An item above the current revision: accepted (and the current one superseded) when its status is reachable. */
function decideNewer(item: PreparedCheckout, stored: Current, state: PlanState): Decision {
  const { write } = item;
  const statusError = statusChangeError(stored.status, write.status);
  if (statusError) {
    const field = {
      path: prefixed(item.path, statusError.path),
      code: statusError.code,
      message: statusError.message,
    };
    return {
      index: item.index,
      outcome: 'rejected',
      rejection: {
        kind: 'conflict',
        code: statusError.code,
        message: statusError.message,
        fields: [field],
      },
    };
  }
  if (stored.write) state.plan.history.push(stored.write);
  else state.archived.add(write.checkoutId);
  state.superseded.set(revisionKey(write.checkoutId, stored.revision), stored.contentHash);
  state.current.set(write.checkoutId, currentOf(write));
  return { index: item.index, outcome: 'accepted' };
}

function decide(item: PreparedCheckout, state: PlanState): Decision {
  const { write } = item;
  const stored = state.current.get(write.checkoutId);
  if (!stored) {
    state.current.set(write.checkoutId, currentOf(write));
    return { index: item.index, outcome: 'accepted' };
  }
  const moved = placeChanged(item, stored);
  if (moved) return { index: item.index, outcome: 'rejected', rejection: moved };
  return write.revision <= stored.revision
    ? decideOlder(item, stored, state)
    : decideNewer(item, stored, state);
}

export function planCheckouts(
  items: readonly PreparedCheckout[],
  heads: ReadonlyMap<string, CheckoutHead>,
  keptHashes: ReadonlyMap<string, string>,
): CheckoutPlan {
  const current = new Map<string, Current>();
  for (const [id, head] of heads)
    current.set(id, {
      revision: head.revision,
      status: head.status,
      contentHash: head.contentHash,
      storeId: head.storeId,
      registerId: head.registerId,
      write: null,
    });
  const plan: CheckoutPlan = {
    decisions: [],
    inserts: [],
    replaces: [],
    archiveIds: [],
    history: [],
  };
  const state: PlanState = { current, superseded: new Map(keptHashes), archived: new Set(), plan };
  for (const item of items) plan.decisions.push(decide(item, state));
  for (const [id, entry] of current) {
    if (!entry.write) continue;
    (heads.has(id) ? plan.replaces : plan.inserts).push(entry.write);
  }
  const byId = (a: CheckoutWrite, b: CheckoutWrite) =>
    a.checkoutId < b.checkoutId ? -1 : a.checkoutId > b.checkoutId ? 1 : 0;
  plan.inserts.sort(byId);
  plan.replaces.sort(byId);
  plan.archiveIds = [...state.archived].sort();
  return plan;
}
