// GET /api/1/companies and GET /api/1/companies/{id} (flags: details, account_items, taxes, items,
// partners, sections, tags, walletables — value `true` only).
import { and, asc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import {
  accountItems,
  companies,
  fiscalYears,
  items,
  members,
  partners,
  sections,
  tags,
  taxes,
  walletables,
} from '../db/schema.js';
import { requireCompany } from '../http/auth.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { companyRole, presentCompany } from '../present/company.js';

const flags = [
  'details',
  'account_items',
  'taxes',
  'items',
  'partners',
  'sections',
  'tags',
  'walletables',
] as const;
type Flag = (typeof flags)[number];

function requestedFlags(c: Context): Set<Flag> {
  const wanted = new Set<Flag>();
  for (const flag of flags) {
    const value = c.req.query(flag);
    if (value === undefined) continue;
    if (value !== 'true') throw badRequest(`${flag} には true のみ指定できます。`);
    wanted.add(flag);
  }
  return wanted;
}

async function lists(
  deps: SandboxDeps,
  companyId: number,
  wanted: Set<Flag>,
): Promise<Record<string, unknown>> {
  const all = wanted.has('details');
  const want = (flag: Flag) => all || wanted.has(flag);
  const out: Record<string, unknown> = {};
  const db = deps.db;
  if (want('account_items'))
    out.account_items = (
      await db
        .select()
        .from(accountItems)
        .where(eq(accountItems.companyId, companyId))
        .orderBy(asc(accountItems.id))
    ).map((a) => ({ id: a.id, name: a.name, shortcut: a.shortcut, categories: a.categories }));
  if (want('taxes'))
    out.tax_codes = (
      await db.select().from(taxes).where(eq(taxes.companyId, companyId)).orderBy(asc(taxes.code))
    ).map((t) => ({ code: t.code, name: t.name, name_ja: t.nameJa }));
  if (want('items'))
    out.items = (
      await db.select().from(items).where(eq(items.companyId, companyId)).orderBy(asc(items.id))
    ).map((i) => ({ id: i.id, name: i.name, shortcut1: i.shortcut1, shortcut2: i.shortcut2 }));
  if (want('partners'))
    out.partners = (
      await db
        .select()
        .from(partners)
        .where(eq(partners.companyId, companyId))
        .orderBy(asc(partners.id))
    ).map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      shortcut1: p.shortcut1,
      shortcut2: p.shortcut2,
    }));
  if (want('sections'))
    out.sections = (
      await db
        .select()
        .from(sections)
        .where(eq(sections.companyId, companyId))
        .orderBy(asc(sections.id))
    ).map((s) => ({ id: s.id, name: s.name, shortcut1: s.shortcut1, shortcut2: s.shortcut2 }));
  if (want('tags'))
    out.tags = (
      await db.select().from(tags).where(eq(tags.companyId, companyId)).orderBy(asc(tags.id))
    ).map((t) => ({ id: t.id, name: t.name, shortcut1: t.shortcut1, shortcut2: t.shortcut2 }));
  if (want('walletables'))
    out.walletables = (
      await db
        .select()
        .from(walletables)
        .where(eq(walletables.companyId, companyId))
        .orderBy(asc(walletables.id))
    ).map((w) => ({ id: w.id, name: w.name, type: w.type }));
  return out;
}

export function companiesRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/companies', async (c) => {
    const rows = await deps.db
      .select({ company: companies, role: members.role })
      .from(members)
      .innerJoin(companies, eq(companies.id, members.companyId))
      // Only the 事業所 this token was granted (issue #10 item 3).
      .where(
        and(
          eq(members.userId, c.get('auth').userId),
          eq(members.companyId, c.get('auth').companyId),
        ),
      )
      .orderBy(asc(companies.id));
    return c.json({
      companies: rows.map(({ company, role }) => ({
        id: company.id,
        name: company.name,
        name_kana: company.nameKana,
        display_name: company.displayName,
        company_number: company.companyNumber,
        role: companyRole(role),
      })),
    });
  });
  app.get('/companies/:id', async (c) => {
    const wanted = requestedFlags(c);
    const membership = await requireCompany(c, deps, c.req.param('id'), 'read');
    const company = (
      await deps.db.select().from(companies).where(eq(companies.id, membership.companyId))
    )[0];
    if (!company) throw badRequest('存在しない事業所のidです。');
    const years = await deps.db
      .select()
      .from(fiscalYears)
      .where(eq(fiscalYears.companyId, company.id))
      .orderBy(asc(fiscalYears.startDate));
    return c.json({
      company: {
        ...presentCompany(company, membership.role, years),
        ...(await lists(deps, company.id, wanted)),
      },
    });
  });
  return app;
}
