// Posting closed days to freee (issue 6, docs/posting.md):
// - posting_settings: the company's posting mappings (names resolved in freee at run time).
// - posting_days: one row per store-day that posting has touched: its status (未送信 / 送信中 /
//   送信済 / 再送待ち / 失敗 / guards), the reason, freee's messages, the next automatic attempt, and
//   the lease that keeps two workers off the same store-day.
// - posted_deals: our record of every deal we keep in freee per store-day and entry key, with the
//   intent written BEFORE each freee write (op, planned content, its hash, the ref_number) and
//   the deal id + content written after the answer. An intent left open means "the answer was lost":
//   the next run looks the deal up in freee before writing again (exactly once).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, stores } from './tenancy.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const postingSettings = pgTable('posting_settings', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  /** PostingSettingsDocument (src/app/posting/settings.ts), validated before it is stored. */
  settings: jsonb('settings').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const postingDays = pgTable(
  'posting_days',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** queued | sending | posted | retry_wait | failed | outside_fiscal_year | period_closed | expired | error. */
    status: text('status').notNull(),
    /** Stable English reason (throttled, validation, ambiguous_write, not_closed …). */
    reasonCode: text('reason_code'),
    /** Japanese, for the shop. */
    message: text('message'),
    /** freee's own messages of the last failure (validation first). */
    freeeMessages: jsonb('freee_messages').notNull().default([]),
    /** The close version the last run worked on, and the one the books hold. */
    closeVersion: integer('close_version'),
    postedVersion: integer('posted_version'),
    /** Automatic retries since the last success or manual request (bounded). */
    autoRetries: integer('auto_retries').notNull().default(0),
    nextAttemptAt: at('next_attempt_at'),
    lastCalls: integer('last_calls').notNull().default(0),
    lastWrites: integer('last_writes').notNull().default(0),
    /** Who runs the store-day now, and until when (by the injected clock); renewed before each write. */
    leaseId: uuid('lease_id'),
    leaseUntil: at('lease_until'),
    requestedAt: at('requested_at'),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'posting_days_pk', columns: [t.storeId, t.businessDate] }),
    index('posting_days_company_date').on(t.companyId, t.businessDate),
    check(
      'posting_days_status',
      sql`${t.status} in ('queued','sending','posted','retry_wait','failed','outside_fiscal_year','period_closed','expired','error')`,
    ),
  ],
);

export const postedDeals = pgTable(
  'posted_deals',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    /** The freee 事業所 the deal lives in (a store moved to another 事業所 starts a new record). */
    freeeCompanyId: bigint('freee_company_id', { mode: 'number' }).notNull(),
    /** Entry key (`method:<code>`, `#n` parts, `~a<n>` adjusting deals). */
    entryKey: text('entry_key').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    provider: text('provider').notNull(),
    methodCode: text('method_code').notNull(),
    itemName: text('item_name').notNull(),
    refNumber: text('ref_number').notNull(),
    /** freee's deal id; null while nothing is known to be in freee. */
    dealId: bigint('deal_id', { mode: 'number' }),
    /** The content freee holds per our record (DealContent), its hash, total and type. */
    content: jsonb('content'),
    contentHash: text('content_hash'),
    amountYen: bigint('amount_yen', { mode: 'number' }),
    dealType: text('deal_type'),
    /** freee shows payments on the deal that we did not write (消込 / 決済登録): never rewritten. */
    hasPayments: boolean('has_payments').notNull().default(false),
    /** The write in flight: create | update | delete, with the planned content and its hash. */
    intent: text('intent'),
    intentContent: jsonb('intent_content'),
    intentHash: text('intent_hash'),
    intentAt: at('intent_at'),
    postedAt: at('posted_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'posted_deals_pk',
      columns: [t.storeId, t.businessDate, t.freeeCompanyId, t.entryKey],
    }),
    index('posted_deals_company_date').on(t.companyId, t.businessDate),
    check(
      'posted_deals_intent',
      sql`${t.intent} is null or ${t.intent} in ('create','update','delete')`,
    ),
    check('posted_deals_provider', sql`${t.provider} in ('freee','sandbox')`),
  ],
);

/**
 * The waiting line of a company's posting runs across worker processes (company-admission.ts):
 * one row per store-day whose run asked for one of the company's places and was refused. Places go
 * to the oldest waiters first; a row is deleted when its run is admitted, and a row whose run has
 * not asked again for a while no longer counts (its job was handled some other way).
 */
export const postingCompanyWaits = pgTable(
  'posting_company_waits',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    storeCode: text('store_code').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    /** The first refusal of this wait: the place in the line. */
    waitingSince: at('waiting_since').notNull(),
    /** The last time the run asked (rows not asked for a while are not counted). */
    askedAt: at('asked_at').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'posting_company_waits_pk',
      columns: [t.companyId, t.storeCode, t.businessDate],
    }),
    index('posting_company_waits_line').on(t.companyId, t.waitingSince),
  ],
);
