// The register wing's own tables (issue 13), migrated from drizzle-register/ (its own migration set,
// src/main/migration-sets.ts): 商品マスター with its history, and the company's 登録番号.
// Not exported from the main schema index; companies are referenced by id.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from '../tenancy.js';

const taxCategoryCheck = (column: unknown) =>
  sql`${column} in ('standard10','reduced8','exempt','nonSales')`;

export const products = pgTable(
  'register_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    priceYen: integer('price_yen').notNull(),
    priceMode: text('price_mode').notNull(),
    taxCategory: text('tax_category').notNull(),
    category: text('category').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('register_products_company_code').on(t.companyId, t.code),
    check('register_products_price', sql`${t.priceYen} >= 0`),
    check('register_products_price_mode', sql`${t.priceMode} in ('inclusive','exclusive')`),
    check('register_products_tax_category', taxCategoryCheck(t.taxCategory)),
  ],
);

/** Every version of every product: past checkouts keep the names and prices they were sold at. */
export const productVersions = pgTable(
  'register_product_versions',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    priceYen: integer('price_yen').notNull(),
    priceMode: text('price_mode').notNull(),
    taxCategory: text('tax_category').notNull(),
    category: text('category').notNull(),
    active: boolean('active').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.version] })],
);

/** The company's 適格請求書発行事業者の登録番号 (`T` + 13 digits), printed on receipts. */
export const invoiceSettings = pgTable('register_invoice_settings', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  registrationNumber: text('registration_number'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** One-time pairing codes (issue 13 §4): only a sha256 of the code is kept; used once, then spent. */
export const pairingCodes = pgTable('register_pairing_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id')
    .notNull()
    .references(() => companies.id),
  storeCode: text('store_code').notNull(),
  registerCode: text('register_code').notNull(),
  codeHash: text('code_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * Every print of a checkout's receipt or 領収書 (receipt spec: 再発行 marked). The row is written
 * before the printer is called (the intent), then marked printed or failed. `reissue`: an earlier
 * issue of the same kind was printed, so this one says 【再発行】.
 */
export const receiptIssues = pgTable(
  'register_receipt_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order (the list shows the issues in the order they were asked for). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    checkoutId: text('checkout_id').notNull(),
    revision: integer('revision').notNull(),
    /** `receipt` (レシート) or `formal` (領収書). */
    kind: text('kind').notNull(),
    /** 1 for the first issue of this kind of this checkout, then 2, 3, … */
    count: integer('count').notNull(),
    reissue: boolean('reissue').notNull(),
    addressee: text('addressee'),
    note: text('note'),
    /** `register` or `console`. */
    source: text('source').notNull(),
    requestedBy: text('requested_by').notNull(),
    /** printing → printed | failed. */
    status: text('status').notNull(),
    reason: text('reason'),
    printerAddress: text('printer_address'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('register_receipt_issues_count').on(t.companyId, t.checkoutId, t.kind, t.count),
    check('register_receipt_issues_kind', sql`${t.kind} in ('receipt','formal')`),
    check('register_receipt_issues_status', sql`${t.status} in ('printing','printed','failed')`),
    check('register_receipt_issues_count_min', sql`${t.count} >= 1`),
  ],
);
