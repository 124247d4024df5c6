// Masters of a sandbox 事業所: 勘定科目, 税区分, 品目, 取引先, メモタグ, 部門, セグメントタグ, 口座, 明細.
import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { freeeSandbox, idStart } from './namespace.js';
import { companies } from './tables-tenancy.js';

const companyId = () =>
  integer('company_id')
    .notNull()
    .references(() => companies.id);
const updateDate = () => date('update_date', { mode: 'string' }).notNull();
const yen = (name: string) => bigint(name, { mode: 'number' });

export const accountItems = freeeSandbox.table(
  'account_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.accountItems }),
    companyId: companyId(),
    name: text('name').notNull(),
    shortcut: text('shortcut'),
    shortcutNum: text('shortcut_num'),
    taxCode: integer('tax_code').notNull(),
    accountCategory: text('account_category').notNull(),
    accountCategoryId: integer('account_category_id').notNull(),
    categories: jsonb('categories').$type<string[]>().notNull(),
    available: boolean('available').notNull().default(true),
    walletableId: integer('walletable_id'),
    groupName: text('group_name'),
    correspondingIncomeId: integer('corresponding_income_id'),
    correspondingExpenseId: integer('corresponding_expense_id'),
    updateDate: updateDate(),
  },
  (t) => [uniqueIndex('account_items_company_name').on(t.companyId, t.name)],
);

export const taxes = freeeSandbox.table(
  'taxes',
  {
    companyId: companyId(),
    code: integer('code').notNull(),
    name: text('name').notNull(),
    nameJa: text('name_ja').notNull(),
    displayCategory: text('display_category'),
    available: boolean('available').notNull(),
    /** 10, 8 or 0 (no tax on the line: 対象外, 非課売上 …). */
    ratePercent: integer('rate_percent').notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.code] })],
);

export const items = freeeSandbox.table(
  'items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.items }),
    companyId: companyId(),
    name: text('name').notNull(),
    shortcut1: text('shortcut1'),
    shortcut2: text('shortcut2'),
    code: text('code'),
    available: boolean('available').notNull().default(true),
    updateDate: updateDate(),
  },
  (t) => [
    uniqueIndex('items_company_name').on(t.companyId, t.name),
    uniqueIndex('items_company_code').on(t.companyId, t.code),
  ],
);

export const partners = freeeSandbox.table(
  'partners',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.partners }),
    companyId: companyId(),
    name: text('name').notNull(),
    code: text('code'),
    shortcut1: text('shortcut1'),
    shortcut2: text('shortcut2'),
    longName: text('long_name'),
    nameKana: text('name_kana'),
    orgCode: integer('org_code'),
    countryCode: text('country_code').notNull().default('JP'),
    available: boolean('available').notNull().default(true),
    updateDate: updateDate(),
  },
  (t) => [uniqueIndex('partners_company_name').on(t.companyId, t.name)],
);

export const tags = freeeSandbox.table(
  'tags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.tags }),
    companyId: companyId(),
    name: text('name').notNull(),
    shortcut1: text('shortcut1'),
    shortcut2: text('shortcut2'),
    updateDate: updateDate(),
  },
  (t) => [uniqueIndex('tags_company_name').on(t.companyId, t.name)],
);

export const sections = freeeSandbox.table(
  'sections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.sections }),
    companyId: companyId(),
    name: text('name').notNull(),
    longName: text('long_name'),
    shortcut1: text('shortcut1'),
    shortcut2: text('shortcut2'),
    code: text('code'),
    available: boolean('available').notNull().default(true),
    updateDate: updateDate(),
  },
  (t) => [uniqueIndex('sections_company_name').on(t.companyId, t.name)],
);

export const segmentTags = freeeSandbox.table('segment_tags', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.segmentTags }),
  companyId: companyId(),
  segmentId: integer('segment_id').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  shortcut1: text('shortcut1'),
  shortcut2: text('shortcut2'),
  code: text('code'),
  updateDate: updateDate(),
});

export const walletables = freeeSandbox.table(
  'walletables',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.walletables }),
    companyId: companyId(),
    name: text('name').notNull(),
    /** bank_account | credit_card | wallet */
    type: text('type').notNull(),
    bankId: integer('bank_id'),
    walletableBalance: yen('walletable_balance').notNull().default(0),
    lastBalance: yen('last_balance').notNull().default(0),
    updateDate: updateDate(),
  },
  (t) => [uniqueIndex('walletables_company_name').on(t.companyId, t.name)],
);

export const walletTxns = freeeSandbox.table('wallet_txns', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.walletTxns }),
  companyId: companyId(),
  walletableId: integer('walletable_id')
    .notNull()
    .references(() => walletables.id),
  walletableType: text('walletable_type').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  amount: yen('amount').notNull(),
  dueAmount: yen('due_amount').notNull(),
  balance: yen('balance'),
  entrySide: text('entry_side').notNull(),
  description: text('description').notNull().default(''),
  /** 1 消込待ち, 2 消込済み, 3 無視, 4 消込中, 6 対象外. */
  status: integer('status').notNull().default(1),
  ruleMatched: boolean('rule_matched').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
