// GET /api/1/users/me and GET /api/1/users/capabilities.
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { companies, members, users } from '../db/schema.js';
import { companyIdOf, findMembership, requireGrantedCompany } from '../http/auth.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { notFound } from '../http/errors.js';
import { queryPresent } from '../http/params.js';
import { capabilitiesFor } from '../seed/capabilities.js';

export function usersRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/users/me', async (c) => {
    const { userId, companyId: grantedCompanyId } = c.get('auth');
    const rows = await deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
    const user = rows[0];
    if (!user) throw notFound();
    const body: Record<string, unknown> = {
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      first_name: user.firstName,
      last_name: user.lastName,
      first_name_kana: user.firstNameKana,
      last_name_kana: user.lastNameKana,
    };
    if (queryPresent(c, 'companies')) {
      const withAdvisor = queryPresent(c, 'advisor');
      const list = await deps.db
        .select({ id: companies.id, displayName: companies.displayName, role: members.role })
        .from(members)
        .innerJoin(companies, eq(companies.id, members.companyId))
        .where(and(eq(members.userId, userId), eq(members.companyId, grantedCompanyId)))
        .orderBy(asc(companies.id));
      body.companies = list.map((m) => ({
        id: m.id,
        display_name: m.displayName,
        role: m.role,
        use_custom_role: false,
        ...(withAdvisor ? { advisor_id: null } : {}),
      }));
    }
    return c.json({ user: body });
  });
  app.get('/users/capabilities', async (c) => {
    const companyId = companyIdOf(c.req.query('company_id'));
    requireGrantedCompany(c, companyId);
    const membership = await findMembership(deps, c.get('auth').userId, companyId);
    if (!membership) throw notFound();
    return c.json(capabilitiesFor(membership.role));
  });
  return app;
}
