// Who is calling: a console session (cookie) or a register (Bearer API token). Cookie-authenticated
// writes must carry the session's CSRF token (form field `_csrf` or header `X-CSRF-Token`).
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError, forbidden, unauthorized } from '../../app/errors.js';
import type { AppEnv, Principal } from './context.js';

export const sessionCookieName = 'uriage_session';

export async function principalFromRequest(c: Context<AppEnv>): Promise<Principal | undefined> {
  const services = c.get('app');
  const authorization = c.req.header('authorization');
  if (authorization?.startsWith('Bearer ')) {
    const token = await services.auth.resolveApiToken(authorization.slice('Bearer '.length).trim());
    if (!token) throw unauthorized('APIトークンが無効です。');
    return {
      kind: 'register',
      companyId: token.companyId,
      storeCode: token.storeCode,
      registerCode: token.registerCode,
    };
  }
  const cookie = getCookie(c, sessionCookieName);
  if (!cookie) return undefined;
  const resolved = await services.auth.resolveSession(cookie);
  if (!resolved) return undefined;
  return {
    kind: 'staff',
    companyId: resolved.session.companyId,
    staff: resolved.staff,
    csrfToken: resolved.session.csrfToken,
  };
}

export const loadPrincipal: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('principal', await principalFromRequest(c));
  await next();
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfOk(c: Context<AppEnv>, principal: Principal, formToken?: string): boolean {
  if (principal.kind !== 'staff' || safeMethods.has(c.req.method)) return true;
  const sent = c.req.header('x-csrf-token') ?? formToken;
  return sent !== undefined && sent === principal.csrfToken;
}

/** For /api/v1: a principal is required; cookie writes need the CSRF header. */
export const requireApiPrincipal: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = c.get('principal');
  if (!principal) throw unauthorized();
  if (!csrfOk(c, principal))
    throw new AppError(
      'forbidden',
      'csrf_failed',
      '画面を再読み込みしてからやり直してください(CSRFトークンが一致しません)。',
    );
  await next();
};

export function requireStaff(
  c: Context<AppEnv>,
  roles: readonly string[] = ['admin', 'manager', 'staff'],
): Extract<Principal, { kind: 'staff' }> {
  const principal = c.get('principal');
  if (!principal) throw unauthorized();
  if (principal.kind !== 'staff') throw forbidden('この操作は担当者のログインが必要です。');
  if (!roles.includes(principal.staff.role)) throw forbidden();
  return principal;
}

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw unauthorized();
  return principal;
}
