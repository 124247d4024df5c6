// A sandbox on real HTTP over a fresh database, with one client, one 事業所 and helpers to get
// tokens through the real OAuth flow (authorize page → 許可する → code → token, PKCE S256).
import { createHash, randomBytes } from 'node:crypto';
import { fixedClock } from '../../../src/app/clock.js';
import { createSandboxClient, type SandboxClient } from '../../../src/sandbox/oauth/clients.js';
import { sandboxMigrations } from '../../../src/sandbox/migrations.js';
import {
  createSandboxCompany,
  type SandboxCompany,
  type SandboxCompanyInput,
} from '../../../src/sandbox/seed/company.js';
import { startSandboxServer, type SandboxServer } from '../../../src/sandbox/server.js';
import type { FaultPlan } from '../../../src/sandbox/faults.js';
import type { ServicePlan } from '../../../src/sandbox/service.js';
import {
  openTestDatabase,
  registerTestMigrations,
  type TestDatabase,
} from '../../support/database.js';

registerTestMigrations(sandboxMigrations);

/** 2025-06-15 12:00 JST: fiscal years 2024-04-01〜2025-03-31 and 2025-04-01〜2026-03-31. */
export const startInstant = '2025-06-15T03:00:00Z';
export const redirectUri = 'http://127.0.0.1:9/callback';

export interface Harness {
  db: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  server: SandboxServer;
  url: string;
  client: SandboxClient;
  company: SandboxCompany;
  faults?: FaultPlan | undefined;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    faults?: FaultPlan;
    service?: ServicePlan;
    company?: Partial<SandboxCompanyInput>;
  } = {},
): Promise<Harness> {
  const db = await openTestDatabase();
  const clock = fixedClock(startInstant);
  const client = await createSandboxClient(db.pool, clock, { redirectUri, name: 'Uriage テスト' });
  const company = await createSandboxCompany(db.pool, clock, {
    name: 'サンドボックス商店',
    sections: ['本店'],
    ...options.company,
  });
  const server = await startSandboxServer({
    pool: db.pool,
    clock,
    port: 0,
    faults: options.faults,
    service: options.service,
  });
  return {
    db,
    clock,
    server,
    url: server.url,
    client,
    company,
    faults: options.faults,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeOptions {
  challenge?: string;
  state?: string;
  /** Which radio to choose: `${userId}:${companyId}`; default the harness company. */
  selection?: string;
  decision?: 'allow' | 'deny';
  /** The scope asked for (`read`, `write`, space-separated); absent: not sent. */
  scope?: string;
  /** Who signs in to the consent page; default the harness company's user. */
  signIn?: { email: string; password: string };
}

function hiddenFields(page: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    form.set(match[1] as string, (match[2] as string).replace(/&amp;/g, '&'));
  return form;
}

/** Signs in on the page the authorize URL answers (issue #10 item 3); returns the consent page and the session cookie. */
export async function signInToConsent(
  url: string,
  authorizeQuery: URLSearchParams,
  signIn: { email: string; password: string },
): Promise<{ page: string; cookie: string }> {
  const pageResponse = await fetch(`${url}/public_api/authorize?${authorizeQuery}`);
  const signInPage = await pageResponse.text();
  if (pageResponse.status !== 200)
    throw new Error(`authorize page: ${pageResponse.status} ${signInPage}`);
  const form = hiddenFields(signInPage);
  form.set('email', signIn.email);
  form.set('password', signIn.password);
  const answer = await fetch(`${url}/public_api/authorize`, { method: 'POST', body: form });
  const page = await answer.text();
  if (answer.status !== 200) throw new Error(`sign-in: ${answer.status} ${page}`);
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { page, cookie };
}

/** Opens the consent page, checks it lists the company, presses 許可する; returns the redirect. */
export async function authorize(
  h: Harness,
  options: AuthorizeOptions = {},
): Promise<{ location: URL; page: string }> {
  const query = new URLSearchParams({
    client_id: h.client.clientId,
    redirect_uri: h.client.redirectUri,
    response_type: 'code',
    state: options.state ?? 'st-1',
    prompt: 'select_company',
    ...(options.scope === undefined ? {} : { scope: options.scope }),
    ...(options.challenge
      ? { code_challenge: options.challenge, code_challenge_method: 'S256' }
      : {}),
  });
  return answerConsent(h, query, options);
}

/** Signs in on the page `authorizeQuery` opens (as a client built it) and answers it; returns the redirect. */
export async function answerConsent(
  h: Harness,
  authorizeQuery: URLSearchParams,
  options: Pick<AuthorizeOptions, 'selection' | 'decision' | 'signIn'> = {},
): Promise<{ location: URL; page: string }> {
  const signIn = options.signIn ?? h.company.signIn;
  if (!signIn) throw new Error('harness company has no sign-in: pass options.signIn');
  const { page, cookie } = await signInToConsent(h.url, authorizeQuery, signIn);
  const form = hiddenFields(page);
  form.set('selection', options.selection ?? `${h.company.userId}:${h.company.companyId}`);
  form.set('decision', options.decision ?? 'allow');
  const answer = await fetch(`${h.url}/public_api/authorize`, {
    method: 'POST',
    body: form,
    headers: { cookie },
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location)
    throw new Error(`authorize answer: ${answer.status} ${await answer.text()}`);
  return { location: new URL(location), page };
}

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

export async function tokenRequest(
  h: Harness,
  params: Record<string, string>,
): Promise<TokenReply> {
  const response = await fetch(`${h.url}/public_api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: h.client.clientId,
      client_secret: h.client.clientSecret,
      ...params,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** Tokens through the consent page; `selection` picks another 事業所 of the user (a token reaches only that one). */
export async function login(h: Harness, options: { selection?: string } = {}): Promise<Tokens> {
  const pkce = pkcePair();
  const { location } = await authorize(h, { challenge: pkce.challenge, ...options });
  const reply = await tokenRequest(h, {
    grant_type: 'authorization_code',
    code: location.searchParams.get('code') ?? '',
    redirect_uri: h.client.redirectUri,
    code_verifier: pkce.verifier,
  });
  if (reply.status !== 200) throw new Error(`token: ${reply.status} ${JSON.stringify(reply.body)}`);
  return {
    accessToken: reply.body.access_token as string,
    refreshToken: reply.body.refresh_token as string,
  };
}

export async function refresh(h: Harness, refreshToken: string): Promise<TokenReply> {
  return tokenRequest(h, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

export interface ApiReply {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function call(
  h: Harness,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiReply> {
  const response = await fetch(`${h.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON (e.g. the 502 page): keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
