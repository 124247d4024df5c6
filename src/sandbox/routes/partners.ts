// GET/POST /api/1/partners (取引先), PUT /api/1/partners/upsert_by_code. keyword: AND of space-separated words, partial match.
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { companies, partners } from '../db/schema.js';
import { jstToday } from '../dates.js';
import { requireCompany } from '../http/auth.js';
import { jsonBody, parseWith } from '../http/body.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { isUniqueViolation, updateDateConditions } from '../http/filters.js';
import { queryPage } from '../http/params.js';
import { presentPartner } from '../present/masters.js';

const partnerParams = z.object({
  company_id: z.int().min(1),
  name: z.string().min(1).max(255),
  code: z.string().min(1).optional(),
  shortcut1: z.string().max(255).optional(),
  shortcut2: z.string().max(255).optional(),
  long_name: z.string().max(255).optional(),
  name_kana: z.string().max(255).optional(),
  org_code: z
    .union([z.literal(1), z.literal(2)])
    .nullable()
    .optional(),
  country_code: z.enum(['JP', 'ZZ']).optional(),
});

const upsertParams = z.object({
  company_id: z.int().min(1),
  code: z.string().min(1).max(255),
  partner: z.object({
    name: z.string().min(1).max(255),
    shortcut1: z.string().max(255).optional(),
    shortcut2: z.string().max(255).optional(),
    long_name: z.string().max(255).optional(),
    name_kana: z.string().max(255).optional(),
  }),
});

const keywordsMax = 10;
const duplicate = '取引先名が重複しています。既に同じ名前の取引先が存在します。';

function keywordConditions(keyword: string | undefined): SQL[] {
  const words = (keyword ?? '')
    .split(/[ \u3000\t]+/)
    .filter((w) => w !== '')
    .slice(0, keywordsMax);
  return words.map((word) => {
    const pattern = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    return or(
      ilike(partners.name, pattern),
      ilike(partners.code, pattern),
      ilike(partners.longName, pattern),
      ilike(partners.nameKana, pattern),
      ilike(partners.shortcut1, pattern),
      ilike(partners.shortcut2, pattern),
    ) as SQL;
  });
}

async function usesPartnerCode(deps: SandboxDeps, companyId: number): Promise<boolean> {
  const rows = await deps.db
    .select({ usePartnerCode: companies.usePartnerCode })
    .from(companies)
    .where(eq(companies.id, companyId));
  return rows[0]?.usePartnerCode ?? false;
}

async function partnerUpsertByCode(deps: SandboxDeps, c: Context<SandboxEnv>): Promise<Response> {
  const body = await jsonBody(c);
  const { companyId } = await requireCompany(
    c,
    deps,
    (body as { company_id?: unknown } | null)?.company_id,
    'write',
  );
  const input = parseWith(upsertParams, body);
  if (!(await usesPartnerCode(deps, companyId)))
    throw badRequest('取引先コードの利用が無効なため、code は指定できません。');
  const today = jstToday(deps.clock);
  const fields = {
    name: input.partner.name,
    ...(input.partner.shortcut1 !== undefined ? { shortcut1: input.partner.shortcut1 } : {}),
    ...(input.partner.shortcut2 !== undefined ? { shortcut2: input.partner.shortcut2 } : {}),
    ...(input.partner.long_name !== undefined ? { longName: input.partner.long_name } : {}),
    ...(input.partner.name_kana !== undefined ? { nameKana: input.partner.name_kana } : {}),
  };
  try {
    const updated = await deps.db
      .update(partners)
      .set({ ...fields, updateDate: today })
      .where(and(eq(partners.companyId, companyId), eq(partners.code, input.code)))
      .returning();
    if (updated[0]) return c.json({ partner: presentPartner(updated[0]) }, 200);
    const rows = await deps.db
      .insert(partners)
      .values({ companyId, code: input.code, ...fields, updateDate: today })
      .returning();
    return c.json({ partner: presentPartner(rows[0] as typeof partners.$inferSelect) }, 201);
  } catch (error) {
    if (isUniqueViolation(error)) throw badRequest(duplicate);
    throw error;
  }
}

export function partnersRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/partners', async (c) => {
    const { companyId } = await requireCompany(c, deps, c.req.query('company_id'), 'read');
    const page = queryPage(c, 50, 3000);
    const rows = await deps.db
      .select()
      .from(partners)
      .where(
        and(
          eq(partners.companyId, companyId),
          eq(partners.available, true),
          ...updateDateConditions(c, partners.updateDate),
          ...keywordConditions(c.req.query('keyword')),
        ),
      )
      .orderBy(asc(partners.id))
      .offset(page.offset)
      .limit(page.limit);
    return c.json({ partners: rows.map(presentPartner) });
  });
  app.post('/partners', async (c) => {
    const body = await jsonBody(c);
    const { companyId } = await requireCompany(
      c,
      deps,
      (body as { company_id?: unknown } | null)?.company_id,
      'write',
    );
    const input = parseWith(partnerParams, body);
    const company = { usePartnerCode: await usesPartnerCode(deps, companyId) };
    if (company.usePartnerCode && !input.code)
      throw badRequest('取引先コードの利用が有効なため、code は必須です。');
    if (!company.usePartnerCode && input.code)
      throw badRequest('取引先コードの利用が無効なため、code は指定できません。');
    const existing = await deps.db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.companyId, companyId), eq(partners.name, input.name)))
      .limit(1);
    if (existing.length > 0) throw badRequest(duplicate);
    try {
      const rows = await deps.db
        .insert(partners)
        .values({
          companyId,
          name: input.name,
          code: input.code ?? null,
          shortcut1: input.shortcut1 ?? null,
          shortcut2: input.shortcut2 ?? null,
          longName: input.long_name ?? null,
          nameKana: input.name_kana ?? null,
          orgCode: input.org_code ?? null,
          countryCode: input.country_code ?? 'JP',
          updateDate: jstToday(deps.clock),
        })
        .returning();
      return c.json({ partner: presentPartner(rows[0] as typeof partners.$inferSelect) }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw badRequest(duplicate);
      throw error;
    }
  });
  app.put('/partners/upsert_by_code', (c) => partnerUpsertByCode(deps, c));
  return app;
}
