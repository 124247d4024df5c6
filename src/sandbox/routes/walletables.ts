// GET /api/1/walletables. walletable_balance (登録残高) = what deals' payments moved through the
// 口座 (income in, expense out) — enough for tests to check cash movements. 明細 do not count.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import type { SandboxDb } from '../db/database.js';
import { dealPayments, deals, walletables } from '../db/schema.js';
import { requireCompany } from '../http/auth.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { updateDateConditions } from '../http/filters.js';
import { queryBool, queryEnum } from '../http/params.js';

export const walletableTypes = ['bank_account', 'credit_card', 'wallet'] as const;

export async function walletableBalances(
  db: SandboxDb,
  companyId: number,
): Promise<Map<number, number>> {
  const paid = await db
    .select({
      id: dealPayments.fromWalletableId,
      total: sql<string>`coalesce(sum(case when ${deals.type} = 'income' then ${dealPayments.amount} else -${dealPayments.amount} end), 0)`,
    })
    .from(dealPayments)
    .innerJoin(deals, eq(deals.id, dealPayments.dealId))
    .where(
      and(
        eq(deals.companyId, companyId),
        sql`${dealPayments.fromWalletableType} <> 'private_account_item'`,
      ),
    )
    .groupBy(dealPayments.fromWalletableId);
  return new Map<number, number>(paid.map((row) => [row.id, Number(row.total)]));
}

export function walletablesRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/walletables', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const conditions: SQL[] = [
      eq(walletables.companyId, companyId),
      ...updateDateConditions(c, walletables.updateDate),
    ];
    const type = queryEnum(c, 'type', walletableTypes);
    if (type) conditions.push(eq(walletables.type, type));
    const [withBalance, withSyncedAt, withStatus] = [
      'with_balance',
      'with_last_synced_at',
      'with_sync_status',
    ].map((name) => queryBool(c, name) === true);
    const rows = await deps.db
      .select()
      .from(walletables)
      .where(and(...conditions))
      .orderBy(asc(walletables.id));
    const balances = withBalance
      ? await walletableBalances(deps.db, companyId)
      : new Map<number, number>();
    return c.json({
      walletables: rows.map((w) => ({
        id: w.id,
        name: w.name,
        bank_id: w.bankId,
        type: w.type,
        update_date: w.updateDate,
        ...(withBalance
          ? {
              walletable_balance: w.walletableBalance + (balances.get(w.id) ?? 0),
              last_balance: w.lastBalance,
            }
          : {}),
        ...(withSyncedAt ? { last_synced_at: null } : {}),
        ...(withStatus ? { sync_status: 'disabled' } : {}),
      })),
      meta: { up_to_date: true },
    });
  });
  return app;
}
