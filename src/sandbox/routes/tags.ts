// GET/POST /api/1/tags (メモタグ).
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { tags } from '../db/schema.js';
import { jstToday } from '../dates.js';
import { requireCompany } from '../http/auth.js';
import { jsonBody, parseWith } from '../http/body.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { isUniqueViolation, updateDateConditions } from '../http/filters.js';
import { queryPage } from '../http/params.js';
import { presentTag } from '../present/masters.js';

const tagParams = z.object({
  company_id: z.int().min(1),
  name: z.string().min(1).max(30),
  shortcut1: z.string().max(20).optional(),
  shortcut2: z.string().max(20).optional(),
});

export function tagsRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/tags', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const page = queryPage(c, 50, 3000);
    const rows = await deps.db
      .select()
      .from(tags)
      .where(and(eq(tags.companyId, companyId), ...updateDateConditions(c, tags.updateDate)))
      .orderBy(asc(tags.id))
      .offset(page.offset)
      .limit(page.limit);
    return c.json({ tags: rows.map(presentTag) });
  });
  app.post('/tags', async (c) => {
    const body = await jsonBody(c);
    const { companyId } = await requireCompany(
      c,
      deps,
      (body as { company_id?: unknown } | null)?.company_id,
      'write',
    );
    const input = parseWith(tagParams, body);
    try {
      const rows = await deps.db
        .insert(tags)
        .values({
          companyId,
          name: input.name,
          shortcut1: input.shortcut1 ?? null,
          shortcut2: input.shortcut2 ?? null,
          updateDate: jstToday(deps.clock),
        })
        .returning();
      return c.json({ tag: presentTag(rows[0] as typeof tags.$inferSelect) }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw badRequest('メモタグ名が重複しています。');
      throw error;
    }
  });
  return app;
}
