// GET/POST /api/1/items (品目), PUT /api/1/items/code/upsert. Names are unique per 事業所; duplicates
// are a 400. Codes exist only where the company uses item codes (use_item_code): then items carry
// `code` in answers, POST stores it and the upsert by code is allowed; otherwise the upsert is a 400
// and a POSTed code is ignored (freee's documented behaviour).
import { and, asc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { companies, items } from '../db/schema.js';
import { jstToday } from '../dates.js';
import { requireCompany } from '../http/auth.js';
import { jsonBody, parseWith } from '../http/body.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { isUniqueViolation, updateDateConditions } from '../http/filters.js';
import { queryPage } from '../http/params.js';
import { presentItem } from '../present/masters.js';

const itemCode = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[0-9a-zA-Z_-]+$/);

const itemParams = z.object({
  company_id: z.int().min(1),
  name: z.string().min(1).max(30),
  shortcut1: z.string().max(20).optional(),
  shortcut2: z.string().max(20).optional(),
  code: itemCode.optional(),
});

const upsertParams = z.object({
  company_id: z.int().min(1),
  code: itemCode,
  item: z.object({
    name: z.string().min(1).max(30),
    shortcut1: z.string().max(20).optional(),
    shortcut2: z.string().max(20).optional(),
  }),
});

const duplicate = '品目名が重複しています。既に同じ名前の品目が存在します。';
const duplicateCode = '品目コードが重複しています。既に同じコードの品目が存在します。';

async function usesItemCode(deps: SandboxDeps, companyId: number): Promise<boolean> {
  const rows = await deps.db
    .select({ useItemCode: companies.useItemCode })
    .from(companies)
    .where(eq(companies.id, companyId));
  return rows[0]?.useItemCode ?? false;
}

async function itemUpsertByCode(deps: SandboxDeps, c: Context<SandboxEnv>): Promise<Response> {
  const body = await jsonBody(c);
  const { companyId } = await requireCompany(
    c,
    deps,
    (body as { company_id?: unknown } | null)?.company_id,
    'write',
  );
  const raw = (body as { item?: unknown } | null)?.item;
  if (raw !== null && typeof raw === 'object' && 'code' in raw)
    throw badRequest('品目コードは変更できないため、item に code は指定できません。');
  const input = parseWith(upsertParams, body);
  if (!(await usesItemCode(deps, companyId)))
    throw badRequest('品目コードを使用する設定が無効なため、品目コードで更新できません。');
  const today = jstToday(deps.clock);
  // Omitted shortcuts become null on update (freee's documented behaviour).
  const fields = {
    name: input.item.name,
    shortcut1: input.item.shortcut1 ?? null,
    shortcut2: input.item.shortcut2 ?? null,
  };
  try {
    const updated = await deps.db
      .update(items)
      .set({ ...fields, updateDate: today })
      .where(and(eq(items.companyId, companyId), eq(items.code, input.code)))
      .returning();
    if (updated[0]) return c.json({ item: presentItem(updated[0], true) }, 200);
    const rows = await deps.db
      .insert(items)
      .values({ companyId, code: input.code, ...fields, updateDate: today })
      .returning();
    return c.json({ item: presentItem(rows[0] as typeof items.$inferSelect, true) }, 201);
  } catch (error) {
    if (isUniqueViolation(error)) throw badRequest(duplicate);
    throw error;
  }
}

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
    const useItemCode = await usesItemCode(deps, companyId);
    return c.json({ items: rows.map((row) => presentItem(row, useItemCode)) });
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
    const useItemCode = await usesItemCode(deps, companyId);
    const code = useItemCode ? (input.code ?? null) : null;
    const existing = await deps.db
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.companyId, companyId), eq(items.name, input.name)))
      .limit(1);
    if (existing.length > 0) throw badRequest(duplicate);
    if (code !== null) {
      const sameCode = await deps.db
        .select({ id: items.id })
        .from(items)
        .where(and(eq(items.companyId, companyId), eq(items.code, code)))
        .limit(1);
      if (sameCode.length > 0) throw badRequest(duplicateCode);
    }
    try {
      const rows = await deps.db
        .insert(items)
        .values({
          companyId,
          name: input.name,
          code,
          shortcut1: input.shortcut1 ?? null,
          shortcut2: input.shortcut2 ?? null,
          updateDate: jstToday(deps.clock),
        })
        .returning();
      return c.json({ item: presentItem(rows[0] as typeof items.$inferSelect, useItemCode) }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw badRequest(duplicate);
      throw error;
    }
  });
  app.put('/items/code/upsert', (c) => itemUpsertByCode(deps, c));
  return app;
}
