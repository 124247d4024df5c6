// 日報 printing (issue 4): one row per print request of a store-day's report — at the close, from the
// console/API, or retried. The row is written BEFORE the job is queued (intent first), and records
// every attempt's outcome, so a report whose printer was off is never lost: the console shows the
// Japanese reason and a 再印刷 button.
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
