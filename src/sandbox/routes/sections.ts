// GET/POST /api/1/sections (部門), PUT /api/1/sections/code/upsert.
import { and, asc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { sections } from '../db/schema.js';
import { jstToday } from '../dates.js';
import { requireCompany } from '../http/auth.js';
import { jsonBody, parseWith } from '../http/body.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { isUniqueViolation, updateDateConditions } from '../http/filters.js';
import { presentSection } from '../present/masters.js';

const sectionParams = z.object({
  company_id: z.int().min(1),
  name: z.string().min(1).max(30),
  long_name: z.string().max(255).optional(),
  shortcut1: z.string().max(20).optional(),
  shortcut2: z.string().max(20).optional(),
});

const upsertParams = z.object({
  company_id: z.int().min(1),
  code: z.string().min(1).max(255),
  section: z.object({
    name: z.string().min(1).max(30),
    long_name: z.string().max(255).optional(),
    shortcut1: z.string().max(20).optional(),
    shortcut2: z.string().max(20).optional(),
  }),
});

async function sectionUpsertByCode(deps: SandboxDeps, c: Context<SandboxEnv>): Promise<Response> {
  const body = await jsonBody(c);
  const { companyId } = await requireCompany(
    c,
    deps,
    (body as { company_id?: unknown } | null)?.company_id,
    'write',
  );
  const input = parseWith(upsertParams, body);
  const today = jstToday(deps.clock);
  const fields = {
    name: input.section.name,
    ...(input.section.long_name !== undefined ? { longName: input.section.long_name } : {}),
    ...(input.section.shortcut1 !== undefined ? { shortcut1: input.section.shortcut1 } : {}),
    ...(input.section.shortcut2 !== undefined ? { shortcut2: input.section.shortcut2 } : {}),
  };
  try {
    const updated = await deps.db
      .update(sections)
      .set({ ...fields, updateDate: today })
      .where(and(eq(sections.companyId, companyId), eq(sections.code, input.code)))
      .returning();
    if (updated[0]) return c.json({ section: presentSection(updated[0]) }, 200);
    const rows = await deps.db
      .insert(sections)
      .values({ companyId, code: input.code, ...fields, updateDate: today })
      .returning();
    return c.json({ section: presentSection(rows[0] as typeof sections.$inferSelect) }, 201);
  } catch (error) {
    if (isUniqueViolation(error)) throw badRequest('部門名が重複しています。');
    throw error;
  }
}

export function sectionsRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/sections', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const rows = await deps.db
      .select()
      .from(sections)
      .where(
        and(eq(sections.companyId, companyId), ...updateDateConditions(c, sections.updateDate)),
      )
      .orderBy(asc(sections.id));
    return c.json({ sections: rows.map(presentSection) });
  });
  app.post('/sections', async (c) => {
    const body = await jsonBody(c);
    const { companyId } = await requireCompany(
      c,
      deps,
      (body as { company_id?: unknown } | null)?.company_id,
      'write',
    );
    const input = parseWith(sectionParams, body);
    try {
      const rows = await deps.db
        .insert(sections)
        .values({
          companyId,
          name: input.name,
          longName: input.long_name ?? null,
          shortcut1: input.shortcut1 ?? null,
          shortcut2: input.shortcut2 ?? null,
          updateDate: jstToday(deps.clock),
        })
        .returning();
      return c.json({ section: presentSection(rows[0] as typeof sections.$inferSelect) }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw badRequest('部門名が重複しています。');
      throw error;
    }
  });
  app.put('/sections/code/upsert', (c) => sectionUpsertByCode(deps, c));
  return app;
}
