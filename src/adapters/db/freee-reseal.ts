// After a key rotation: re-seals every freee secret still sealed with an older key, so the old
// key can be retired (docs/freee-connection.md). Each value is replaced by a conditional UPDATE
// (only if it is still the value read), so a concurrent refresh is never overwritten.
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { SecretBox } from '../crypto/secret-box.js';
import { secretPurposes } from './freee-store.js';
import type { Pool } from './pool.js';
import { freeeAuthorizations, freeeConnections, freeeSandboxApps } from './schema/index.js';
import { drizzleOver } from './unit-of-work.js';

/** Rows visited per table; more is an error (run again after raising it). */
export const resealRowsMax = 100_000;

export class ResealLimitError extends Error {
  readonly code = 'reseal_rows_limit';
  constructor(table: string) {
    super(`more than ${resealRowsMax} rows in ${table}`);
    this.name = 'ResealLimitError';
  }
}

interface SealedColumn {
  table: PgTable;
  name: string;
  key: PgColumn;
  column: PgColumn;
  company: PgColumn | null;
  purpose: string;
}

const columns: SealedColumn[] = [
  {
    table: freeeConnections,
    name: 'freee_connections.access_token_sealed',
    key: freeeConnections.id,
    column: freeeConnections.accessTokenSealed,
    company: freeeConnections.companyId,
    purpose: secretPurposes.accessToken,
  },
  {
    table: freeeConnections,
    name: 'freee_connections.refresh_token_sealed',
    key: freeeConnections.id,
    column: freeeConnections.refreshTokenSealed,
    company: freeeConnections.companyId,
    purpose: secretPurposes.refreshToken,
  },
  {
    table: freeeAuthorizations,
    name: 'freee_authorizations.code_verifier_sealed',
    key: freeeAuthorizations.id,
    column: freeeAuthorizations.codeVerifierSealed,
    company: freeeAuthorizations.companyId,
    purpose: secretPurposes.codeVerifier,
  },
  {
    table: freeeAuthorizations,
    name: 'freee_authorizations.access_token_sealed',
    key: freeeAuthorizations.id,
    column: freeeAuthorizations.accessTokenSealed,
    company: freeeAuthorizations.companyId,
    purpose: secretPurposes.accessToken,
  },
  {
    table: freeeAuthorizations,
    name: 'freee_authorizations.refresh_token_sealed',
    key: freeeAuthorizations.id,
    column: freeeAuthorizations.refreshTokenSealed,
    company: freeeAuthorizations.companyId,
    purpose: secretPurposes.refreshToken,
  },
  {
    table: freeeSandboxApps,
    name: 'freee_sandbox_apps.client_secret_sealed',
    key: freeeSandboxApps.redirectUri,
    column: freeeSandboxApps.clientSecretSealed,
    company: null,
    purpose: secretPurposes.sandboxClientSecret,
  },
];

/** Returns how many values were re-sealed with the current key. */
export async function resealFreeeSecrets(pool: Pool, box: SecretBox): Promise<number> {
  const db = drizzleOver(pool);
  let resealed = 0;
  for (const target of columns) {
    const rows = (await db
      .select({ key: target.key, value: target.column, company: target.company ?? target.key })
      .from(target.table)
      .limit(resealRowsMax + 1)) as { key: string; value: string | null; company: string }[];
    if (rows.length > resealRowsMax) throw new ResealLimitError(target.name);
    for (const row of rows) {
      if (!row.value || box.keyIdOfSealed(row.value) === box.currentKeyId) continue;
      const binding = {
        company: target.company ? row.company : 'installation',
        purpose: target.purpose,
      };
      const fresh = box.encrypt(box.decrypt(row.value, binding), binding);
      const updated = await db
        .update(target.table)
        .set({ [columnProperty(target)]: fresh })
        .where(and(eq(target.key, row.key), eq(target.column, row.value)))
        .returning({ key: target.key });
      resealed += updated.length;
    }
  }
  return resealed;
}

function columnProperty(target: SealedColumn): string {
  const entry = Object.entries(target.table).find(([, value]) => value === target.column);
  if (!entry) throw new Error(`column ${target.name} not found on its table`);
  return entry[0];
}
