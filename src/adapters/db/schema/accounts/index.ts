// The accounts wing's tables (its own migration set: drizzle-accounts/, drizzle.accounts.config.ts):
// per staff member the mail address for reset links and whether the password must be changed at the
// next login (after an admin's reset); the mailed reset tokens, stored only as a sha256, single-use,
// 30 minutes.
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from '../tenancy.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const staffAccounts = pgTable('staff_accounts', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staff.id),
  email: text('email'),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  updatedAt: at('updated_at').notNull(),
});

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('password_reset_tokens_staff').on(t.staffId, t.createdAt)],
);
