// 消込's storage (the app port ReconcileStore) over the reconcile migration set's tables.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ReconcileStore, StoredApplication } from '../../app/reconcile/ports.js';
import type { Pool } from './pool.js';
import {
  reconcileAliases,
  reconcileApplications,
  reconcileClaims,
  reconcileStatementLines,
  reconcileWrites,
} from './schema/reconcile/index.js';
import { drizzleOver, inTransaction } from './unit-of-work.js';

/** Rolls the claim back: another application holds some of the deals. */
class ClaimTaken extends Error {
  constructor(readonly dealIds: string[]) {
    super(`deals already claimed: ${dealIds.join(', ')}`);
  }
}

/** Learned payer names read per company (more are not used). */
const aliasesMax = 50_000;

/** Rows per INSERT statement when importing lines. */
const importBatchRows = 500;

const importLinesOver =
  (pool: Pool): ReconcileStore['importLines'] =>
  (companyId, lines, now) =>
    inTransaction(pool, async (client) => {
      const tx = drizzleOver(client);
      let added = 0;
      for (let i = 0; i < lines.length; i += importBatchRows) {
        const rows = lines.slice(i, i + importBatchRows).map((l) => ({
          companyId,
          key: l.key,
          account: l.account,
          date: l.date,
          amountYen: l.amountYen,
          direction: l.direction,
          payerName: l.payerName,
          description: l.description,
          balanceYen: l.balanceYen,
          importedAt: now,
        }));
        const inserted = await tx
          .insert(reconcileStatementLines)
          .values(rows)
          .onConflictDoNothing()
          .returning({ key: reconcileStatementLines.key });
        added += inserted.length;
      }
      return { added, alreadyKnown: lines.length - added };
    });

const claimOver =
  (pool: Pool): ReconcileStore['claim'] =>
  async (a, now) => {
    const dealIds = a.plan.payments.map((p) => Number(p.dealId));
    const claiming = inTransaction(pool, async (client) => {
      const tx = drizzleOver(client);
      await tx.insert(reconcileApplications).values({
        id: a.applicationId,
        companyId: a.companyId,
        lineKey: a.lineKey,
        plan: { walletable: a.walletable, ...a.plan },
        state: 'applying',
        createdBy: a.createdBy,
        createdAt: now,
      });
      const claimed = await tx
        .insert(reconcileClaims)
        .values(
          dealIds.map((dealId) => ({
            companyId: a.companyId,
            dealId,
            applicationId: a.applicationId,
          })),
        )
        .onConflictDoNothing()
        .returning({ dealId: reconcileClaims.dealId });
      if (claimed.length !== dealIds.length) {
        const mine = new Set(claimed.map((c) => c.dealId));
        await client.query('rollback');
        await client.query('begin');
        return {
          ok: false as const,
          takenDealIds: dealIds.filter((d) => !mine.has(d)).map(String),
        };
      }
      const writes = [
        ...a.plan.payments.map((p, seq) => ({
          seq,
          kind: 'payment' as const,
          dealId: Number(p.dealId),
          amountYen: p.amountYen,
        })),
        ...(a.plan.difference
          ? [
              {
                seq: a.plan.payments.length,
                kind: 'difference_deal' as const,
                dealId: null,
                amountYen: a.plan.difference.amountYen,
              },
            ]
          : []),
      ];
      await tx
        .insert(reconcileWrites)
        .values(writes.map((w) => ({ ...w, applicationId: a.applicationId, intentAt: now })));
      return { ok: true as const, applicationId: a.applicationId };
    });
    return claiming.catch((error: unknown) => {
      if (error instanceof ClaimTaken) return { ok: false as const, takenDealIds: error.dealIds };
      throw error;
    });
  };

const applicationOver =
  (pool: Pool): ReconcileStore['application'] =>
  async (applicationId) => {
    const db = drizzleOver(pool);
    const where = eq(reconcileApplications.id, applicationId);
    const [row] = await db.select().from(reconcileApplications).where(where);
    if (!row) return null;
    const writes = await db
      .select()
      .from(reconcileWrites)
      .where(eq(reconcileWrites.applicationId, applicationId))
      .orderBy(reconcileWrites.seq);
    const { walletable, ...plan } = row.plan as StoredApplication['plan'] & {
      walletable: StoredApplication['walletable'];
    };
    return {
      companyId: row.companyId,
      state: row.state,
      walletable,
      plan,
      writes: writes.map((w) => ({
        seq: w.seq,
        kind: w.kind,
        dealId: w.dealId === null ? null : String(w.dealId),
        amountYen: w.amountYen,
        freeeId: w.freeeId,
      })),
    };
  };

export function reconcileStoreOver(pool: Pool): ReconcileStore {
  const db = drizzleOver(pool);
  return {
    application: applicationOver(pool),
    setState: async (applicationId, state) => {
      await db
        .update(reconcileApplications)
        .set({ state })
        .where(eq(reconcileApplications.id, applicationId));
    },
    importLines: importLinesOver(pool),
    claim: claimOver(pool),
    recordDone: async (applicationId, seq, freeeId, now) => {
      await db
        .update(reconcileWrites)
        .set({ freeeId, doneAt: now })
        .where(
          and(
            eq(reconcileWrites.applicationId, applicationId),
            eq(reconcileWrites.seq, seq),
            isNull(reconcileWrites.doneAt),
          ),
        );
    },
    learnAlias: async (companyId, partnerId, payerName, now) => {
      await db
        .insert(reconcileAliases)
        .values({ companyId, partnerId: Number(partnerId), payerName, learnedAt: now })
        .onConflictDoNothing();
    },
    aliases: async (companyId) => {
      const rows = await db
        .select()
        .from(reconcileAliases)
        .where(eq(reconcileAliases.companyId, companyId))
        .limit(aliasesMax);
      const out = new Map<string, string[]>();
      for (const r of rows)
        out.set(String(r.partnerId), [...(out.get(String(r.partnerId)) ?? []), r.payerName]);
      return out;
    },
    release: (applicationId, now) =>
      inTransaction(pool, async (client) => {
        const tx = drizzleOver(client);
        await tx
          .delete(reconcileClaims)
          .where(inArray(reconcileClaims.applicationId, [applicationId]));
        await tx
          .update(reconcileWrites)
          .set({ undoneAt: now })
          .where(eq(reconcileWrites.applicationId, applicationId));
        await tx
          .update(reconcileApplications)
          .set({ state: 'undone' })
          .where(eq(reconcileApplications.id, applicationId));
      }),
  };
}
