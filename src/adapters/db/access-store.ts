// AccessStore over PostgreSQL.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AccessStore } from '../../app/auth/ports.js';
import { apiTokens, loginFailures, registers, sessions, stores } from './schema/index.js';
import { drizzleOver, type Queryable } from './unit-of-work.js';

export function accessStoreOver(client: Queryable): AccessStore {
  const db = drizzleOver(client);
  return {
    getLoginFailures: async (loginKey) =>
      (await db.select().from(loginFailures).where(eq(loginFailures.loginKey, loginKey)))[0] ??
      null,
    recordLoginFailure: async (loginKey, now) => {
      await db
        .insert(loginFailures)
        .values({ loginKey, failureCount: 1, lastFailedAt: now })
        .onConflictDoUpdate({
          target: loginFailures.loginKey,
          set: { failureCount: sql`${loginFailures.failureCount} + 1`, lastFailedAt: now },
        });
    },
    clearLoginFailures: async (loginKey) => {
      await db.delete(loginFailures).where(eq(loginFailures.loginKey, loginKey));
    },
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
