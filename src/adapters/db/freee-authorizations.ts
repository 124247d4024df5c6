// The OAuth authorizations in flight (state → PKCE verifier, then the authorized pair until a
// connection is registered from it) and their purge.
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { FreeeStore } from '../../app/freee/ports.js';
import { isUuid, one, toAuthorization, type AuthorizationRow } from './freee-rows.js';
import { secretPurposes, type FreeeSecrets } from './freee-secrets.js';
import type { Pool } from './pool.js';
import { freeeAuthorizations } from './schema/index.js';
import { drizzleOver, inTransaction, type Db } from './unit-of-work.js';

type AuthorizationOps = Pick<
  FreeeStore,
  | 'insertAuthorization'
  | 'findAuthorizationByState'
  | 'findAuthorization'
  | 'recordAuthorized'
  | 'readAuthorizedTokens'
  | 'claimAuthorizedTokens'
  | 'finishAuthorization'
  | 'purgeAuthorizations'
>;

async function authorizationRow(
  db: Db,
  companyId: string,
  authorizationId: string,
): Promise<AuthorizationRow | null> {
  if (!isUuid(authorizationId)) return null;
  const rows = await db
    .select()
    .from(freeeAuthorizations)
    .where(
      and(
        eq(freeeAuthorizations.id, authorizationId),
        eq(freeeAuthorizations.companyId, companyId),
      ),
    );
  return rows[0] ?? null;
}

export function authorizationOpsOver(pool: Pool, db: Db, secrets: FreeeSecrets): AuthorizationOps {
  return {
    ...authorizationStartOver(db, secrets),

    findAuthorization: async (companyId, authorizationId) => {
      const row = await authorizationRow(db, companyId, authorizationId);
      return row ? toAuthorization(row) : null;
    },

    readAuthorizedTokens: async (companyId, authorizationId) => {
      const row = await authorizationRow(db, companyId, authorizationId);
      return row && row.status === 'authorized' ? secrets.openPair(companyId, row, null) : null;
    },

    claimAuthorizedTokens: async (companyId, authorizationId, now) => {
      if (!isUuid(authorizationId)) return null;
      return inTransaction(pool, async (client) => {
        const tx = drizzleOver(client);
        const where = and(
          eq(freeeAuthorizations.id, authorizationId),
          eq(freeeAuthorizations.companyId, companyId),
          eq(freeeAuthorizations.status, 'authorized'),
        );
        const row = (await tx.select().from(freeeAuthorizations).where(where).for('update'))[0];
        if (!row) return null;
        const pair = secrets.openPair(companyId, row, null);
        await tx
          .update(freeeAuthorizations)
          .set({
            status: 'registered',
            finishedAt: now,
            accessTokenSealed: null,
            refreshTokenSealed: null,
          })
          .where(eq(freeeAuthorizations.id, row.id));
        return pair;
      });
    },

    ...authorizationEndOver(db),
  };
}

/** Start (state hash + sealed verifier), look-up by state, and the authorized pair. */
function authorizationStartOver(
  db: Db,
  secrets: FreeeSecrets,
): Pick<FreeeStore, 'insertAuthorization' | 'findAuthorizationByState' | 'recordAuthorized'> {
  return {
    insertAuthorization: async (input, now) => {
      const rows = await db
        .insert(freeeAuthorizations)
        .values({
          stateHash: input.stateHash,
          companyId: input.companyId,
          staffId: input.staffId,
          provider: input.provider,
          redirectUri: input.redirectUri,
          codeVerifierSealed: secrets.seal(
            input.companyId,
            secretPurposes.codeVerifier,
            input.codeVerifier,
          ),
          status: 'started',
          createdAt: now,
          expiresAt: input.expiresAt,
        })
        .returning();
      return toAuthorization(one(rows));
    },

    findAuthorizationByState: async (stateHash) => {
      const row = (
        await db
          .select()
          .from(freeeAuthorizations)
          .where(eq(freeeAuthorizations.stateHash, stateHash))
      )[0];
      if (!row) return null;
      return {
        ...toAuthorization(row),
        codeVerifier: secrets.open(
          row.companyId,
          secretPurposes.codeVerifier,
          row.codeVerifierSealed,
        ),
      };
    },

    recordAuthorized: async (companyId, authorizationId, input) => {
      const rows = await db
        .update(freeeAuthorizations)
        .set({
          ...secrets.sealedPair(companyId, input.tokens),
          accessExpiresAt: input.tokens.accessExpiresAt,
          freeeCompanyId: input.freeeCompanyId,
          status: 'authorized',
          expiresAt: input.expiresAt,
        })
        .where(
          and(
            eq(freeeAuthorizations.id, authorizationId),
            eq(freeeAuthorizations.companyId, companyId),
            eq(freeeAuthorizations.status, 'started'),
          ),
        )
        .returning({ id: freeeAuthorizations.id });
      return rows.length === 1;
    },
  };
}

/** Finish (tokens wiped) and purge of the expired ones. */
function authorizationEndOver(
  db: Db,
): Pick<FreeeStore, 'finishAuthorization' | 'purgeAuthorizations'> {
  return {
    finishAuthorization: async (companyId, authorizationId, input, now) => {
      if (!isUuid(authorizationId)) return;
      await db
        .update(freeeAuthorizations)
        .set({
          status: input.status,
          failureCode: input.failureCode,
          finishedAt: now,
          accessTokenSealed: null,
          refreshTokenSealed: null,
        })
        .where(
          and(
            eq(freeeAuthorizations.id, authorizationId),
            eq(freeeAuthorizations.companyId, companyId),
            inArray(freeeAuthorizations.status, ['started', 'authorized']),
          ),
        );
    },

    purgeAuthorizations: async (companyId, before, rowsMax) => {
      const victims = db
        .select({ id: freeeAuthorizations.id })
        .from(freeeAuthorizations)
        .where(
          and(
            eq(freeeAuthorizations.companyId, companyId),
            lt(freeeAuthorizations.expiresAt, before),
          ),
        )
        .limit(rowsMax);
      const rows = await db
        .delete(freeeAuthorizations)
        .where(inArray(freeeAuthorizations.id, victims))
        .returning({ id: freeeAuthorizations.id });
      return rows.length;
    },
  };
}
