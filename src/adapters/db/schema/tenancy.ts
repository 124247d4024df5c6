// Company → stores → registers, payment methods and staff (issue 2, spec daily-report.md §1).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    roundingMode: text('rounding_mode').notNull().default('floor'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [check('companies_rounding_mode', sql`${t.roundingMode} in ('floor','half-up','ceil')`)],
);

export const stores = pgTable(
  'stores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
    /** ReportSettings (src/domain/report/types.ts); null = defaults. */
    reportSettings: jsonb('report_settings'),
    /** { kind: 'escpos'|'starprnt', host, port } or null. */
    printer: jsonb('printer'),
    /**
     * true: the store's freee ref_numbers are `URG-<store>-…` (posted before #10: kept so that its
     * deals are still found); false: `URG-<company>.<store>-…`, unique per Uriage company.
     */
    legacyRefNumbers: boolean('legacy_ref_numbers').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('stores_company_code').on(t.companyId, t.code)],
);

export const registers = pgTable(
  'registers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id),
    code: text('code').notNull(),
    name: text('name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('registers_store_code').on(t.storeId, t.code)],
);

export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    givesChange: boolean('gives_change').notNull(),
    settlement: text('settlement').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('payment_methods_company_code').on(t.companyId, t.code),
    uniqueIndex('payment_methods_one_cash')
      .on(t.companyId)
      .where(sql`${t.kind} = 'cash'`),
    check(
      'payment_methods_kind',
      sql`${t.kind} in ('cash','card','emoney','qr','voucher','receivable','other')`,
    ),
    check('payment_methods_settlement', sql`${t.settlement} in ('settled','unsettled')`),
    check('payment_methods_cash_gives_change', sql`${t.kind} <> 'cash' or ${t.givesChange}`),
  ],
);

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('staff_company_code').on(t.companyId, t.code),
    check('staff_role', sql`${t.role} in ('admin','manager','staff')`),
  ],
);
