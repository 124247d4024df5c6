// Console helpers: the logged-in staff or a redirect to /login; form parsing with CSRF check.
import type { Context } from 'hono';
import { AppError, notFound } from '../../app/errors.js';
import { csrfOk } from '../http/auth-middleware.js';
import type { AppEnv, Principal } from '../http/context.js';

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

export function consoleStaff(c: Context<AppEnv>): StaffPrincipal | null {
  const principal = c.get('principal');
  return principal?.kind === 'staff' ? principal : null;
}

export async function readForm(
  c: Context<AppEnv>,
  principal: StaffPrincipal,
): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form[key] = value;
  if (!csrfOk(c, principal, form._csrf))
    throw new AppError(
      'forbidden',
      'csrf_failed',
      '画面を再読み込みしてからやり直してください(CSRFトークンが一致しません)。',
    );
  return form;
}

/** The use cases' catch-all text: the page shows the fields' own messages (what is expected) instead. */
const genericValidationMessage = '入力内容に誤りがあります。';

export function errorsByPath(
  error: unknown,
): { message: string; fields: Record<string, string> } | null {
  if (!(error instanceof AppError)) return null;
  const fields: Record<string, string> = {};
  for (const f of error.fields) fields[f.path] ??= f.message;
  const generic = error.userMessage === genericValidationMessage && error.fields.length > 0;
  return { message: generic ? Object.values(fields).join(' ') : error.userMessage, fields };
}

export function canAdmin(principal: StaffPrincipal): boolean {
  return principal.staff.role === 'admin';
}

/** The store named by `?store=`: an unknown code is 404 (never another store); none named → the
 *  first store for a page, but a write must name its store. */
export function storeNamed<T extends { code: string }>(
  stores: readonly T[],
  code: string | undefined,
  use: 'page' | 'write' = 'page',
): T | null {
  if (code === undefined || code === '') {
    if (use === 'write') throw notFound('store', '店舗を指定してください。');
    return stores[0] ?? null;
  }
  const store = stores.find((s) => s.code === code);
  if (!store) throw notFound('store', `店舗コード「${code}」の店舗は登録されていません。`);
  return store;
}
