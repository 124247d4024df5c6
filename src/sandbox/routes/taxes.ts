// GET /api/1/taxes/companies/{company_id}?display_category&available
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { taxes } from '../db/schema.js';
import { requireCompany } from '../http/auth.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { queryBool, queryEnum } from '../http/params.js';

const displayCategories = ['tax_5', 'tax_8', 'tax_r8', 'tax_10'] as const;

export function taxesRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/taxes/companies/:company_id', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.param('company_id'), 'read');
    const conditions: SQL[] = [eq(taxes.companyId, companyId)];
    const category = queryEnum(c, 'display_category', displayCategories);
    const available = queryBool(c, 'available');
    if (category) conditions.push(eq(taxes.displayCategory, category));
    if (available !== undefined) conditions.push(eq(taxes.available, available));
    const rows = await deps.db
      .select()
      .from(taxes)
      .where(and(...conditions))
      .orderBy(asc(taxes.code));
    return c.json({
      taxes: rows.map((t) => ({
        code: t.code,
        name: t.name,
        name_ja: t.nameJa,
        display_category: t.displayCategory,
        available: t.available,
      })),
    });
  });
  return app;
}
