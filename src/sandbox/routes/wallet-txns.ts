// GET/POST /api/1/wallet_txns (口座の明細). No API links a 明細 to a deal (API-NOTES §7).
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { walletTxns, walletables } from '../db/schema.js';
import { requireCompany } from '../http/auth.js';
import { jsonBody, parseWith } from '../http/body.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { queryDate, queryEnum, queryInt, queryPage } from '../http/params.js';
import { isCalendarDate } from '../dates.js';
import { walletableTypes } from './walletables.js';

const walletTxnParams = z.object({
  company_id: z.int().min(1),
  entry_side: z.enum(['income', 'expense']),
  amount: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  walletable_id: z.int().min(1),
  walletable_type: z.enum(walletableTypes),
  date: z
    .string()
    .refine(isCalendarDate, { message: 'は不正な日付フォーマットです。入力例：2019-12-17' }),
  description: z.string().max(255).optional(),
  balance: z.int().optional(),
});

function present(row: typeof walletTxns.$inferSelect) {
  return {
    id: row.id,
    company_id: row.companyId,
    date: row.date,
    amount: row.amount,
    due_amount: row.dueAmount,
    balance: row.balance,
    entry_side: row.entrySide,
    walletable_type: row.walletableType,
    walletable_id: row.walletableId,
    description: row.description,
    status: row.status,
    rule_matched: row.ruleMatched,
  };
}

function listConditions(c: Context, companyId: number): SQL[] {
  const conditions: SQL[] = [eq(walletTxns.companyId, companyId)];
  const type = queryEnum(c, 'walletable_type', walletableTypes);
  const id = queryInt(c, 'walletable_id', { min: 1 });
  if (type && id)
    conditions.push(eq(walletTxns.walletableType, type), eq(walletTxns.walletableId, id));
  const start = queryDate(c, 'start_date');
  const end = queryDate(c, 'end_date');
  const side = queryEnum(c, 'entry_side', ['income', 'expense'] as const);
  if (start) conditions.push(gte(walletTxns.date, start));
  if (end) conditions.push(lte(walletTxns.date, end));
  if (side) conditions.push(eq(walletTxns.entrySide, side));
  return conditions;
}

export function walletTxnsRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/wallet_txns', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const page = queryPage(c, 20, 100);
    const order =
      c.req.query('sort_type') === 'created_at_desc'
        ? [desc(walletTxns.createdAt), desc(walletTxns.id)]
        : [desc(walletTxns.date), desc(walletTxns.id)];
    const rows = await deps.db
      .select()
      .from(walletTxns)
      .where(and(...listConditions(c, companyId)))
      .orderBy(...order)
      .offset(page.offset)
      .limit(page.limit);
    return c.json({ wallet_txns: rows.map(present) });
  });
  app.post('/wallet_txns', async (c) => {
    const body = await jsonBody(c);
    const { companyId } = await requireCompany(
      c,
      deps,
      (body as { company_id?: unknown } | null)?.company_id,
      'write',
    );
    const input = parseWith(walletTxnParams, body);
    const wallet = await deps.db
      .select({ id: walletables.id })
      .from(walletables)
      .where(
        and(
          eq(walletables.id, input.walletable_id),
          eq(walletables.companyId, companyId),
          eq(walletables.type, input.walletable_type),
        ),
      )
      .limit(1);
    if (wallet.length === 0) throw badRequest('walletable_id に存在しない口座が指定されています。');
    const rows = await deps.db
      .insert(walletTxns)
      .values({
        companyId,
        walletableId: input.walletable_id,
        walletableType: input.walletable_type,
        date: input.date,
        amount: input.amount,
        dueAmount: input.amount,
        balance: input.balance ?? null,
        entrySide: input.entry_side,
        description: input.description ?? '',
        createdAt: deps.clock.now(),
      })
      .returning();
    return c.json({ wallet_txn: present(rows[0] as typeof walletTxns.$inferSelect) }, 201);
  });
  return app;
}
