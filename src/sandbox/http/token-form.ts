// The token endpoint's form (read once; Hono caches the parsed body for the route handler).
import type { Context } from 'hono';

export interface TokenForm {
  grant_type?: string;
  code?: string;
  redirect_uri?: string;
  code_verifier?: string;
  refresh_token?: string;
  client_id?: string;
  client_secret?: string;
  token?: string;
  token_type_hint?: string;
}

const fields: readonly (keyof TokenForm)[] = [
  'grant_type',
  'code',
  'redirect_uri',
  'code_verifier',
  'refresh_token',
  'client_id',
  'client_secret',
  'token',
  'token_type_hint',
];

export async function tokenForm(c: Context): Promise<TokenForm> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  let raw: Record<string, unknown> = {};
  if (type.includes('application/json'))
    raw = ((await c.req.json().catch(() => ({}))) ?? {}) as Record<string, unknown>;
  else if (type.includes('form')) raw = (await c.req.parseBody()) as Record<string, unknown>;
  const form: TokenForm = {};
  for (const field of fields) {
    const value = raw[field];
    if (typeof value === 'string') form[field] = value;
  }
  return form;
}

export const invalidGrantBody = {
  error: 'invalid_grant',
  error_description:
    '指定された認可グラントは不正か、有効期限切れか、無効か、リダイレクトURIが異なるか、もしくは別のクライアントに適用されています。',
} as const;
