// GET/POST /api/1/items (品目). Names are unique per 事業所; duplicates are a 400.
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { items } from '../db/schema.js';
import { jstToday } from '../dates.js';
import { requireCompany } from '../http/auth.js';
import { jsonBody, parseWith } from '../http/body.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { isUniqueViolation, updateDateConditions } from '../http/filters.js';
import { queryPage } from '../http/params.js';
import { presentItem } from '../present/masters.js';

const itemParams = z.object({
  company_id: z.int().min(1),
  name: z.string().min(1).max(30),
  shortcut1: z.string().max(20).optional(),
  shortcut2: z.string().max(20).optional(),
  code: z
    .string()
    .max(20)
    .regex(/^[0-9a-zA-Z_-]+$/)
    .optional(),
});

const duplicate = '品目名が重複しています。既に同じ名前の品目が存在します。';

export function itemsRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/items', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const page = queryPage(c, 50, 3000);
    const rows = await deps.db
      .select()
      .from(items)
      .where(and(eq(items.companyId, companyId), ...updateDateConditions(c, items.updateDate)))
      .orderBy(asc(items.id))
      .offset(page.offset)
      .limit(page.limit);
    return c.json({ items: rows.map(presentItem) });
  });
  app.post('/items', async (c) => {
    const body = await jsonBody(c);
    const { companyId } = await requireCompany(
      c,
      deps,
      (body as { company_id?: unknown } | null)?.company_id,
      'write',
    );
    const input = parseWith(itemParams, body);
    const existing = await deps.db
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.companyId, companyId), eq(items.name, input.name)))
      .limit(1);
    if (existing.length > 0) throw badRequest(duplicate);
    try {
      const rows = await deps.db
        .insert(items)
        .values({
          companyId,
          name: input.name,
          shortcut1: input.shortcut1 ?? null,
          shortcut2: input.shortcut2 ?? null,
          updateDate: jstToday(deps.clock),
        })
        .returning();
      return c.json({ item: presentItem(rows[0] as typeof items.$inferSelect) }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw badRequest(duplicate);
      throw error;
    }
  });
  return app;
}
