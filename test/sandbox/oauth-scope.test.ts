// Goal: the sandbox grants only the scope the client asked for (issue #15): a token of scope
// `read` reads but every write is 403, also after a refresh; no scope asked gives freee's default
// `read write`; an unknown scope is refused (error=invalid_scope). Method: the real consent page,
// token endpoint and API over HTTP (test/sandbox/support/harness.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  authorize,
  call,
  pkcePair,
  refresh,
  startHarness,
  tokenRequest,
  type Harness,
} from './support/harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => h.close());

async function tokenFor(scope: string | undefined) {
  const pkce = pkcePair();
  const { location } = await authorize(h, {
    challenge: pkce.challenge,
    ...(scope === undefined ? {} : { scope }),
  });
  const reply = await tokenRequest(h, {
    grant_type: 'authorization_code',
    code: location.searchParams.get('code') ?? '',
    redirect_uri: h.client.redirectUri,
    code_verifier: pkce.verifier,
  });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body as { access_token: string; refresh_token: string; scope: string };
}

const createItem = (token: string, name: string) =>
  call(h, token, 'POST', '/api/1/items', { company_id: h.company.companyId, name });

test('scope read: reads work, writes are 403, and a refresh keeps the scope', async () => {
  const tokens = await tokenFor('read');
  assert.equal(tokens.scope, 'read');
  const items = await call(
    h,
    tokens.access_token,
    'GET',
    `/api/1/items?company_id=${h.company.companyId}`,
  );
  assert.equal(items.status, 200);
  assert.equal((await createItem(tokens.access_token, 'スコープ外')).status, 403);
  const refreshed = await refresh(h, tokens.refresh_token);
  assert.equal(refreshed.body.scope, 'read');
  assert.equal(
    (await createItem(refreshed.body.access_token as string, 'スコープ外2')).status,
    403,
  );
});

test('no scope asked: read write (freee default), writes work', async () => {
  const tokens = await tokenFor(undefined);
  assert.equal(tokens.scope, 'read write');
  assert.equal((await createItem(tokens.access_token, 'スコープ内')).status, 201);
});

test('an unknown scope is refused with error=invalid_scope', async () => {
  const query = new URLSearchParams({
    client_id: h.client.clientId,
    redirect_uri: h.client.redirectUri,
    response_type: 'code',
    state: 'st-x',
    scope: 'read admin',
  });
  const response = await fetch(`${h.url}/public_api/authorize?${query}`, { redirect: 'manual' });
  assert.equal(response.status, 302);
  const location = new URL(response.headers.get('location') ?? '');
  assert.equal(location.searchParams.get('error'), 'invalid_scope');
});
