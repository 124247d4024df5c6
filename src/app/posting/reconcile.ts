// After a lookup (GET deals of the 発生日), our record of a store-day is brought in line with what
// freee holds, entry by entry (the deals carrying our ref_number for this store-day):
//   intent create, freee has the ref     → the write landed: keep that deal (id + content)
//   intent create, freee lacks it        → it did not land: nothing is held (created again later)
//   recorded deal still in freee         → its content as freee holds it (an update landed or not)
//   recorded deal gone from freee        → nothing is held (deleted by us or by the user)
//   no record, freee has the ref         → adopted (a record lost, or written by an earlier run)
// More than one deal for one entry is reported, never resolved silently (duplicates are a bug or
// someone's copy: a person decides). Pure.
import type { DealContent } from '../../domain/posting/deal-types.js';
import { netOf, netsEqual } from '../../domain/posting/deal-net.js';
import { hasForeignPayments, heldContent, type HeldDeal } from '../../domain/posting/held-deals.js';
import type { EntryRecord } from './model.js';

export interface ReconcileContext {
  freeeCompanyId: number;
  taxedCodes: ReadonlySet<number>;
  /** Whether an entry key belongs to the cash method (its payments are ours). */
  isCashEntry(key: string): boolean;
  /** Method code, 品目 name and ref_number of an entry key (for adopted deals). */
  describe(key: string): { methodCode: string; itemName: string; refNumber: string };
}

export interface Reconciled {
  /** The record after the lookup: held entries only (absent ones are left out). */
  records: EntryRecord[];
  /** Entries whose stored record must change (write or remove). */
  changedKeys: string[];
  duplicates: { key: string; dealIds: number[] }[];
}

function sameBooks(left: DealContent, right: DealContent): boolean {
  return (
    netsEqual(netOf([left]), netOf([right])) &&
    left.issue_date === right.issue_date &&
    (left.partner_id ?? null) === (right.partner_id ?? null) &&
    (left.due_date ?? null) === (right.due_date ?? null) &&
    left.type === right.type
  );
}

/** Our own wording of the content when freee holds the same books, else freee's. */
function contentOf(
  deal: HeldDeal,
  candidates: readonly (DealContent | null | undefined)[],
  key: string,
  context: ReconcileContext,
): DealContent {
  const held = heldContent(deal, {
    companyId: context.freeeCompanyId,
    taxedCodes: context.taxedCodes,
    paymentsAreOurs: context.isCashEntry(key),
  });
  return (
    candidates.find(
      (candidate): candidate is DealContent =>
        candidate !== null && candidate !== undefined && sameBooks(candidate, held),
    ) ?? held
  );
}

function heldRecord(
  deal: HeldDeal,
  key: string,
  base: EntryRecord | undefined,
  context: ReconcileContext,
): EntryRecord {
  const described = base ?? { key, ...context.describe(key) };
  const content = contentOf(deal, [base?.intent?.content, base?.content], key, context);
  return {
    key,
    methodCode: described.methodCode,
    itemName: described.itemName,
    refNumber: described.refNumber,
    dealId: deal.id,
    content,
    hasPayments: hasForeignPayments(deal, context.isCashEntry(key), base?.content ?? content),
    intent: null,
  };
}

function recordOf(
  key: string,
  record: EntryRecord | undefined,
  deals: readonly HeldDeal[],
  context: ReconcileContext,
): EntryRecord | null {
  const recorded =
    record?.dealId === null || record?.dealId === undefined
      ? undefined
      : deals.find((deal) => deal.id === record.dealId);
  if (recorded !== undefined) return heldRecord(recorded, key, record, context);
  const first = deals[0];
  if (first === undefined) return null;
  return heldRecord(first, key, record, context);
}

function unchanged(before: EntryRecord | undefined, after: EntryRecord | null): boolean {
  if (before === undefined || after === null) return before === undefined && after === null;
  return (
    before.intent === null &&
    before.dealId === after.dealId &&
    before.hasPayments === after.hasPayments &&
    JSON.stringify(before.content) === JSON.stringify(after.content)
  );
}

/** `heldByKey`: freee's deals with our ref_number, by entry key, lowest id first. */
export function reconcileRecords(
  records: readonly EntryRecord[],
  heldByKey: ReadonlyMap<string, readonly HeldDeal[]>,
  context: ReconcileContext,
): Reconciled {
  const keys = [...new Set([...records.map((record) => record.key), ...heldByKey.keys()])];
  const result: Reconciled = { records: [], changedKeys: [], duplicates: [] };
  for (const key of keys) {
    const record = records.find((each) => each.key === key);
    const deals = heldByKey.get(key) ?? [];
    if (deals.length > 1) result.duplicates.push({ key, dealIds: deals.map((deal) => deal.id) });
    const after = recordOf(key, record, deals, context);
    if (after !== null) result.records.push(after);
    if (!unchanged(record, after)) result.changedKeys.push(key);
  }
  return result;
}
