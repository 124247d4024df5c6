// Goal (issue #10 §3, second half): the built-in sandbox's consent page asks a sandbox user to
// sign in, lists only that user's 事業所, grants no other 事業所, and a token reads and writes only
// the 事業所 its flow was granted (403 in freee's error shape otherwise). Method: the sandbox on real
// HTTP; 事業所 A (user A) and 事業所 B (user B); user B plays company B's admin trying to reach A.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSandboxCompany, type SandboxCompany } from '../../src/sandbox/index.js';
import { setSandboxMember } from '../../src/sandbox/admin.js';
import {
  authorize,
  pkcePair,
  signInToConsent,
  startHarness,
  tokenRequest,
  type Harness,
} from '../sandbox/support/harness.js';

let h: Harness;
let companyB: SandboxCompany;

before(async () => {
  h = await startHarness({ company: { name: '事業所エー商店' } });
  companyB = await createSandboxCompany(h.db.pool, h.clock, { name: '事業所ビー商店' });
});
after(async () => h?.close());

function authorizeQuery(challenge?: string): URLSearchParams {
  return new URLSearchParams({
    client_id: h.client.clientId,
    redirect_uri: h.client.redirectUri,
    response_type: 'code',
    state: 'st-hostile',
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  });
}

function hiddenFields(page: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    form.set(match[1] as string, (match[2] as string).replace(/&amp;/g, '&'));
  return form;
}

function signInOf(company: SandboxCompany): { email: string; password: string } {
  assert.ok(company.signIn, 'a new sandbox 事業所 comes with its user sign-in');
  return company.signIn;
}

async function postConsent(form: URLSearchParams, cookie?: string): Promise<Response> {
  return fetch(`${h.url}/public_api/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
}

test('without signing in the consent page lists no 事業所 and grants nothing', async () => {
  const response = await fetch(`${h.url}/public_api/authorize?${authorizeQuery()}`);
  const page = await response.text();
  assert.equal(response.status, 200);
  assert.match(page, /ログイン/);
  assert.doesNotMatch(page, /事業所エー商店|事業所ビー商店/);
  assert.doesNotMatch(page, /name="selection"/);
  assert.doesNotMatch(page, new RegExp(signInOf(h.company).email.replace(/[.]/g, '\\.')));

  const form = hiddenFields(page);
  form.delete('sign_in');
  form.set('selection', `${h.company.userId}:${h.company.companyId}`);
  form.set('decision', 'allow');
  const answer = await postConsent(form);
  await answer.text();
  assert.equal(answer.status, 401, 'no session: 許可する is refused');
  assert.equal(answer.headers.get('location'), null, 'no code is issued');

  const forged = await postConsent(
    form,
    `freee_sandbox_session=${h.company.userId}.9999999999999.x`,
  );
  await forged.text();
  assert.equal(forged.status, 401, 'a forged session cookie is refused');
});

test('a wrong password signs nobody in', async () => {
  const page = await (await fetch(`${h.url}/public_api/authorize?${authorizeQuery()}`)).text();
  const form = hiddenFields(page);
  form.set('email', signInOf(h.company).email);
  form.set('password', 'not-the-password');
  const answer = await postConsent(form);
  const text = await answer.text();
  assert.equal(answer.status, 401);
  assert.equal(answer.headers.get('set-cookie'), null);
  assert.match(text, /メールアドレスまたはパスワードが正しくありません/);
  assert.doesNotMatch(text, /事業所エー商店/);
});

test("user B sees only B's 事業所 and cannot grant A's, whatever the form says", async () => {
  const { page, cookie } = await signInToConsent(h.url, authorizeQuery(), signInOf(companyB));
  assert.match(page, /事業所ビー商店/);
  assert.doesNotMatch(page, /事業所エー商店/);
  assert.doesNotMatch(page, new RegExp(`事業所ID: ${h.company.companyId}[^0-9]`));
  for (const selection of [
    `${h.company.userId}:${h.company.companyId}`,
    `${companyB.userId}:${h.company.companyId}`,
    `${h.company.userId}:${companyB.companyId}`,
  ]) {
    const form = hiddenFields(page);
    form.set('selection', selection);
    form.set('decision', 'allow');
    const answer = await postConsent(form, cookie);
    await answer.text();
    assert.equal(answer.status, 400, selection);
    assert.equal(answer.headers.get('location'), null, `no code for ${selection}`);
  }
});

test("a token granted for B's 事業所 cannot read or write A's, even for a user of both (403, freee's shape)", async () => {
  // User B is also a member of A (an accountant of both): the flow still grants one 事業所 only.
  await setSandboxMember(h.db.pool, {
    companyId: h.company.companyId,
    userId: companyB.userId,
    role: 'admin',
  });
  const pkce = pkcePair();
  const { location } = await authorize(h, {
    challenge: pkce.challenge,
    signIn: signInOf(companyB),
    selection: `${companyB.userId}:${companyB.companyId}`,
  });
  const reply = await tokenRequest(h, {
    grant_type: 'authorization_code',
    code: location.searchParams.get('code') ?? '',
    redirect_uri: h.client.redirectUri,
    code_verifier: pkce.verifier,
  });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  assert.equal(reply.body.company_id, String(companyB.companyId));
  const auth = { authorization: `Bearer ${String(reply.body.access_token)}` };
  const a = h.company.companyId;

  const own = await fetch(`${h.url}/api/1/deals?company_id=${companyB.companyId}`, {
    headers: auth,
  });
  await own.text();
  assert.equal(own.status, 200, "B's own 事業所 is readable");

  for (const path of [
    `/api/1/deals?company_id=${a}`,
    `/api/1/companies/${a}`,
    `/api/1/account_items?company_id=${a}`,
    `/api/1/users/capabilities?company_id=${a}`,
  ]) {
    const response = await fetch(`${h.url}${path}`, { headers: auth });
    const body = (await response.json()) as { status_code?: number; errors?: unknown[] };
    assert.equal(response.status, 403, path);
    assert.equal(body.status_code, 403, path);
    assert.ok(Array.isArray(body.errors) && body.errors.length > 0, path);
  }
  const write = await fetch(`${h.url}/api/1/partners`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ company_id: a, name: '侵入者' }),
  });
  const writeBody = (await write.json()) as { status_code?: number };
  assert.equal(write.status, 403);
  assert.equal(writeBody.status_code, 403);
  const partnersOfA = await h.db.pool.query(
    `select count(*)::int as n from freee_sandbox.partners where company_id = $1 and name = '侵入者'`,
    [a],
  );
  assert.equal((partnersOfA.rows[0] as { n: number }).n, 0, 'nothing written to A');

  const listed = (await (await fetch(`${h.url}/api/1/companies`, { headers: auth })).json()) as {
    companies: { id: number }[];
  };
  assert.deepEqual(
    listed.companies.map((c) => c.id),
    [companyB.companyId],
  );
  const me = (await (
    await fetch(`${h.url}/api/1/users/me?companies=true`, { headers: auth })
  ).json()) as { user: { companies: { id: number }[] } };
  assert.deepEqual(
    me.user.companies.map((c) => c.id),
    [companyB.companyId],
  );
});
