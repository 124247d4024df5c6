// The rows of posted_deals (our record of a store-day's deals) as one lease-fenced statement writes
// them: the records as JSON rows (`jsonb_to_recordset`) and the upsert that takes the company from
// the fencing CTE — the lease check of writeEntries, or the finish of the run (posting-store.ts).
// No fence row (the lease is lost): nothing is written.
import { sha256Hex } from '../../app/ledger/content-hash.js';
import { canonicalJson } from '../../domain/text/canonical-json.js';
import type { DealContent } from '../../domain/posting/deal-types.js';
import {
  EntryWritesLimitError,
  entryWritesMax,
  type RecordWrite,
} from '../../app/posting/ports.js';

/** sha256 of the content's canonical JSON (sorted keys): the same content always hashes the same. */
function contentHash(content: DealContent | null): string | null {
  return content === null ? null : sha256Hex(canonicalJson(content));
}

const amountOf = (content: DealContent | null): number | null =>
  content === null ? null : content.details.reduce((sum, line) => sum + line.amount, 0);

/** An entry's record as one element of the statement's JSON rows. */
function entryRow(write: RecordWrite, now: Date) {
  const intentContent = write.intent?.content ?? null;
  return {
    freee_company_id: write.freeeCompanyId,
    entry_key: write.key,
    provider: write.provider,
    method_code: write.methodCode,
    item_name: write.itemName,
    ref_number: write.refNumber,
    deal_id: write.dealId,
    content: write.content,
    content_hash: contentHash(write.content),
    amount_yen: amountOf(write.content),
    deal_type: write.content?.type ?? null,
    has_payments: write.hasPayments,
    intent: write.intent?.op ?? null,
    intent_content: intentContent,
    intent_hash: contentHash(intentContent),
    intent_at: write.intent ? now.toISOString() : null,
    posted_at: write.intent === null && write.dealId !== null ? now.toISOString() : null,
  };
}

/** The records as the statement's JSON rows: 1 to `entryWritesMax` of them, distinct keys. */
export function entryRowsJson(writes: readonly RecordWrite[], now: Date): string {
  if (writes.length === 0) throw new Error('an entry write needs at least one entry');
  if (writes.length > entryWritesMax) throw new EntryWritesLimitError(writes.length);
  if (new Set(writes.map((w) => `${w.freeeCompanyId}/${w.key}`)).size !== writes.length)
    throw new Error('an entry write needs distinct entry keys');
  return JSON.stringify(writes.map((write) => entryRow(write, now)));
}

/**
 * The upsert of the JSON rows in parameter `rows` for store $1 and date $2, with the company of
 * CTE `fence` (no row: nothing written) and `updatedAt` as their time.
 */
export const upsertEntriesFrom = (fence: string, rows: string, updatedAt: string) =>
  `insert into posted_deals (store_id, business_date, freee_company_id, entry_key, company_id, provider, method_code, item_name, ref_number,
     deal_id, content, content_hash, amount_yen, deal_type, has_payments, intent, intent_content, intent_hash, intent_at, posted_at, updated_at)
   select $1::uuid, $2::date, x.freee_company_id, x.entry_key, ${fence}.company_id, x.provider, x.method_code, x.item_name, x.ref_number,
     x.deal_id, x.content, x.content_hash, x.amount_yen, x.deal_type, x.has_payments, x.intent, x.intent_content, x.intent_hash,
     x.intent_at, x.posted_at, ${updatedAt}::timestamptz
     from ${fence} cross join jsonb_to_recordset(${rows}::jsonb) as x(freee_company_id bigint, entry_key text, provider text, method_code text,
       item_name text, ref_number text, deal_id bigint, content jsonb, content_hash text, amount_yen bigint, deal_type text,
       has_payments boolean, intent text, intent_content jsonb, intent_hash text, intent_at timestamptz, posted_at timestamptz)
   on conflict (store_id, business_date, freee_company_id, entry_key) do update set
     provider = excluded.provider, method_code = excluded.method_code, item_name = excluded.item_name, ref_number = excluded.ref_number,
     deal_id = excluded.deal_id, content = excluded.content, content_hash = excluded.content_hash, amount_yen = excluded.amount_yen,
     deal_type = excluded.deal_type, has_payments = excluded.has_payments, intent = excluded.intent, intent_content = excluded.intent_content,
     intent_hash = excluded.intent_hash, intent_at = excluded.intent_at, posted_at = coalesce(excluded.posted_at, posted_deals.posted_at),
     updated_at = excluded.updated_at`;
