// Bearer tokens on /api/1 and the company check every call makes (company_id must be one of the
// token user's 事業所; writes need a role that may write).
import { and, eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { members } from '../db/schema.js';
import { findAccessGrant } from '../oauth/tokens.js';
import type { SandboxRole } from '../seed/company.js';
import type { SandboxDeps, SandboxEnv } from './env.js';
import {
  badRequest,
  noPermission,
  SandboxHttpError,
  unauthorized,
  type FreeeErrorBody,
} from './errors.js';

export function bearerToken(c: Context): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1] ?? null;
}

const readMethods: readonly string[] = ['GET', 'HEAD', 'OPTIONS'];
const insufficientScope: FreeeErrorBody = {
  status_code: 403,
  errors: [{ type: 'status', messages: ['この操作を行う権限(スコープ)がありません。'] }],
};

export function bearerAuth(deps: SandboxDeps): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    const grant = token ? await findAccessGrant(deps.db, deps.clock, token) : null;
    if (!grant) throw new SandboxHttpError(401, unauthorized.expiredAccessToken);
    // Only the scope the client asked for (issue #15): a read-only token writes nothing.
    if (!readMethods.includes(c.req.method) && !grant.scope.split(' ').includes('write'))
      throw new SandboxHttpError(403, insufficientScope);
    c.set('auth', grant);
    await next();
  };
}

const writers: readonly string[] = [
  'admin',
  'simple_accounting',
  'self_only',
] satisfies SandboxRole[];

export interface Membership {
  companyId: number;
  role: SandboxRole;
}

/** company_id as sent (query text or JSON number) → a positive integer, or freee's 400. */
export function companyIdOf(value: unknown): number {
  if (value === undefined || value === null || value === '')
    throw badRequest('company_id は必須です。');
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1)
    throw badRequest('company_id は1以上の整数で指定してください。');
  return n;
}

export async function findMembership(
  deps: SandboxDeps,
  userId: number,
  companyId: number,
): Promise<Membership | null> {
  const rows = await deps.db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.userId, userId), eq(members.companyId, companyId)))
    .limit(1);
  const row = rows[0];
  return row ? { companyId, role: row.role as SandboxRole } : null;
}

const otherCompany: FreeeErrorBody = {
  status_code: 403,
  errors: [{ type: 'status', messages: ['この事業所にアクセスする権限がありません。'] }],
};

/** A token reaches only the 事業所 its flow was granted (issue #10 item 3): any other → 403. */
export function requireGrantedCompany(c: Context<SandboxEnv>, companyId: number): void {
  if (c.get('auth').companyId !== companyId) throw new SandboxHttpError(403, otherCompany);
}

export async function requireCompany(
  c: Context<SandboxEnv>,
  deps: SandboxDeps,
  companyIdValue: unknown,
  access: 'read' | 'write',
): Promise<Membership> {
  // freee's own client (freee-mcp) names the 事業所 only in the x-freee-company-id header.
  const given =
    companyIdValue === undefined || companyIdValue === null || companyIdValue === ''
      ? c.req.header('x-freee-company-id')
      : companyIdValue;
  const companyId = companyIdOf(given);
  requireGrantedCompany(c, companyId);
  const membership = await findMembership(deps, c.get('auth').userId, companyId);
  if (!membership) throw badRequest('存在しない事業所のidです。');
  if (access === 'write' && !writers.includes(membership.role)) throw noPermission();
  return membership;
}
