// FreeeStore over PostgreSQL (drizzle). Secrets are sealed here (AES-256-GCM, AAD = company +
// purpose) and opened only when a use case asks for them. Every token write is one statement or
// one short transaction; the refresh lease is a conditional UPDATE (see app/freee/access-token.ts).
// The store is composed per concern: connections (freee-connections.ts), the refresh lease
// (freee-token-lease.ts), the OAuth authorizations (freee-authorizations.ts).
import type { FreeeStore } from '../../app/freee/ports.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { authorizationOpsOver } from './freee-authorizations.js';
import { connectionQueriesOver } from './freee-connections.js';
import { freeeSecretsOver } from './freee-secrets.js';
import { leaseOpsOver } from './freee-token-lease.js';
import type { Pool } from './pool.js';
import { refScopeCollisionsOver } from './ref-scope.js';
import { drizzleOver } from './unit-of-work.js';

export { secretPurposes } from './freee-secrets.js';

export function freeeStoreOver(pool: Pool, box: SecretBox): FreeeStore {
  const db = drizzleOver(pool);
  const secrets = freeeSecretsOver(box);
  return {
    ...connectionQueriesOver(pool, db, secrets),
    ...leaseOpsOver(db, secrets),
    ...authorizationOpsOver(pool, db, secrets),
    refScopeCollisions: (input) => refScopeCollisionsOver(pool, input),
  };
}
