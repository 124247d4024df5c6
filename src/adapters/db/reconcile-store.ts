// 消込's storage (the app port ReconcileStore) over the reconcile migration set's tables.
import { and, asc, desc, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { ReconcileStore, StoredApplication } from '../../app/reconcile/ports.js';
import type { BusinessDate } from '../../domain/calendar/business-date.js';
import type { Yen } from '../../domain/money/yen.js';
import type { StatementLine } from '../../domain/reconcile/statement.js';
import type { Pool } from './pool.js';
import {
  reconcileAliases,
  reconcileApplications,
  reconcileClaims,
  reconcileSettings,
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

type LineRow = typeof reconcileStatementLines.$inferSelect;

const lineOf = (r: LineRow, i: number): StatementLine => ({
  line: i + 1,
  sourceLine: 0,
  account: r.account,
  date: r.date as BusinessDate,
  amountYen: r.amountYen as Yen,
  direction: r.direction,
  payerName: r.payerName,
  description: r.description,
  balanceYen: r.balanceYen as Yen | null,
  key: r.key,
});

const applicationsOver =
  (pool: Pool): ReconcileStore['applications'] =>
  async (companyId, limit) => {
    const db = drizzleOver(pool);
    const rows = await db
      .select({
        id: reconcileApplications.id,
        lineKey: reconcileApplications.lineKey,
        state: reconcileApplications.state,
        createdBy: reconcileApplications.createdBy,
        createdAt: reconcileApplications.createdAt,
        dealIds: sql<
          string[]
        >`coalesce((select array_agg(${reconcileWrites.dealId}::text order by ${reconcileWrites.seq}) from ${reconcileWrites} where ${reconcileWrites.applicationId} = ${reconcileApplications.id} and ${reconcileWrites.dealId} is not null), '{}')`,
      })
      .from(reconcileApplications)
      .where(
        and(
          eq(reconcileApplications.companyId, companyId),
          ne(reconcileApplications.state, 'undone'),
        ),
      )
      .orderBy(desc(reconcileApplications.createdAt))
      .limit(limit);
    return rows.map((r) => ({
      applicationId: r.id,
      lineKey: r.lineKey,
      state: r.state,
      dealIds: r.dealIds,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    }));
  };

/** Reads for the 消込 screen: open deposits, one line, the applications, the settings. */
function screenReadsOver(
  pool: Pool,
): Pick<ReconcileStore, 'openDeposits' | 'line' | 'applications'> {
  const db = drizzleOver(pool);
  const held = (companyId: string) =>
    db
      .select({ key: reconcileApplications.lineKey })
      .from(reconcileApplications)
      .where(
        and(
          eq(reconcileApplications.companyId, companyId),
          ne(reconcileApplications.state, 'undone'),
        ),
      );
  return {
    openDeposits: async (companyId, limit) =>
      (
        await db
          .select()
          .from(reconcileStatementLines)
          .where(
            and(
              eq(reconcileStatementLines.companyId, companyId),
              eq(reconcileStatementLines.direction, 'deposit'),
              notInArray(reconcileStatementLines.key, held(companyId)),
            ),
          )
          .orderBy(asc(reconcileStatementLines.date), asc(reconcileStatementLines.key))
          .limit(limit)
      ).map(lineOf),
    line: async (companyId, key) => {
      const [row] = await db
        .select()
        .from(reconcileStatementLines)
        .where(
          and(
            eq(reconcileStatementLines.companyId, companyId),
            eq(reconcileStatementLines.key, key),
          ),
        );
      return row ? lineOf(row, 0) : null;
    },
    applications: applicationsOver(pool),
  };
}

function settingsOver(pool: Pool): Pick<ReconcileStore, 'settings' | 'saveSettings'> {
  const db = drizzleOver(pool);
  return {
    settings: async (companyId) => {
      const [row] = await db
        .select()
        .from(reconcileSettings)
        .where(eq(reconcileSettings.companyId, companyId));
      return { autoApplyExact: row?.autoApplyExact ?? false, bankSynced: row?.bankSynced ?? false };
    },
    saveSettings: async (companyId, settings, now) => {
      await db
        .insert(reconcileSettings)
        .values({ companyId, ...settings, updatedAt: now })
        .onConflictDoUpdate({
          target: reconcileSettings.companyId,
          set: { ...settings, updatedAt: now },
        });
    },
  };
}

export function reconcileStoreOver(pool: Pool): ReconcileStore {
  const db = drizzleOver(pool);
  return {
    ...screenReadsOver(pool),
    ...settingsOver(pool),
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
