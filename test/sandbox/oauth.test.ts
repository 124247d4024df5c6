// Goal: the sandbox's OAuth behaves like freee's over real HTTP — authorization code with PKCE
// (S256), single-use rotating refresh tokens (reuse → 401 invalid_grant, the old access token dies),
// 6-hour access tokens by the injected clock, 10-minute codes, revoke.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  authorize,
  call,
  login,
  pkcePair,
  refresh,
  startHarness,
  tokenRequest,
  type Harness,
} from './support/harness.js';
import { assertMatchesSchema } from './support/freee-schema.js';

const invalidGrant = {
  error: 'invalid_grant',
  error_description:
    '指定された認可グラントは不正か、有効期限切れか、無効か、リダイレクトURIが異なるか、もしくは別のクライアントに適用されています。',
};
const expired = { code: 'expired_access_token', message: 'アクセスする権限がありません' };

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

test('code + PKCE flow: consent page in Japanese, redirect with code and state, token like freee', async () => {
  const pkce = pkcePair();
  const { location, page } = await authorize(h, { challenge: pkce.challenge, state: 'xyz-42' });
  assert.match(page, /サンドボックス商店/);
  assert.match(page, /許可する/);
  assert.equal(`${location.origin}${location.pathname}`, h.client.redirectUri);
  assert.equal(location.searchParams.get('state'), 'xyz-42');
  const code = location.searchParams.get('code') ?? '';
  assert.ok(code.length >= 20);
  const reply = await tokenRequest(h, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: h.client.redirectUri,
    code_verifier: pkce.verifier,
  });
  assert.equal(reply.status, 200);
  assert.equal(reply.body.token_type, 'bearer');
  assert.equal(reply.body.expires_in, 21600);
  assert.equal(reply.body.scope, 'read write');
  assert.equal(reply.body.company_id, String(h.company.companyId));
  assert.equal(typeof reply.body.external_cid, 'string');
  const me = await call(
    h,
    reply.body.access_token as string,
    'GET',
    '/api/1/users/me?companies=true',
  );
  assert.equal(me.status, 200);
  assertMatchesSchema('/api/1/users/me', 'get', 200, me.body);
  const again = await tokenRequest(h, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: h.client.redirectUri,
    code_verifier: pkce.verifier,
  });
  assert.deepEqual(again, { status: 401, body: invalidGrant }, 'a code is single use');
});

test('PKCE: a wrong or missing code_verifier is invalid_grant', async () => {
  for (const verifier of ['wrong-verifier-wrong-verifier-wrong-verifier', undefined]) {
    const pkce = pkcePair();
    const { location } = await authorize(h, { challenge: pkce.challenge });
    const reply = await tokenRequest(h, {
      grant_type: 'authorization_code',
      code: location.searchParams.get('code') ?? '',
      redirect_uri: h.client.redirectUri,
      ...(verifier ? { code_verifier: verifier } : {}),
    });
    assert.deepEqual(reply, { status: 401, body: invalidGrant });
  }
});

test('codes expire after 10 minutes by the clock; client and redirect are checked', async () => {
  const pkce = pkcePair();
  const { location } = await authorize(h, { challenge: pkce.challenge });
  const code = location.searchParams.get('code') ?? '';
  const wrongSecret = await fetch(`${h.url}/public_api/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: h.client.clientId,
      client_secret: 'nope',
      redirect_uri: h.client.redirectUri,
    }),
  });
  assert.equal(wrongSecret.status, 401);
  assert.equal(((await wrongSecret.json()) as { error: string }).error, 'invalid_client');
  h.clock.advanceMs(10 * 60 * 1000 + 1);
  const late = await tokenRequest(h, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: h.client.redirectUri,
    code_verifier: pkce.verifier,
  });
  assert.deepEqual(late, { status: 401, body: invalidGrant });
  const badRedirect = await fetch(
    `${h.url}/public_api/authorize?client_id=${h.client.clientId}&redirect_uri=${encodeURIComponent('http://evil.example/cb')}&response_type=code&state=s`,
    { redirect: 'manual' },
  );
  assert.equal(badRedirect.status, 400, 'an unregistered redirect_uri is never redirected to');
});

test('許可しない redirects back with error=access_denied and the state', async () => {
  const { location } = await authorize(h, { decision: 'deny', state: 'st-deny' });
  assert.equal(location.searchParams.get('error'), 'access_denied');
  assert.equal(location.searchParams.get('state'), 'st-deny');
  assert.equal(location.searchParams.get('code'), null);
});

test('refresh rotates single-use tokens: reuse is invalid_grant, the old access token is dead', async () => {
  const first = await login(h);
  const rotated = await refresh(h, first.refreshToken);
  assert.equal(rotated.status, 200);
  assert.notEqual(rotated.body.refresh_token, first.refreshToken);
  assert.notEqual(rotated.body.access_token, first.accessToken);
  assert.equal(rotated.body.company_id, String(h.company.companyId));
  assert.deepEqual(await refresh(h, first.refreshToken), { status: 401, body: invalidGrant });
  const old = await call(h, first.accessToken, 'GET', '/api/1/companies');
  assert.deepEqual({ status: old.status, body: old.body }, { status: 401, body: expired });
  assertMatchesSchema('/api/1/companies', 'get', 401, old.body, 'open');
  const fresh = await call(h, rotated.body.access_token as string, 'GET', '/api/1/companies');
  assert.equal(fresh.status, 200);
  const next = await refresh(h, rotated.body.refresh_token as string);
  assert.equal(next.status, 200, 'the new refresh token works once');
});

test('access tokens expire after 6 hours by the injected clock; refresh still works', async () => {
  const tokens = await login(h);
  h.clock.advanceMs(6 * 60 * 60 * 1000 - 1000);
  assert.equal((await call(h, tokens.accessToken, 'GET', '/api/1/users/me')).status, 200);
  h.clock.advanceMs(1000);
  const late = await call(h, tokens.accessToken, 'GET', '/api/1/users/me');
  assert.deepEqual({ status: late.status, body: late.body }, { status: 401, body: expired });
  const rotated = await refresh(h, tokens.refreshToken);
  assert.equal(rotated.status, 200);
  assert.equal(
    (await call(h, rotated.body.access_token as string, 'GET', '/api/1/users/me')).status,
    200,
  );
});

test('refresh tokens expire after 90 days', async () => {
  const tokens = await login(h);
  h.clock.advanceMs(90 * 24 * 60 * 60 * 1000);
  assert.deepEqual(await refresh(h, tokens.refreshToken), { status: 401, body: invalidGrant });
});

test('revoke (either token) kills the pair; refreshing afterwards is invalid_grant', async () => {
  for (const which of ['accessToken', 'refreshToken'] as const) {
    const tokens = await login(h);
    const response = await fetch(`${h.url}/public_api/revoke`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: h.client.clientId,
        client_secret: h.client.clientSecret,
        token: tokens[which],
      }),
    });
    assert.equal(response.status, 200);
    assert.equal((await call(h, tokens.accessToken, 'GET', '/api/1/users/me')).status, 401);
    assert.deepEqual(await refresh(h, tokens.refreshToken), { status: 401, body: invalidGrant });
  }
});

test('no bearer token, or a made-up one: 401 expired_access_token with a request id', async () => {
  const anonymous = await fetch(`${h.url}/api/1/users/me`);
  assert.equal(anonymous.status, 401);
  assert.deepEqual(await anonymous.json(), expired);
  assert.ok(anonymous.headers.get('x-freee-request-id'));
  assert.equal((await call(h, 'made-up', 'GET', '/api/1/users/me')).status, 401);
});
