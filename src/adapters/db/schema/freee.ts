// freee連携 (issue 5): connections of a company to freee 事業所, which store posts to which
// connection, OAuth authorizations in progress (state + PKCE verifier, then the token pair until
// 登録), and the OAuth applications this installation registered in its built-in sandbox.
// Tokens, verifiers and client secrets are stored encrypted (src/adapters/crypto/secret-box.ts).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, staff, stores } from './tenancy.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const freeeConnections = pgTable(
  'freee_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** `freee` (api.freee.co.jp) or `sandbox` (the built-in sandbox). */
    provider: text('provider').notNull(),
    freeeCompanyId: bigint('freee_company_id', { mode: 'number' }).notNull(),
    freeeCompanyName: text('freee_company_name').notNull(),
    freeeUserId: bigint('freee_user_id', { mode: 'number' }),
    /** connected | expired | error | disconnected. */
    status: text('status').notNull(),
    /** Stable English reason (e.g. invalid_grant, user_do_not_have_permission); null when connected. */
    statusCode: text('status_code'),
    /** Japanese message shown with the status. */
    statusMessage: text('status_message'),
    statusChangedAt: at('status_changed_at').notNull(),
    /** users/capabilities deals.create at the last check. */
    canWriteDeals: boolean('can_write_deals'),
    accessTokenSealed: text('access_token_sealed'),
    refreshTokenSealed: text('refresh_token_sealed'),
    accessExpiresAt: at('access_expires_at'),
    refreshExpiresAt: at('refresh_expires_at'),
    /** +1 each time a token pair is stored; conditional updates compare it. */
    tokenGeneration: integer('token_generation').notNull().default(0),
    /** The refresh lease: who may refresh now, and until when (by the injected clock). */
    refreshLeaseId: uuid('refresh_lease_id'),
    refreshLeaseUntil: at('refresh_lease_until'),
    connectedAt: at('connected_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('freee_connections_company_target').on(t.companyId, t.provider, t.freeeCompanyId),
    check('freee_connections_provider', sql`${t.provider} in ('freee','sandbox')`),
    check(
      'freee_connections_status',
      sql`${t.status} in ('connected','expired','error','disconnected')`,
    ),
  ],
);

export const freeeStoreConnections = pgTable(
  'freee_store_connections',
  {
    storeId: uuid('store_id')
      .primaryKey()
      .references(() => stores.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => freeeConnections.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('freee_store_connections_connection').on(t.connectionId)],
);

export const freeeAuthorizations = pgTable(
  'freee_authorizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** sha256 of the OAuth `state` sent to freee. */
    stateHash: text('state_hash').notNull().unique(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    staffId: uuid('staff_id').references(() => staff.id),
    provider: text('provider').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    codeVerifierSealed: text('code_verifier_sealed').notNull(),
    /** started → authorized (tokens held until 登録) → registered | failed | cancelled. */
    status: text('status').notNull(),
    failureCode: text('failure_code'),
    accessTokenSealed: text('access_token_sealed'),
    refreshTokenSealed: text('refresh_token_sealed'),
    accessExpiresAt: at('access_expires_at'),
    /** company_id of the token reply: the 事業所 chosen on freee's page. */
    freeeCompanyId: bigint('freee_company_id', { mode: 'number' }),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('freee_authorizations_company').on(t.companyId),
    check('freee_authorizations_provider', sql`${t.provider} in ('freee','sandbox')`),
    check(
      'freee_authorizations_status',
      sql`${t.status} in ('started','authorized','registered','failed','cancelled')`,
    ),
  ],
);

export const freeeSandboxApps = pgTable('freee_sandbox_apps', {
  redirectUri: text('redirect_uri').primaryKey(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed').notNull(),
  createdAt: at('created_at').notNull(),
});
