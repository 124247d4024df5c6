// 消込 (issue 12), its own migration set (drizzle-reconcile/, drizzle.reconcile.config.ts):
// - reconcile_statement_lines: each imported bank line once per company (key: the bank's reference
//   or the content and its occurrence that day; a second import or an overlapping period adds none).
// - reconcile_applications: one accepted suggestion being applied: the line, the plan, its state.
// - reconcile_claims: which application holds each receivable (freee deal); the primary key makes
//   two users applying at once unable to both settle one receivable. Undo releases the claims.
// - reconcile_writes: every freee write of an application, the intent recorded BEFORE the call
//   and freee's id after the answer; an intent without an id means "look in freee before writing".
// - reconcile_aliases: payer names learned when a user confirms a match.
// - reconcile_settings: the automatic apply of unique exact matches, per company.
import {
  bigint,
  boolean,
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
import { companies } from '../tenancy.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const company = () =>
  uuid('company_id')
    .notNull()
    .references(() => companies.id);

export const reconcileStatementLines = pgTable(
  'reconcile_statement_lines',
  {
    companyId: company(),
    key: text('key').notNull(),
    account: text('account').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    amountYen: bigint('amount_yen', { mode: 'number' }).notNull(),
    direction: text('direction', { enum: ['deposit', 'withdrawal'] }).notNull(),
    payerName: text('payer_name').notNull(),
    description: text('description').notNull(),
    balanceYen: bigint('balance_yen', { mode: 'number' }),
    importedAt: at('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.key] }), index().on(t.companyId, t.date)],
);

export const reconcileApplications = pgTable('reconcile_applications', {
  id: uuid('id').primaryKey(),
  companyId: company(),
  lineKey: text('line_key').notNull(),
  /** ApplyPlan (src/domain/reconcile/apply-plan.ts) with the walletable it goes through. */
  plan: jsonb('plan').notNull(),
  state: text('state', { enum: ['applying', 'applied', 'undoing', 'undone'] }).notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull(),
});

export const reconcileClaims = pgTable(
  'reconcile_claims',
  {
    companyId: company(),
    dealId: bigint('deal_id', { mode: 'number' }).notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => reconcileApplications.id),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.dealId] })],
);

export const reconcileWrites = pgTable(
  'reconcile_writes',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => reconcileApplications.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['payment', 'difference_deal'] }).notNull(),
    /** The deal a payment settles (null for the difference deal). */
    dealId: bigint('deal_id', { mode: 'number' }),
    amountYen: bigint('amount_yen', { mode: 'number' }).notNull(),
    intentAt: at('intent_at').notNull(),
    /** freee's payment id or difference deal id, once freee answered. */
    freeeId: bigint('freee_id', { mode: 'number' }),
    doneAt: at('done_at'),
    undoneAt: at('undone_at'),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);

export const reconcileAliases = pgTable(
  'reconcile_aliases',
  {
    companyId: company(),
    partnerId: bigint('partner_id', { mode: 'number' }).notNull(),
    payerName: text('payer_name').notNull(),
    learnedAt: at('learned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.payerName, t.partnerId] })],
);

/** Per company: apply unique exact matches without a click (off until the company turns it on);
 *  the bank account's 明細 are synced in freee (then Uriage suggests only and writes nothing). */
export const reconcileSettings = pgTable('reconcile_settings', {
  companyId: company().primaryKey(),
  autoApplyExact: boolean('auto_apply_exact').notNull(),
  bankSynced: boolean('bank_synced').notNull().default(false),
  updatedAt: at('updated_at').notNull(),
});
