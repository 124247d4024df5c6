// 日報 printing (issue 4): one row per print request of a store-day's report — at the close, from the
// console/API, or retried. The row is written BEFORE the job is queued (intent first), and records
// every attempt's outcome, so a report whose printer was off is never lost: the console shows the
// Japanese reason and a 再印刷 button.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  smallint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, stores } from './tenancy.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const printJobs = pgTable(
  'print_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of creation (timestamps from the clock may tie). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    /** The close version whose fixed report is printed; null = the report as it stands now. */
    closeVersion: integer('close_version'),
    /** `close` (printed at 閉局), `console`, `api`, `reprint`. */
    source: text('source').notNull(),
    requestedBy: text('requested_by').notNull(),
    /** The `day.closed` domain event this print answers (at most one print job per event). */
    eventId: uuid('event_id'),
    /** queued → printing → printed | retrying → … | failed. */
    status: text('status').notNull(),
    queueJobId: text('queue_job_id'),
    attempts: integer('attempts').notNull().default(0),
    attemptsMax: integer('attempts_max').notNull(),
    /** Japanese, for the shop (the last failure). */
    reason: text('reason'),
    /** English, for logs (the last failure). */
    errorDetail: text('error_detail'),
    printerAddress: text('printer_address'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    printedAt: instant('printed_at'),
  },
  (t) => [
    index('print_jobs_store_day').on(t.storeId, t.businessDate, t.seq),
    uniqueIndex('print_jobs_event').on(t.eventId),
    check(
      'print_jobs_status',
      sql`${t.status} in ('queued','printing','retrying','printed','failed')`,
    ),
    check('print_jobs_attempts', sql`${t.attempts} >= 0 and ${t.attemptsMax} >= 1`),
  ],
);

// The 日報's day aggregate (issue #15 item 5, docs/report.md): APPEND-ONLY delta rows of the sums
// of the checkouts' stored figures (fig_* of `checkouts`): for new rows by the ledger's insert in
// the same statement (checkout-insert.ts, migration 0010), for updates and deletes by
// statement-level triggers on `checkouts` (migration 0008: one row per group and statement, new
// rows' sums minus old rows'), so concurrent ingest batches never wait on one day row. The report sums a store-day's rows;
// a read that finds many rows replaces them by their sums (compaction, report-source.ts). The
// invariant: per store-day and group, Σ rows = the sums over the checkouts as they stand.
// Groups (kind): 0 per status and fig_key ('' = not priced), 1 per 15-minute bucket of the
// completed ones' completedAt (pos = bucket + offset), 2 per method position, 3 per matrix
// position. `n` counts the rows summed (0 = an empty group); v01… are the kind's sums, in the
// order of storeDaySumValues (src/adapters/db/report-source.ts).
const sumColumn = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
export const storeDaySumDeltas = pgTable(
  'store_day_sum_deltas',
  {
    storeId: uuid('store_id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    kind: smallint('kind').notNull(),
    status: text('status').notNull().default(''),
    figKey: text('fig_key').notNull().default(''),
    pos: bigint('pos', { mode: 'number' }).notNull().default(0),
    n: sumColumn('n'),
    v01: sumColumn('v01'),
    v02: sumColumn('v02'),
    v03: sumColumn('v03'),
    v04: sumColumn('v04'),
    v05: sumColumn('v05'),
    v06: sumColumn('v06'),
    v07: sumColumn('v07'),
    v08: sumColumn('v08'),
    v09: sumColumn('v09'),
    v10: sumColumn('v10'),
    v11: sumColumn('v11'),
    v12: sumColumn('v12'),
    v13: sumColumn('v13'),
    v14: sumColumn('v14'),
    v15: sumColumn('v15'),
    v16: sumColumn('v16'),
    v17: sumColumn('v17'),
    v18: sumColumn('v18'),
    v19: sumColumn('v19'),
    v20: sumColumn('v20'),
    v21: sumColumn('v21'),
    v22: sumColumn('v22'),
    v23: sumColumn('v23'),
    v24: sumColumn('v24'),
    v25: sumColumn('v25'),
    v26: sumColumn('v26'),
    v27: sumColumn('v27'),
  },
  (t) => [index('store_day_sum_deltas_store_day').on(t.storeId, t.businessDate)],
);
