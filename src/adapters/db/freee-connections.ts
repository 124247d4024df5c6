// The freee connections of a company and the stores mapped to them: reads, the save (one
// transaction: upsert the connection with its new pair, then map the stores) and the disconnect.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FreeeConnection, TokenPair } from '../../app/freee/model.js';
import type { FreeeStore, SaveConnectionInput, TokenSnapshot } from '../../app/freee/ports.js';
import { isUuid, one, toConnection, type ConnectionRow } from './freee-rows.js';
import type { FreeeSecrets, SealedPair } from './freee-secrets.js';
import type { Pool } from './pool.js';
import { freeeConnections, freeeStoreConnections, stores } from './schema/index.js';
import { drizzleOver, inTransaction, type Db } from './unit-of-work.js';

type ConnectionQueries = Pick<
  FreeeStore,
  | 'listConnections'
  | 'findConnection'
  | 'listStoreConnections'
  | 'findStoreConnection'
  | 'saveConnection'
  | 'disconnect'
  | 'readTokens'
>;

async function connectionRow(
  db: Db,
  companyId: string,
  connectionId: string,
): Promise<ConnectionRow | null> {
  if (!isUuid(connectionId)) return null;
  const rows = await db
    .select()
    .from(freeeConnections)
    .where(and(eq(freeeConnections.id, connectionId), eq(freeeConnections.companyId, companyId)));
  return rows[0] ?? null;
}

export function connectionQueriesOver(
  pool: Pool,
  db: Db,
  secrets: FreeeSecrets,
): ConnectionQueries {
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
      const row = await connectionRow(db, companyId, connectionId);
      return row ? toConnection(row) : null;
    },

    listStoreConnections: (companyId) => storeConnections(db, companyId),

    findStoreConnection: async (companyId, storeId) => {
      if (!isUuid(storeId)) return null;
      const rows = await db
        .select({ connection: freeeConnections })
        .from(freeeStoreConnections)
        .innerJoin(freeeConnections, eq(freeeConnections.id, freeeStoreConnections.connectionId))
        .where(
          and(
            eq(freeeStoreConnections.storeId, storeId),
            eq(freeeConnections.companyId, companyId),
          ),
        );
      return rows[0] ? toConnection(rows[0].connection) : null;
    },

    saveConnection: (input, now) =>
      inTransaction(pool, (client) =>
        saveConnection(
          drizzleOver(client),
          input,
          secrets.sealedPair(input.companyId, input.tokens),
          now,
        ),
      ),

    disconnect: (companyId, connectionId, now) =>
      inTransaction(pool, (client) =>
        disconnect(drizzleOver(client), secrets, companyId, connectionId, now),
      ),

    readTokens: async (companyId, connectionId): Promise<TokenSnapshot | null> => {
      const row = await connectionRow(db, companyId, connectionId);
      if (!row) return null;
      return {
        connection: toConnection(row),
        tokens: secrets.openPair(companyId, row, row.refreshExpiresAt),
        lease:
          row.refreshLeaseId && row.refreshLeaseUntil
            ? { id: row.refreshLeaseId, until: row.refreshLeaseUntil }
            : null,
      };
    },
  };
}

async function storeConnections(db: Db, companyId: string) {
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
}

/** Inside the caller's transaction: stores unmapped, tokens wiped, status disconnected. */
async function disconnect(
  tx: Db,
  secrets: FreeeSecrets,
  companyId: string,
  connectionId: string,
  now: Date,
): Promise<TokenPair | null> {
  const rows = await tx
    .select()
    .from(freeeConnections)
    .where(and(eq(freeeConnections.id, connectionId), eq(freeeConnections.companyId, companyId)))
    .for('update');
  const row = rows[0];
  if (!row) return null;
  const pair = secrets.openPair(companyId, row, row.refreshExpiresAt);
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
}

/** Inside the caller's transaction: the connection gets the new pair, then the stores are mapped. */
async function saveConnection(
  tx: Db,
  input: SaveConnectionInput,
  sealed: SealedPair,
  now: Date,
): Promise<FreeeConnection> {
  const row = await upsertConnection(tx, input, sealed, now);
  await mapStores(tx, input, row.id, now);
  return toConnection(row);
}

/** Insert, or update the (company, provider, 事業所) connection with generation +1. */
async function upsertConnection(
  tx: Db,
  input: SaveConnectionInput,
  sealed: SealedPair,
  now: Date,
): Promise<ConnectionRow> {
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
  return one(
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
}

/** Unmaps the released stores of this connection, then maps `input.storeIds` to it. */
async function mapStores(
  tx: Db,
  input: SaveConnectionInput,
  connectionId: string,
  now: Date,
): Promise<void> {
  if (input.releasedStoreIds.length > 0) {
    await tx
      .delete(freeeStoreConnections)
      .where(
        and(
          eq(freeeStoreConnections.companyId, input.companyId),
          eq(freeeStoreConnections.connectionId, connectionId),
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
        connectionId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: freeeStoreConnections.storeId,
        set: { connectionId, updatedAt: now },
        setWhere: eq(freeeStoreConnections.companyId, input.companyId),
      });
  }
}
