// The refresh lease and the token generation of a connection: every write is one conditional
// UPDATE (see app/freee/access-token.ts), so two refreshers never both win.
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { FreeeStore } from '../../app/freee/ports.js';
import type { FreeeSecrets } from './freee-secrets.js';
import { freeeConnections } from './schema/index.js';
import type { Db } from './unit-of-work.js';

type LeaseOps = Pick<
  FreeeStore,
  'claimRefreshLease' | 'storeRefreshedTokens' | 'releaseRefreshLease' | 'markStatus'
>;

export function leaseOpsOver(db: Db, secrets: FreeeSecrets): LeaseOps {
  return {
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
          ...secrets.sealedPair(companyId, tokens),
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
  };
}
