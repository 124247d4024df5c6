// The master-sync wing's tables (its own migration set: drizzle-masters/, drizzle.masters.config.ts):
// freee's masters as imported per company and 事業所, the import state per master, the schedule, the
// runs with their per-master results, and the mail outbox (mails kept when no SMTP is configured).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from '../tenancy.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const companyRef = () =>
  uuid('company_id')
    .notNull()
    .references(() => companies.id);

export const masterRecords = pgTable(
  'master_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: companyRef(),
    freeeCompanyId: integer('freee_company_id').notNull(),
    master: text('master').notNull(),
    /** freee's id (tax codes: the code; segment tags: `<segment>:<id>`). */
    key: text('key').notNull(),
    code: text('code'),
    name: text('name').notNull(),
    /** freee's `available` where the master has one. */
    available: boolean('available'),
    updateDate: date('update_date', { mode: 'string' }),
    data: jsonb('data').notNull(),
    archived: boolean('archived').notNull().default(false),
    archivedAt: at('archived_at'),
    syncedAt: at('synced_at').notNull(),
  },
  (t) => [uniqueIndex('master_records_key').on(t.companyId, t.freeeCompanyId, t.master, t.key)],
);

export const masterImportStates = pgTable(
  'master_import_states',
  {
    companyId: companyRef(),
    freeeCompanyId: integer('freee_company_id').notNull(),
    master: text('master').notNull(),
    /** JST day of the last complete import; null = the next run is full. */
    lastImportDate: date('last_import_date', { mode: 'string' }),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.freeeCompanyId, t.master] })],
);

export const masterSyncSchedules = pgTable(
  'master_sync_schedules',
  {
    companyId: companyRef().primaryKey(),
    enabled: boolean('enabled').notNull(),
    hour: integer('hour').notNull(),
    connectionId: uuid('connection_id').notNull(),
    enabledByStaffId: uuid('enabled_by_staff_id'),
    enabledByLabel: text('enabled_by_label').notNull(),
    notifyEmail: text('notify_email').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [check('master_sync_schedules_hour', sql`${t.hour} between 0 and 23`)],
);

export const masterSyncRuns = pgTable(
  'master_sync_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: companyRef(),
    trigger: text('trigger').notNull(),
    status: text('status').notNull(),
    full: boolean('full').notNull(),
    masters: jsonb('masters').$type<string[]>().notNull(),
    connectionId: uuid('connection_id'),
    freeeCompanyId: integer('freee_company_id'),
    requestedBy: text('requested_by').notNull(),
    reason: text('reason'),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    uniqueIndex('master_sync_runs_one_running')
      .on(t.companyId)
      .where(sql`${t.status} = 'running'`),
    check(
      'master_sync_runs_status',
      sql`${t.status} in ('running','succeeded','failed','stopped','skipped','not_run')`,
    ),
  ],
);

export const masterSyncResults = pgTable(
  'master_sync_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => masterSyncRuns.id),
    master: text('master').notNull(),
    mode: text('mode').notNull(),
    target: integer('target').notNull(),
    succeeded: integer('succeeded').notNull(),
    failed: integer('failed').notNull(),
    archived: integer('archived').notNull(),
    failures: jsonb('failures').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.master] })],
);

export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  createdAt: at('created_at').notNull(),
});
