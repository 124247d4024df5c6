// GET /api/1/account_items?company_id&base_date&start_update_date&end_update_date
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { accountItems } from '../db/schema.js';
import { requireCompany } from '../http/auth.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { updateDateConditions } from '../http/filters.js';
import { queryDate } from '../http/params.js';

export function accountItemsRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/account_items', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    queryDate(c, 'base_date');
    const rows = await deps.db
      .select()
      .from(accountItems)
      .where(
        and(
          eq(accountItems.companyId, companyId),
          ...updateDateConditions(c, accountItems.updateDate),
        ),
      )
      .orderBy(asc(accountItems.id));
    const names = new Map(
      (
        await deps.db
          .select({ id: accountItems.id, name: accountItems.name })
          .from(accountItems)
          .where(eq(accountItems.companyId, companyId))
      ).map((r) => [r.id, r.name]),
    );
    const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
    return c.json({
      account_items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        tax_code: row.taxCode,
        shortcut: row.shortcut,
        shortcut_num: row.shortcutNum,
        default_tax_code: row.taxCode,
        account_category: row.accountCategory,
        account_category_id: row.accountCategoryId,
        categories: row.categories,
        available: row.available,
        walletable_id: row.walletableId,
        group_name: row.groupName,
        group_id: null,
        corresponding_income_name: nameOf(row.correspondingIncomeId),
        corresponding_income_id: row.correspondingIncomeId,
        corresponding_expense_name: nameOf(row.correspondingExpenseId),
        corresponding_expense_id: row.correspondingExpenseId,
        update_date: row.updateDate,
      })),
    });
  });
  return app;
}
