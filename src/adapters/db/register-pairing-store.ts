// Pairing codes and paired registers (app port PairingStore): codes kept as sha256, spent once
// atomically; a register's tokens revoked by setting api_tokens.revoked_at.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { PairingStore } from '../../app/register/ports.js';
import type { Pool } from './pool.js';
import { apiTokens } from './schema/access.js';
import { pairingCodes } from './schema/register/index.js';
import { registers, stores } from './schema/tenancy.js';
import { drizzleOver } from './unit-of-work.js';

export function pairingStoreOver(pool: Pool): PairingStore {
  const db = drizzleOver(pool);
  return {
    insertCode: async (input, now) => {
      await db.insert(pairingCodes).values({ ...input, createdAt: now });
    },
    spendCode: async (codeHash, now) => {
      const [row] = await db
        .update(pairingCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(pairingCodes.codeHash, codeHash),
            isNull(pairingCodes.usedAt),
            gt(pairingCodes.expiresAt, now),
          ),
        )
        .returning();
      return row
        ? { companyId: row.companyId, storeCode: row.storeCode, registerCode: row.registerCode }
        : null;
    },
    pairedRegisters: async (companyId) => {
      const rows = await db
        .select({
          storeCode: stores.code,
          registerCode: registers.code,
          tokens: sql<number>`count(*)::int`,
          lastPairedAt: sql<Date>`max(${apiTokens.createdAt})`,
        })
        .from(apiTokens)
        .innerJoin(registers, eq(registers.id, apiTokens.registerId))
        .innerJoin(stores, eq(stores.id, registers.storeId))
        .where(and(eq(apiTokens.companyId, companyId), isNull(apiTokens.revokedAt)))
        .groupBy(stores.code, registers.code)
        .orderBy(stores.code, registers.code);
      return rows.map((r) => ({
        storeCode: r.storeCode,
        registerCode: r.registerCode,
        tokens: r.tokens,
        lastPairedAt: new Date(r.lastPairedAt).toISOString(),
      }));
    },
    revokeRegister: async (companyId, registerId, now) => {
      const revoked = await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(apiTokens.companyId, companyId),
            eq(apiTokens.registerId, registerId),
            isNull(apiTokens.revokedAt),
          ),
        )
        .returning({ id: apiTokens.id });
      return revoked.length;
    },
  };
}
