// Sandbox users, 事業所 (companies), memberships and fiscal years (freee: users/me, companies).
import { boolean, date, integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { freeeSandbox, idStart } from './namespace.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = freeeSandbox.table('users', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.users }),
  email: text('email').notNull().unique(),
  /** scrypt hash of the sign-in password of the consent page (issue #10 item 3); null: cannot sign in. */
  passwordHash: text('password_hash'),
  displayName: text('display_name'),
  firstName: text('first_name'),
  lastName: text('last_name'),
  firstNameKana: text('first_name_kana'),
  lastNameKana: text('last_name_kana'),
  createdAt: at('created_at').notNull(),
});

export const companies = freeeSandbox.table('companies', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.companies }),
  name: text('name').notNull(),
  nameKana: text('name_kana'),
  displayName: text('display_name').notNull(),
  companyNumber: text('company_number').notNull(),
  /** 1 法人, 2 個人. */
  orgCode: integer('org_code').notNull().default(1),
  /** 0 切り捨て, 1 切り上げ, 2 四捨五入 (amounts entered on screen; not the tax fraction). */
  amountFraction: integer('amount_fraction').notNull().default(0),
  usePartnerCode: boolean('use_partner_code').notNull().default(false),
  /** 品目コードを使用する (a company setting freee does not return; items then carry `code`). */
  useItemCode: boolean('use_item_code').notNull().default(false),
  /** How many セグメント the plan allows (0 on most plans; 1 アドバンス, 3 エンタープライズ). */
  segmentsAvailable: integer('segments_available').notNull().default(0),
  externalCid: text('external_cid').notNull(),
  createdAt: at('created_at').notNull(),
});

export const members = freeeSandbox.table(
  'members',
  {
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** admin | simple_accounting | self_only | read_only | workflow | product_linkage */
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.userId] })],
);

export const fiscalYears = freeeSandbox.table('fiscal_years', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.fiscalYears }),
  companyId: integer('company_id')
    .notNull()
    .references(() => companies.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  isClosed: boolean('is_closed').notNull().default(false),
  /** 本締め日: deals on or before it are frozen. */
  monthEndDate: date('month_end_date', { mode: 'string' }),
  tempMonthEndDate: date('temp_month_end_date', { mode: 'string' }),
  taxMethod: integer('tax_method').notNull().default(2),
  salesTaxBusinessCode: integer('sales_tax_business_code').notNull().default(1),
  /** 消費税端数処理: 0 切り捨て, 1 切り上げ, 2 四捨五入. */
  taxFraction: integer('tax_fraction').notNull().default(0),
  taxAccountMethod: integer('tax_account_method').notNull().default(0),
});
