// FreeeStore over PostgreSQL (drizzle). Secrets are sealed here (AES-256-GCM, AAD = company +
// purpose) and opened only when a use case asks for them. Every token write is one statement or
// one short transaction; the refresh lease is a conditional UPDATE (see app/freee/access-token.ts).
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type {
  ConnectionStatus,
  FreeeAuthorization,
  FreeeConnection,
  FreeeProvider,
  AuthorizationStatus,
  TokenPair,
} from '../../app/freee/model.js';
import type { FreeeStore, SaveConnectionInput, TokenSnapshot } from '../../app/freee/ports.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Pool } from './pool.js';
import {
  freeeAuthorizations,
  freeeConnections,
  freeeStoreConnections,
  stores,
} from './schema/index.js';
import { drizzleOver, inTransaction, type Db } from './unit-of-work.js';

type ConnectionRow = typeof freeeConnections.$inferSelect;
type AuthorizationRow = typeof freeeAuthorizations.$inferSelect;

export const secretPurposes = {
  accessToken: 'freee.access_token',
  refreshToken: 'freee.refresh_token',
  codeVerifier: 'freee.pkce_verifier',
  /** Bound to `installation` (not a company): the sandbox app's client secret. */
  sandboxClientSecret: 'freee.sandbox_client_secret',
} as const;

const toConnection = (r: ConnectionRow): FreeeConnection => ({
  id: r.id,
  companyId: r.companyId,
  provider: r.provider as FreeeProvider,
  freeeCompanyId: r.freeeCompanyId,
  freeeCompanyName: r.freeeCompanyName,
  freeeUserId: r.freeeUserId,
  status: r.status as ConnectionStatus,
  statusCode: r.statusCode,
  statusMessage: r.statusMessage,
  statusChangedAt: r.statusChangedAt,
  canWriteDeals: r.canWriteDeals,
  accessExpiresAt: r.accessExpiresAt,
  tokenGeneration: r.tokenGeneration,
  connectedAt: r.connectedAt,
});

const toAuthorization = (r: AuthorizationRow): FreeeAuthorization => ({
  id: r.id,
  companyId: r.companyId,
  staffId: r.staffId,
  provider: r.provider as FreeeProvider,
  redirectUri: r.redirectUri,
  status: r.status as AuthorizationStatus,
  failureCode: r.failureCode,
  freeeCompanyId: r.freeeCompanyId,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs: anything that is not a uuid matches nothing (instead of a database error). */
const isUuid = (id: string) => uuidPattern.test(id);

export function freeeStoreOver(pool: Pool, box: SecretBox): FreeeStore {
  const db = drizzleOver(pool);
  const seal = (companyId: string, purpose: string, value: string) =>
    box.encrypt(value, { company: companyId, purpose });
  const open = (companyId: string, purpose: string, sealed: string) =>
    box.decrypt(sealed, { company: companyId, purpose });

  const sealedPair = (companyId: string, tokens: TokenPair) => ({
    accessTokenSealed: seal(companyId, secretPurposes.accessToken, tokens.accessToken),
    refreshTokenSealed: seal(companyId, secretPurposes.refreshToken, tokens.refreshToken),
  });

  const openPair = (
    companyId: string,
    row: {
      accessTokenSealed: string | null;
      refreshTokenSealed: string | null;
      accessExpiresAt: Date | null;
    },
    refreshExpiresAt: Date | null,
  ): TokenPair | null => {
    if (!row.accessTokenSealed || !row.refreshTokenSealed || !row.accessExpiresAt) return null;
    return {
      accessToken: open(companyId, secretPurposes.accessToken, row.accessTokenSealed),
      refreshToken: open(companyId, secretPurposes.refreshToken, row.refreshTokenSealed),
      accessExpiresAt: row.accessExpiresAt,
      refreshExpiresAt: refreshExpiresAt ?? row.accessExpiresAt,
    };
  };

  const connectionRow = async (
    companyId: string,
    connectionId: string,
  ): Promise<ConnectionRow | null> => {
    if (!isUuid(connectionId)) return null;
    const rows = await db
      .select()
      .from(freeeConnections)
      .where(and(eq(freeeConnections.id, connectionId), eq(freeeConnections.companyId, companyId)));
    return rows[0] ?? null;
  };

  const authorizationRow = async (
    companyId: string,
    authorizationId: string,
  ): Promise<AuthorizationRow | null> => {
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
  };

  return {
    listConnections: async (companyId) =>
      (
        await db
          .select()
          .from(freeeConnections)
          .where(eq(freeeConnections.companyId, companyId))
          .orderBy(asc(freeeConnections.createdAt))
      ).map(toConnection),

    findConnection: async (companyId, connectionId) => {
      const row = await connectionRow(companyId, connectionId);
      return row ? toConnection(row) : null;
    },

    listStoreConnections: async (companyId) => {
      const rows = await db
        .select({
          storeId: stores.id,
          storeCode: stores.code,
          storeName: stores.name,
          connection: freeeConnections,
        })
        .from(stores)
        .leftJoin(freeeStoreConnections, eq(freeeStoreConnections.storeId, stores.id))
        .leftJoin(freeeConnections, eq(freeeConnections.id, freeeStoreConnections.connectionId))
        .where(eq(stores.companyId, companyId))
        .orderBy(asc(stores.code));
      return rows.map((r) => ({
        storeId: r.storeId,
        storeCode: r.storeCode,
        storeName: r.storeName,
        connection: r.connection ? toConnection(r.connection) : null,
      }));
    },

    saveConnection: (input, now) =>
      inTransaction(pool, (client) =>
        saveConnection(drizzleOver(client), input, sealedPair(input.companyId, input.tokens), now),
      ),

    disconnect: (companyId, connectionId, now) =>
      inTransaction(pool, async (client) => {
        const tx = drizzleOver(client);
        const rows = await tx
          .select()
          .from(freeeConnections)
          .where(
            and(eq(freeeConnections.id, connectionId), eq(freeeConnections.companyId, companyId)),
          )
          .for('update');
        const row = rows[0];
        if (!row) return null;
        const pair = openPair(companyId, row, row.refreshExpiresAt);
        await tx
          .delete(freeeStoreConnections)
          .where(
            and(
              eq(freeeStoreConnections.connectionId, connectionId),
              eq(freeeStoreConnections.companyId, companyId),
            ),
          );
        await tx
          .update(freeeConnections)
          .set({
            status: 'disconnected',
            statusCode: null,
            statusMessage: null,
            statusChangedAt: now,
            accessTokenSealed: null,
            refreshTokenSealed: null,
            accessExpiresAt: null,
            refreshExpiresAt: null,
            refreshLeaseId: null,
            refreshLeaseUntil: null,
            tokenGeneration: sql`${freeeConnections.tokenGeneration} + 1`,
            updatedAt: now,
          })
          .where(eq(freeeConnections.id, connectionId));
        return pair;
      }),

    readTokens: async (companyId, connectionId): Promise<TokenSnapshot | null> => {
      const row = await connectionRow(companyId, connectionId);
      if (!row) return null;
      return {
        connection: toConnection(row),
        tokens: openPair(companyId, row, row.refreshExpiresAt),
        lease:
          row.refreshLeaseId && row.refreshLeaseUntil
            ? { id: row.refreshLeaseId, until: row.refreshLeaseUntil }
            : null,
      };
    },

    claimRefreshLease: async (connectionId, generation, leaseId, now, until) => {
      const rows = await db
        .update(freeeConnections)
        .set({ refreshLeaseId: leaseId, refreshLeaseUntil: until })
        .where(
          and(
            eq(freeeConnections.id, connectionId),
            eq(freeeConnections.tokenGeneration, generation),
            eq(freeeConnections.status, 'connected'),
            or(
              isNull(freeeConnections.refreshLeaseUntil),
              lte(freeeConnections.refreshLeaseUntil, now),
            ),
          ),
        )
        .returning({ id: freeeConnections.id });
      return rows.length === 1;
    },

    storeRefreshedTokens: async (companyId, connectionId, generation, tokens, now) => {
      const rows = await db
        .update(freeeConnections)
        .set({
          ...sealedPair(companyId, tokens),
          accessExpiresAt: tokens.accessExpiresAt,
          refreshExpiresAt: tokens.refreshExpiresAt,
          tokenGeneration: generation + 1,
          refreshLeaseId: null,
          refreshLeaseUntil: null,
          updatedAt: now,
        })
        .where(
          and(
            eq(freeeConnections.id, connectionId),
            eq(freeeConnections.companyId, companyId),
            eq(freeeConnections.tokenGeneration, generation),
          ),
        )
        .returning({ id: freeeConnections.id });
      return rows.length === 1;
    },

    releaseRefreshLease: async (connectionId, leaseId) => {
      await db
        .update(freeeConnections)
        .set({ refreshLeaseId: null, refreshLeaseUntil: null })
        .where(
          and(eq(freeeConnections.id, connectionId), eq(freeeConnections.refreshLeaseId, leaseId)),
        );
    },

    markStatus: async (connectionId, input, now) => {
      const conditions = [eq(freeeConnections.id, connectionId)];
      if (input.generation !== null)
        conditions.push(eq(freeeConnections.tokenGeneration, input.generation));
      const rows = await db
        .update(freeeConnections)
        .set({
          status: input.status,
          statusCode: input.code,
          statusMessage: input.message,
          statusChangedAt: now,
          updatedAt: now,
        })
        .where(and(...conditions))
        .returning({ id: freeeConnections.id });
      return rows.length === 1;
    },

    insertAuthorization: async (input, now) => {
      const rows = await db
        .insert(freeeAuthorizations)
        .values({
          stateHash: input.stateHash,
          companyId: input.companyId,
          staffId: input.staffId,
          provider: input.provider,
          redirectUri: input.redirectUri,
          codeVerifierSealed: seal(
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
        codeVerifier: open(row.companyId, secretPurposes.codeVerifier, row.codeVerifierSealed),
      };
    },

    findAuthorization: async (companyId, authorizationId) => {
      const row = await authorizationRow(companyId, authorizationId);
      return row ? toAuthorization(row) : null;
    },

    recordAuthorized: async (companyId, authorizationId, input) => {
      const rows = await db
        .update(freeeAuthorizations)
        .set({
          ...sealedPair(companyId, input.tokens),
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

    readAuthorizedTokens: async (companyId, authorizationId) => {
      const row = await authorizationRow(companyId, authorizationId);
      return row && row.status === 'authorized' ? openPair(companyId, row, null) : null;
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
        const pair = openPair(companyId, row, null);
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

async function saveConnection(
  tx: Db,
  input: SaveConnectionInput,
  sealed: { accessTokenSealed: string; refreshTokenSealed: string },
  now: Date,
): Promise<FreeeConnection> {
  const values = {
    freeeCompanyName: input.freeeCompanyName,
    freeeUserId: input.freeeUserId,
    status: 'connected',
    statusCode: null,
    statusMessage: null,
    statusChangedAt: now,
    canWriteDeals: input.canWriteDeals,
    ...sealed,
    accessExpiresAt: input.tokens.accessExpiresAt,
    refreshExpiresAt: input.tokens.refreshExpiresAt,
    refreshLeaseId: null,
    refreshLeaseUntil: null,
    connectedAt: now,
    updatedAt: now,
  };
  const row = one(
    await tx
      .insert(freeeConnections)
      .values({
        ...values,
        companyId: input.companyId,
        provider: input.provider,
        freeeCompanyId: input.freeeCompanyId,
        tokenGeneration: 1,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [
          freeeConnections.companyId,
          freeeConnections.provider,
          freeeConnections.freeeCompanyId,
        ],
        set: { ...values, tokenGeneration: sql`${freeeConnections.tokenGeneration} + 1` },
      })
      .returning(),
  );
  if (input.releasedStoreIds.length > 0) {
    await tx
      .delete(freeeStoreConnections)
      .where(
        and(
          eq(freeeStoreConnections.companyId, input.companyId),
          eq(freeeStoreConnections.connectionId, row.id),
          inArray(freeeStoreConnections.storeId, [...input.releasedStoreIds]),
        ),
      );
  }
  for (const storeId of input.storeIds) {
    await tx
      .insert(freeeStoreConnections)
      .values({
        storeId,
        companyId: input.companyId,
        connectionId: row.id,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: freeeStoreConnections.storeId,
        set: { connectionId: row.id, updatedAt: now },
        setWhere: eq(freeeStoreConnections.companyId, input.companyId),
      });
  }
  return toConnection(row);
}

function one<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('expected one row, got none');
  return row;
}
