// OAuth 2.0 state: registered clients, authorization codes (10 min) and token pairs.
// Secrets, codes and tokens are stored as sha256 hashes only.
import { integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { freeeSandbox, idStart } from './namespace.js';
import { companies, users } from './tables-tenancy.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const oauthClients = freeeSandbox.table('oauth_clients', {
  clientId: text('client_id').primaryKey(),
  clientSecretHash: text('client_secret_hash').notNull(),
  redirectUris: jsonb('redirect_uris').$type<string[]>().notNull(),
  name: text('name').notNull(),
  createdAt: at('created_at').notNull(),
});

export const oauthCodes = freeeSandbox.table('oauth_codes', {
  codeHash: text('code_hash').primaryKey(),
  clientId: text('client_id')
    .notNull()
    .references(() => oauthClients.clientId),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  companyId: integer('company_id')
    .notNull()
    .references(() => companies.id),
  redirectUri: text('redirect_uri').notNull(),
  /** The scope the client requested (`read`, `write`, space-separated): what its tokens may do. */
  scope: text('scope').notNull().default('read write'),
  codeChallenge: text('code_challenge'),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

export const oauthTokens = freeeSandbox.table('oauth_tokens', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity({ startWith: idStart.tokens }),
  clientId: text('client_id')
    .notNull()
    .references(() => oauthClients.clientId),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  companyId: integer('company_id')
    .notNull()
    .references(() => companies.id),
  /** The granted scope (from the code; kept by refresh). */
  scope: text('scope').notNull().default('read write'),
  accessTokenHash: text('access_token_hash').notNull().unique(),
  refreshTokenHash: text('refresh_token_hash').notNull().unique(),
  accessExpiresAt: at('access_expires_at').notNull(),
  refreshExpiresAt: at('refresh_expires_at').notNull(),
  createdAt: at('created_at').notNull(),
  /** Set when the refresh token was used (single use) — the access token dies with it. */
  refreshedAt: at('refreshed_at'),
  revokedAt: at('revoked_at'),
});
