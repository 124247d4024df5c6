// POST /public_api/token (authorization_code with PKCE, refresh_token with rotation) and
// POST /public_api/revoke (RFC 7009). Client authentication: client_secret_post or HTTP Basic.
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { companies } from '../db/schema.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import { invalidGrantBody, tokenForm, type TokenForm } from '../http/token-form.js';
import { authenticateClient, type RegisteredClient } from '../oauth/clients.js';
import { verifierMatches } from '../oauth/secrets.js';
import {
  accessTokenLifetimeMs,
  issueTokens,
  redeemCode,
  revokeToken,
  rotateRefreshToken,
  type IssuedTokens,
} from '../oauth/tokens.js';

function basicCredentials(c: Context): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  if (!match?.[1]) return null;
  const [id, secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return id && secret !== undefined
    ? { id: decodeURIComponent(id), secret: decodeURIComponent(secret) }
    : null;
}

async function clientOf(
  deps: SandboxDeps,
  c: Context,
  form: TokenForm,
): Promise<RegisteredClient | null> {
  const basic = basicCredentials(c);
  const id = form.client_id ?? basic?.id;
  const secret = form.client_secret ?? basic?.secret;
  return id && secret ? authenticateClient(deps.pool, id, secret) : null;
}

const invalidClient = {
  error: 'invalid_client',
  error_description: 'クライアント認証に失敗しました。',
} as const;

async function tokenResponse(deps: SandboxDeps, tokens: IssuedTokens) {
  const rows = await deps.db
    .select({ externalCid: companies.externalCid })
    .from(companies)
    .where(eq(companies.id, tokens.companyId))
    .limit(1);
  return {
    access_token: tokens.accessToken,
    token_type: 'bearer',
    expires_in: accessTokenLifetimeMs / 1000,
    refresh_token: tokens.refreshToken,
    scope: tokens.scope,
    created_at: Math.floor(tokens.createdAt.getTime() / 1000),
    company_id: String(tokens.companyId),
    external_cid: rows[0]?.externalCid ?? '',
  };
}

async function exchangeCode(
  deps: SandboxDeps,
  client: RegisteredClient,
  form: TokenForm,
): Promise<IssuedTokens | null> {
  if (!form.code) return null;
  const redeemed = await redeemCode(deps.db, deps.clock, form.code);
  if (
    !redeemed ||
    redeemed.clientId !== client.clientId ||
    redeemed.redirectUri !== form.redirect_uri
  )
    return null;
  if (
    redeemed.codeChallenge &&
    !(form.code_verifier && verifierMatches(form.code_verifier, redeemed.codeChallenge))
  )
    return null;
  return issueTokens(deps.db, deps.clock, {
    clientId: redeemed.clientId,
    userId: redeemed.userId,
    companyId: redeemed.companyId,
    scope: redeemed.scope,
  });
}

export function oauthTokenRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.post('/token', async (c) => {
    c.header('Cache-Control', 'no-store');
    const form = await tokenForm(c);
    const client = await clientOf(deps, c, form);
    if (!client) return c.json(invalidClient, 401);
    let tokens: IssuedTokens | null;
    if (form.grant_type === 'authorization_code') tokens = await exchangeCode(deps, client, form);
    else if (form.grant_type === 'refresh_token')
      tokens = form.refresh_token
        ? await rotateRefreshToken(deps.db, deps.clock, client.clientId, form.refresh_token)
        : null;
    else
      return c.json(
        { error: 'unsupported_grant_type', error_description: 'grant_type が不正です。' },
        400,
      );
    if (!tokens) return c.json(invalidGrantBody, 401);
    return c.json(await tokenResponse(deps, tokens));
  });
  app.post('/revoke', async (c) => {
    const form = await tokenForm(c);
    const client = await clientOf(deps, c, form);
    if (!client) return c.json(invalidClient, 401);
    if (!form.token)
      return c.json(
        { error: 'invalid_request', error_description: 'token を指定してください。' },
        400,
      );
    await revokeToken(deps.db, deps.clock, client.clientId, form.token);
    return c.json({});
  });
  return app;
}
