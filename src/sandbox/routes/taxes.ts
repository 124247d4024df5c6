// GET /api/1/taxes/companies/{company_id}?display_category&available, and freee's common tax
// master GET /api/1/taxes/codes and /api/1/taxes/codes/{code} (廃止予定 at freee, still answered;
// no company: the master every 事業所 is seeded from, code ascending, {code, name, name_ja} only).
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { taxes } from '../db/schema.js';
import { requireCompany } from '../http/auth.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { notFound } from '../http/errors.js';
import { pathInt, queryBool, queryEnum } from '../http/params.js';
import { taxSeeds, type TaxSeed } from '../seed/taxes.js';

const displayCategories = ['tax_5', 'tax_8', 'tax_r8', 'tax_10'] as const;

function codeBody(t: TaxSeed): { code: number; name: string; name_ja: string } {
  return { code: t.code, name: t.name, name_ja: t.nameJa };
}

const codesAscending = [...taxSeeds].sort((a, b) => a.code - b.code);

export function taxesRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/taxes/codes', (c) => c.json({ taxes: codesAscending.map(codeBody) }));
  app.get('/taxes/codes/:code', (c) => {
    const code = pathInt(c, 'code');
    const tax = taxSeeds.find((t) => t.code === code);
    if (!tax) throw notFound();
    return c.json({ tax: codeBody(tax) });
  });
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
