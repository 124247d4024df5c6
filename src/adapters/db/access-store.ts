// AccessStore over PostgreSQL.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AccessStore } from '../../app/auth/ports.js';
import { apiTokens, loginFailures, registers, sessions, stores } from './schema/index.js';
import { drizzleOver, type Queryable } from './unit-of-work.js';

/** The login counters (back-off per account, address and both). */
function loginCountersOver(
  db: ReturnType<typeof drizzleOver>,
): Pick<
  AccessStore,
  'getLoginFailures' | 'claimLoginAttempt' | 'releaseLoginAttempt' | 'clearLoginFailures'
> {
  return {
    getLoginFailures: async (loginKey) =>
      (await db.select().from(loginFailures).where(eq(loginFailures.loginKey, loginKey)))[0] ??
      null,
    claimLoginAttempt: async (loginKey, expectedCount, nextCount, now) => {
      if (expectedCount === 0) {
        // No row yet, or a row released back to 0: insert, or take the 0 atomically.
        const inserted = await db
          .insert(loginFailures)
          .values({ loginKey, failureCount: nextCount, lastFailedAt: now })
          .onConflictDoUpdate({
            target: loginFailures.loginKey,
            set: { failureCount: nextCount, lastFailedAt: now },
            setWhere: eq(loginFailures.failureCount, 0),
          })
          .returning({ loginKey: loginFailures.loginKey });
        return inserted.length === 1;
      }
      const updated = await db
        .update(loginFailures)
        .set({ failureCount: nextCount, lastFailedAt: now })
        .where(
          and(eq(loginFailures.loginKey, loginKey), eq(loginFailures.failureCount, expectedCount)),
        )
        .returning({ loginKey: loginFailures.loginKey });
      return updated.length === 1;
    },
    releaseLoginAttempt: async (loginKey) => {
      await db
        .update(loginFailures)
        .set({ failureCount: sql`greatest(0, ${loginFailures.failureCount} - 1)` })
        .where(eq(loginFailures.loginKey, loginKey));
    },
    clearLoginFailures: async (loginKey) => {
      await db.delete(loginFailures).where(eq(loginFailures.loginKey, loginKey));
    },
  };
}

export function accessStoreOver(client: Queryable): AccessStore {
  const db = drizzleOver(client);
  return {
    ...loginCountersOver(db),
    insertSession: async (record, now) => {
      await db.insert(sessions).values({ ...record, createdAt: now });
    },
    findSession: async (tokenHash) =>
      (await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)))[0] ?? null,
    deleteSession: async (tokenHash) => {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    insertApiToken: async (input, now) => {
      const rows = await db
        .insert(apiTokens)
        .values({ ...input, createdAt: now })
        .returning({ id: apiTokens.id });
      return rows[0]?.id ?? '';
    },
    findApiToken: async (tokenHash) => {
      const rows = await db
        .select({
          id: apiTokens.id,
          companyId: apiTokens.companyId,
          registerId: apiTokens.registerId,
          storeCode: stores.code,
          registerCode: registers.code,
        })
        .from(apiTokens)
        .innerJoin(registers, eq(registers.id, apiTokens.registerId))
        .innerJoin(stores, eq(stores.id, registers.storeId))
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      return rows[0] ?? null;
    },
    findRegisterId: async (companyId, storeCode, registerCode) => {
      const rows = await db
        .select({ id: registers.id })
        .from(registers)
        .innerJoin(stores, eq(stores.id, registers.storeId))
        .where(
          and(
            eq(stores.companyId, companyId),
            eq(stores.code, storeCode),
            eq(registers.code, registerCode),
          ),
        );
      return rows[0]?.id ?? null;
    },
  };
}
