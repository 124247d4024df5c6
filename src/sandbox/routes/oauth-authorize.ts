// GET/POST /public_api/authorize: the consent page and its answer (redirect with code & state).
import { asc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { companies, members, users } from '../db/schema.js';
import type { SandboxDeps, SandboxEnv } from '../http/env.js';
import {
  authorizePage,
  errorPage,
  outOfBandPage,
  signInPage,
  type AuthorizeRequest,
  type CompanyChoice,
} from '../oauth/authorize-page.js';
import { findClient } from '../oauth/clients.js';
import {
  sessionCookie,
  sessionCookiePath,
  sessionSignerFor,
  verifySignIn,
} from '../oauth/sign-in.js';
import { issueCode } from '../oauth/tokens.js';

const outOfBand = 'urn:ietf:wg:oauth:2.0:oob';
const choicesMax = 500;

function redirectWith(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== '') url.searchParams.set(key, value);
  return url.toString();
}

async function checkedRequest(
  deps: SandboxDeps,
  read: (name: string) => string,
): Promise<AuthorizeRequest | null> {
  const client = await findClient(deps.pool, read('client_id'));
  const redirectUri = read('redirect_uri');
  if (!client || !client.redirectUris.includes(redirectUri)) return null;
  return {
    clientId: client.clientId,
    clientName: client.name,
    redirectUri,
    state: read('state'),
    codeChallenge: read('code_challenge'),
    codeChallengeMethod: read('code_challenge_method'),
    scope: read('scope'),
  };
}

const knownScopes: readonly string[] = ['read', 'write'];

/** The scope to grant: what was asked ('' → freee's default `read write`), or null when unknown. */
function grantedScope(requested: string): string | null {
  const asked = requested.split(/[\s+]+/).filter((each) => each !== '');
  if (asked.length === 0) return 'read write';
  if (!asked.every((each) => knownScopes.includes(each))) return null;
  return knownScopes.filter((each) => asked.includes(each)).join(' ');
}

/** The 事業所 of the signed-in user only (issue #10 item 3: no other user's 事業所 is listed). */
async function companyChoices(deps: SandboxDeps, userId: number): Promise<CompanyChoice[]> {
  return deps.db
    .select({
      userId: users.id,
      userEmail: users.email,
      companyId: companies.id,
      companyName: companies.displayName,
      role: members.role,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(companies, eq(companies.id, members.companyId))
    .where(eq(users.id, userId))
    .orderBy(asc(companies.id))
    .limit(choicesMax);
}

const badClient =
  'クライアントIDまたはリダイレクトURIが正しくありません。アプリケーションの設定を確認してください。';

export function oauthAuthorizeRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const sessions = sessionSignerFor(deps);
  const signedIn = (c: Context<SandboxEnv>) =>
    sessions.userOf(getCookie(c, sessionCookie), deps.clock.now());
  app.get('/authorize', async (c) => {
    const request = await checkedRequest(deps, (name) => c.req.query(name) ?? '');
    if (!request) return c.html(errorPage(badClient), 400);
    const problem = requestProblem(c.req.query('response_type') ?? '', request);
    if (problem) return redirectError(c, request, problem);
    const userId = signedIn(c);
    if (userId === null) return c.html(signInPage(request, false));
    return c.html(authorizePage(request, await companyChoices(deps, userId)));
  });
  app.post('/authorize', async (c) => {
    const form = (await c.req.parseBody()) as Record<string, string | undefined>;
    const request = await checkedRequest(deps, (name) => form[name] ?? '');
    if (!request) return c.html(errorPage(badClient), 400);
    if (form.sign_in === '1') {
      const userId = await verifySignIn(deps.db, form.email ?? '', form.password ?? '');
      if (userId === null) return c.html(signInPage(request, true), 401);
      setCookie(c, sessionCookie, sessions.sign(userId, deps.clock.now()), {
        path: sessionCookiePath(deps.baseUrl),
        httpOnly: true,
        sameSite: 'Lax',
      });
      return c.html(authorizePage(request, await companyChoices(deps, userId)));
    }
    if (form.decision !== 'allow') return redirectError(c, request, 'access_denied');
    const scope = grantedScope(request.scope);
    if (scope === null) return redirectError(c, request, 'invalid_scope');
    const sessionUser = signedIn(c);
    if (sessionUser === null) return c.html(signInPage(request, false), 401);
    const [userId, companyId] = (form.selection ?? '').split(':').map(Number);
    const allowed =
      userId === sessionUser &&
      (await companyChoices(deps, sessionUser)).some((choice) => choice.companyId === companyId);
    if (!userId || !companyId || !allowed)
      return c.html(errorPage('事業所を選択してください。'), 400);
    const code = await issueCode(deps.db, deps.clock, {
      clientId: request.clientId,
      userId,
      companyId,
      redirectUri: request.redirectUri,
      scope,
      codeChallenge: request.codeChallenge || null,
    });
    if (request.redirectUri === outOfBand) return c.html(outOfBandPage(code));
    return c.redirect(redirectWith(request.redirectUri, { code, state: request.state }), 302);
  });
  return app;
}

function requestProblem(responseType: string, request: AuthorizeRequest): string | null {
  if (responseType !== 'code') return 'unsupported_response_type';
  if (grantedScope(request.scope) === null) return 'invalid_scope';
  if (request.codeChallenge && request.codeChallengeMethod !== 'S256') return 'invalid_request';
  return null;
}

function redirectError(c: Context<SandboxEnv>, request: AuthorizeRequest, error: string): Response {
  if (request.redirectUri === outOfBand)
    return c.html(errorPage(error), 400) as unknown as Response;
  return c.redirect(redirectWith(request.redirectUri, { error, state: request.state }), 302);
}
