// Differences: what to write so that the books hold exactly the planned posting of a store-day.
// Per entry (a method's deal, with its adjusting deals `<key>~a<n>` if any):
// 1. What the posted deals do to the books (deal-net.ts) equals the plan, and their partner, due
//    date and 発生日 are the plan's → nothing. Re-posting unchanged data writes nothing.
// 2. No posted deal of the entry has payments we did not write → rewrite: PUT the deal with the
//    new full content (freee replaces every line), delete stray adjusting deals; create when
//    nothing was posted, delete when nothing is planned. PUT changes neither the type nor the
//    payments (API-NOTES §5), and freee refuses a settled deal with a 現金・預金 line whose payment
//    and total differ even for a moment; so a cash deal whose payment changes (its total did) is
//    deleted and created again: two calls, as PUT + PUT payment would be, never half-settled.
// 3. Some posted deal has payments (a receivable already matched by 消込 / 決済登録: rewriting it
//    would break the user's matching) → post the difference as an adjusting deal
//    (adjusting-deal.ts), or rewrite our own last adjusting deal when that one is still free.
//    When only the partner or due date differ there is no amount to adjust: a note, no write.
import type { DealContent, PlannedPosting } from './deal-types.js';
import { adjustmentDeal } from './adjusting-deal.js';
import { netOf, netsEqual } from './deal-net.js';
import { entryKey, familyKeyOf, parseEntryKey, refNumberOf } from './entry-keys.js';
import { canonicalJson } from '../text/canonical-json.js';

export interface PostedEntry {
  key: string;
  /** freee's deal id. */
  dealId: number;
  /** The content we wrote (our record; or freee's deal with payments we did not write left out). */
  deal: DealContent;
  /** freee shows payments on this deal that we did not write (消込 / 決済登録): never rewrite it. */
  hasPayments: boolean;
}

export type PostingAction =
  | { kind: 'create'; key: string; deal: DealContent }
  /** PUT /api/1/deals/{id}: lines and header only; the payments are the same as posted. */
  | { kind: 'update'; key: string; dealId: number; deal: DealContent }
  | { kind: 'delete'; key: string; dealId: number };

export interface DiffNote {
  key: string;
  code: 'lockedHeaderDiffers';
  message: string;
}

export interface PostingDiff {
  actions: PostingAction[];
  notes: DiffNote[];
}

interface Family {
  key: string;
  planned: DealContent | undefined;
  /** Base first, then adjusting deals by number. */
  posted: PostedEntry[];
}

function adjustmentNumber(key: string): number {
  return parseEntryKey(key)?.adjustment ?? 0;
}

/** In plan order, then the entries posted but no longer planned, in posted order. */
function familiesOf(posted: readonly PostedEntry[], plan: PlannedPosting): Family[] {
  const families = new Map<string, Family>();
  const familyOf = (key: string): Family => {
    const found = families.get(key);
    if (found !== undefined) return found;
    const created: Family = { key, planned: undefined, posted: [] };
    families.set(key, created);
    return created;
  };
  for (const entry of plan.entries) familyOf(entry.key).planned = entry.deal;
  for (const entry of posted) familyOf(familyKeyOf(entry.key)).posted.push(entry);
  for (const family of families.values())
    family.posted.sort((left, right) => adjustmentNumber(left.key) - adjustmentNumber(right.key));
  return [...families.values()];
}

function sameHeader(left: DealContent, right: DealContent): boolean {
  return (
    left.issue_date === right.issue_date &&
    (left.partner_id ?? null) === (right.partner_id ?? null) &&
    (left.due_date ?? null) === (right.due_date ?? null)
  );
}

/** PUT can take `deal` to `next`: same type, same payments. */
function puttable(deal: DealContent, next: DealContent): boolean {
  return (
    deal.type === next.type &&
    canonicalJson(deal.payments ?? []) === canonicalJson(next.payments ?? [])
  );
}

/** `entry` becomes `next`: nothing, PUT, or delete + create. */
function replace(entry: PostedEntry, key: string, next: DealContent): PostingAction[] {
  if (canonicalJson(entry.deal) === canonicalJson(next) && entry.key === key) return [];
  if (puttable(entry.deal, next) && entry.key === key)
    return [{ kind: 'update', key, dealId: entry.dealId, deal: next }];
  return [
    { kind: 'delete', key: entry.key, dealId: entry.dealId },
    { kind: 'create', key, deal: next },
  ];
}

function rewrite(family: Family): PostingAction[] {
  const planned = family.planned;
  const base =
    planned === undefined ? undefined : family.posted.find((entry) => entry.key === family.key);
  const deletes: PostingAction[] = family.posted
    .filter((entry) => entry !== base)
    .map((entry) => ({ kind: 'delete', key: entry.key, dealId: entry.dealId }));
  if (planned === undefined) return deletes;
  if (base === undefined) return [...deletes, { kind: 'create', key: family.key, deal: planned }];
  return [...deletes, ...replace(base, family.key, planned)];
}

function adjust(family: Family, plan: PlannedPosting, notes: DiffNote[]): PostingAction[] {
  const last = family.posted.at(-1);
  const free =
    last !== undefined && adjustmentNumber(last.key) > 0 && !last.hasPayments ? last : undefined;
  const kept = family.posted.filter((entry) => entry !== free).map((entry) => entry.deal);
  const header = family.planned ?? kept[0];
  const number =
    free !== undefined ? adjustmentNumber(free.key) : adjustmentNumber(last?.key ?? family.key) + 1;
  const parts = parseEntryKey(family.key);
  const key =
    parts === null ? `${family.key}~a${number}` : entryKey({ ...parts, adjustment: number });
  const deal = adjustmentDeal(family.planned === undefined ? [] : [family.planned], kept, {
    companyId: plan.companyId,
    businessDate: plan.businessDate,
    refNumber: refNumberOf(plan.refScope ?? plan.storeCode, plan.businessDate, key),
    partnerId: header?.partner_id ?? null,
    dueDate: header?.due_date ?? null,
  });
  if (deal === null && free === undefined) {
    notes.push({
      key: family.key,
      code: 'lockedHeaderDiffers',
      message: `${family.key}: 消込済みの取引の取引先・期日は変更しません（金額は一致しています）。`,
    });
    return [];
  }
  if (deal === null)
    return free === undefined ? [] : [{ kind: 'delete', key: free.key, dealId: free.dealId }];
  if (free === undefined) return [{ kind: 'create', key, deal }];
  return replace(free, key, deal);
}

/** The writes that take the books from `posted` to `plan` (see the rules above). */
export function diffPosting(posted: readonly PostedEntry[], plan: PlannedPosting): PostingDiff {
  const notes: DiffNote[] = [];
  const actions = familiesOf(posted, plan).flatMap((family) => {
    const held = family.posted.map((entry) => entry.deal);
    const plannedDeals = family.planned === undefined ? [] : [family.planned];
    const planned = family.planned;
    const headersOk = planned === undefined || held.every((deal) => sameHeader(deal, planned));
    if (netsEqual(netOf(held), netOf(plannedDeals)) && headersOk) return [];
    return family.posted.some((entry) => entry.hasPayments)
      ? adjust(family, plan, notes)
      : rewrite(family);
  });
  return { actions, notes };
}

/** `posted` after `actions` (for the job's record and for tests); new deals get ids from `nextDealId`. */
export function applyPostingActions(
  posted: readonly PostedEntry[],
  actions: readonly PostingAction[],
  nextDealId: () => number,
): PostedEntry[] {
  const result = [...posted];
  for (const action of actions) {
    const index =
      action.kind === 'create' ? -1 : result.findIndex((entry) => entry.dealId === action.dealId);
    if (action.kind !== 'create' && index < 0)
      throw new RangeError(`${action.kind} of unknown deal ${action.dealId}`);
    if (action.kind === 'create')
      result.push({ key: action.key, dealId: nextDealId(), deal: action.deal, hasPayments: false });
    else if (action.kind === 'delete') result.splice(index, 1);
    else result[index] = { ...(result[index] as PostedEntry), deal: action.deal };
  }
  return result;
}
