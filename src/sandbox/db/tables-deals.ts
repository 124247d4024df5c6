// 取引 (deals) with their detail lines and payment lines.
import { bigint, date, index, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { freeeSandbox, idStart } from './namespace.js';
import { companies } from './tables-tenancy.js';

const yen = (name: string) => bigint(name, { mode: 'number' });

export const deals = freeeSandbox.table(
  'deals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.deals }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    /** income | expense */
    type: text('type').notNull(),
    partnerId: integer('partner_id'),
    refNumber: text('ref_number'),
    /** 税込 total of the detail lines. */
    amount: yen('amount').notNull(),
    dealOriginName: text('deal_origin_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('deals_company_issue_date').on(t.companyId, t.issueDate)],
);

export const dealDetails = freeeSandbox.table(
  'deal_details',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.dealDetails }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    accountItemId: integer('account_item_id').notNull(),
    taxCode: integer('tax_code').notNull(),
    amount: yen('amount').notNull(),
    vat: yen('vat').notNull(),
    itemId: integer('item_id'),
    sectionId: integer('section_id'),
    partnerId: integer('partner_id'),
    tagIds: jsonb('tag_ids').$type<number[]>().notNull(),
    segment1TagId: integer('segment_1_tag_id'),
    segment2TagId: integer('segment_2_tag_id'),
    segment3TagId: integer('segment_3_tag_id'),
    description: text('description'),
    /** credit | debit */
    entrySide: text('entry_side').notNull(),
  },
  (t) => [index('deal_details_deal').on(t.dealId)],
);

export const dealPayments = freeeSandbox.table(
  'deal_payments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.dealPayments }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    fromWalletableType: text('from_walletable_type').notNull(),
    fromWalletableId: integer('from_walletable_id').notNull(),
    amount: yen('amount').notNull(),
  },
  (t) => [index('deal_payments_deal').on(t.dealId)],
);
