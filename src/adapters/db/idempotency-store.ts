// Idempotency-Key answers in idempotency_keys (the app port IdempotencyStore).
import { and, eq, gte, lt } from 'drizzle-orm';
import type { IdempotencyStore } from '../../app/idempotency.js';
import type { Pool } from './pool.js';
import { idempotencyKeys } from './schema/index.js';
import { drizzleOver } from './unit-of-work.js';

export function idempotencyStoreOver(pool: Pool): IdempotencyStore {
  const db = drizzleOver(pool);
  return {
    find: async (companyId, key, keptSince) => {
      const where = and(
        eq(idempotencyKeys.companyId, companyId),
        eq(idempotencyKeys.key, key),
        gte(idempotencyKeys.createdAt, keptSince),
      );
      const stored = (await db.select().from(idempotencyKeys).where(where))[0];
      return stored
        ? {
            requestHash: stored.requestHash,
            statusCode: stored.statusCode,
            responseBody: stored.responseBody,
          }
        : null;
    },
    save: async (companyId, key, answer, now, keptSince) => {
      await db
        .delete(idempotencyKeys)
        .where(
          and(eq(idempotencyKeys.companyId, companyId), lt(idempotencyKeys.createdAt, keptSince)),
        );
      await db
        .insert(idempotencyKeys)
        .values({ companyId, key, ...answer, createdAt: now })
        .onConflictDoNothing();
    },
  };
}
