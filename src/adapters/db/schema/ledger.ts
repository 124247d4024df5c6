// The register ledger (issue 3): checkouts as the registers send them (latest revision per id,
// superseded revisions kept), cash drawer events, the versioned closes (閉局) of a store's business
// date and the outbox of domain events written in the same transaction as the change they announce.
// Money is bigint yen read as a safe JS integer (pool.ts refuses anything larger).
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, registers, stores } from './tenancy.js';

const yen = (name: string) => bigint(name, { mode: 'number' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The latest accepted revision of every checkout: one row per (company, client id). */
export const checkouts = pgTable(
  'checkouts',
  {
    // No foreign keys on this table (migration 0010, docs/ledger.md "Where the ceiling is"): the
    // three per-row checks cost ≈ 11 µs of PostgreSQL per checkout at ingest. The ingest resolves
    // store and register inside the caller's company before writing (a stricter check than the
    // keys were: they did not tie the store to the company), and no code deletes a company, store
    // or register.
    companyId: uuid('company_id').notNull(),
    /** The register's id (UUID in practice): the idempotency key together with `revision`. */
    checkoutId: text('checkout_id').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    storeId: uuid('store_id').notNull(),
    registerId: uuid('register_id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    completedAt: instant('completed_at'),
    /** T of spec §2 step 5, kept for lists; the document stays the source of every figure. */
    totalYen: yen('total_yen').notNull(),
    redoes: text('redoes'),
    /** The checkout as received (contract shape, priceMode defaulted), in the contract's key order. */
    document: jsonb('document').notNull(),
    /** sha256 of the canonical document: equal hash = the same content. */
    contentHash: text('content_hash').notNull(),
    receivedAt: instant('received_at').notNull(),
    // The 日報 figures of this revision, priced once when it was stored (src/domain/report/day-sums.ts);
    // fig_key names the rounding mode and payment methods they were priced under (null = not priced:
    // rows stored before 0007 or unpriceable; the report prices those from the document and stores them).
    figKey: text('fig_key'),
    figTotal: bigint('fig_total', { mode: 'number' }),
    figCompletedMs: bigint('fig_completed_ms', { mode: 'number' }),
    /** `<epoch ms + offset, 20 digits>|<completedAt>`: the greatest is the engine's last checkout. */
    figCompletedKey: text('fig_completed_key'),
    figSales10: bigint('fig_sales10', { mode: 'number' }),
    figSales8: bigint('fig_sales8', { mode: 'number' }),
    figSales0: bigint('fig_sales0', { mode: 'number' }),
    figTax10: bigint('fig_tax10', { mode: 'number' }),
    figTax8: bigint('fig_tax8', { mode: 'number' }),
    figTax0: bigint('fig_tax0', { mode: 'number' }),
    figNet10: bigint('fig_net10', { mode: 'number' }),
    figNet8: bigint('fig_net8', { mode: 'number' }),
    figNet0: bigint('fig_net0', { mode: 'number' }),
    figNonSales: bigint('fig_non_sales', { mode: 'number' }),
    figShort: bigint('fig_short', { mode: 'number' }),
    figVoucherChange: bigint('fig_voucher_change', { mode: 'number' }),
    figCustomers: bigint('fig_customers', { mode: 'number' }),
    figItems: bigint('fig_items', { mode: 'number' }),
    figLineDiscounts: bigint('fig_line_discounts', { mode: 'number' }),
    figLineDiscountYen: bigint('fig_line_discount_yen', { mode: 'number' }),
    figReturnLines: bigint('fig_return_lines', { mode: 'number' }),
    figReturnItems: bigint('fig_return_items', { mode: 'number' }),
    figReturnYen: bigint('fig_return_yen', { mode: 'number' }),
    figOrderDiscount: bigint('fig_order_discount', { mode: 'number' }),
    figRefundPayments: bigint('fig_refund_payments', { mode: 'number' }),
    figRefundYen: bigint('fig_refund_yen', { mode: 'number' }),
    // Method rows 1 and 2 and matrix rows 1 and 2 in columns of their own (GROUP BY, no unnest);
    // further rows, if any, in the arrays below (null when there are none).
    figM1Pos: integer('fig_m1_pos'),
    figM1Tenders: bigint('fig_m1_tenders', { mode: 'number' }),
    figM1Yen: bigint('fig_m1_yen', { mode: 'number' }),
    figM2Pos: integer('fig_m2_pos'),
    figM2Tenders: bigint('fig_m2_tenders', { mode: 'number' }),
    figM2Yen: bigint('fig_m2_yen', { mode: 'number' }),
    figX1Pos: integer('fig_x1_pos'),
    figX1Yen10: bigint('fig_x1_10', { mode: 'number' }),
    figX1Yen8: bigint('fig_x1_8', { mode: 'number' }),
    figX1Yen0: bigint('fig_x1_0', { mode: 'number' }),
    figX1YenNon: bigint('fig_x1_non', { mode: 'number' }),
    figX2Pos: integer('fig_x2_pos'),
    figX2Yen10: bigint('fig_x2_10', { mode: 'number' }),
    figX2Yen8: bigint('fig_x2_8', { mode: 'number' }),
    figX2Yen0: bigint('fig_x2_0', { mode: 'number' }),
    figX2YenNon: bigint('fig_x2_non', { mode: 'number' }),
    figMethodPos: integer('fig_method_pos').array(),
    figMethodTenders: bigint('fig_method_tenders', { mode: 'number' }).array(),
    figMethodYen: bigint('fig_method_yen', { mode: 'number' }).array(),
    figMatrixPos: integer('fig_matrix_pos').array(),
    figMatrix10: bigint('fig_matrix10', { mode: 'number' }).array(),
    figMatrix8: bigint('fig_matrix8', { mode: 'number' }).array(),
    figMatrix0: bigint('fig_matrix0', { mode: 'number' }).array(),
    figMatrixNon: bigint('fig_matrix_non', { mode: 'number' }).array(),
  },
  (t) => [
    primaryKey({ name: 'checkouts_pk', columns: [t.companyId, t.checkoutId] }),
    index('checkouts_store_day').on(t.storeId, t.businessDate, t.status),
    // The 日報's last checkout (the greatest fig_completed_key in "C" order) without a scan of the day.
    index('checkouts_store_day_last')
      .on(t.storeId, t.businessDate, sql`${t.figCompletedKey} collate "C"`)
      .where(sql`${t.status} = 'completed'`),
    check('checkouts_revision', sql`${t.revision} >= 1`),
    check(
      'checkouts_status',
      sql`${t.status} in ('pending','completed','cancelled','redone','aborted')`,
    ),
  ],
);

/** Revisions that a higher one replaced: the history is kept, never overwritten. */
export const checkoutRevisions = pgTable(
  'checkout_revisions',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    checkoutId: text('checkout_id').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    document: jsonb('document').notNull(),
    contentHash: text('content_hash').notNull(),
    receivedAt: instant('received_at').notNull(),
    supersededAt: instant('superseded_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'checkout_revisions_pk', columns: [t.companyId, t.checkoutId, t.revision] }),
  ],
);

/** レジ入金 / レジ出金, idempotent by (company, client id). */
export const drawerEvents = pgTable(
  'drawer_events',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    eventId: text('event_id').notNull(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    registerId: uuid('register_id')
      .notNull()
      .references(() => registers.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    at: instant('at').notNull(),
    amountYen: yen('amount_yen').notNull(),
    reason: text('reason'),
    document: jsonb('document').notNull(),
    contentHash: text('content_hash').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'drawer_events_pk', columns: [t.companyId, t.eventId] }),
    index('drawer_events_store_day').on(t.storeId, t.businessDate),
    check('drawer_events_type', sql`${t.type} in ('cashIn','cashOut')`),
    check('drawer_events_amount', sql`${t.amountYen} > 0`),
  ],
);

/** Each close (閉局) of a store's business date is a new version; versions are never updated. */
export const dayCloses = pgTable(
  'day_closes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    version: integer('version').notNull(),
    floatYen: yen('float_yen').notNull(),
    countedCashYen: yen('counted_cash_yen').notNull(),
    expectedCashYen: yen('expected_cash_yen').notNull(),
    differenceYen: yen('difference_yen').notNull(),
    /** The DailyReport snapshot fixed by this close. */
    report: jsonb('report').notNull(),
    /** sha256 of the report without printedAt: an identical re-close is recognised. */
    reportHash: text('report_hash').notNull(),
    closedAt: instant('closed_at').notNull(),
    /** Who closed: `staff:<code>`, `register:<store>/<register>`, `cli`, `import`. */
    closedBy: text('closed_by').notNull(),
  },
  (t) => [
    uniqueIndex('day_closes_store_day_version').on(t.storeId, t.businessDate, t.version),
    check('day_closes_version', sql`${t.version} >= 1`),
    check('day_closes_cash', sql`${t.floatYen} >= 0 and ${t.countedCashYen} >= 0`),
  ],
);

/** Outbox: facts later work hangs on (printing, posting), written in the transaction that made them. */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** e.g. `day.closed`. */
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('domain_events_type_created').on(t.type, t.createdAt)],
);
