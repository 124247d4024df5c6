// Goal: the freee連携 console routes refuse what is not the caller's — another company's OAuth
// callback, authorization and connection — and writes without CSRF or by a スタッフ; nothing of the
// other company changes. Method: two companies over real HTTP with session cookies; company A
// starts a real flow (the sandbox consent answered programmatically), company B tries every step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createStaff } from '../../../src/app/tenancy/service.js';
import { listStoreStatuses } from '../../../src/app/freee/connect.js';
import { answerSandboxConsent } from '../../../src/main/sandbox-connect.js';
import { createSandboxCompany, type SandboxCompany } from '../../../src/sandbox/index.js';
import {
  apiSession,
  createTestCompany,
  type ApiSession,
  type TestCompany,
} from '../../support/app.js';
import { startFreeeTestApp, type FreeeTestApp } from './support/freee-app.js';

let app: FreeeTestApp;
let alpha: TestCompany;
let beta: TestCompany;
let alphaSession: ApiSession;
let betaSession: ApiSession;
let sandbox: SandboxCompany;
const base = '/admin/settings/integrations/freee';

before(async () => {
  app = await startFreeeTestApp();
  alpha = await createTestCompany(app, 'alpha', ['0001', '0002']);
  beta = await createTestCompany(app, 'beta', ['0001']);
  alphaSession = await apiSession(app, alpha);
  betaSession = await apiSession(app, beta);
  sandbox = await createSandboxCompany(app.freeePool, app.clock, { name: 'アルファ商店' });
});
after(async () => {
  await app?.close();
});

async function post(
  session: ApiSession,
  path: string,
  form: Record<string, string | string[]> = {},
  csrf = true,
): Promise<Response> {
  const body = new URLSearchParams();
  if (csrf) body.append('_csrf', session.csrfToken);
  for (const [key, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
}

async function get(session: ApiSession, pathOrUrl: string): Promise<Response> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${app.url}${pathOrUrl}`;
  return fetch(url, { headers: { cookie: session.cookie }, redirect: 'manual' });
}

/** Company A's 連携開始 answered at the sandbox: the callback URL freee would send the browser to. */
async function alphaCallbackUrl(): Promise<string> {
  const start = await post(alphaSession, `${base}/start`);
  assert.equal(start.status, 303);
  const authorizeUrl = start.headers.get('location') ?? '';
  assert.ok(authorizeUrl.startsWith(`${app.sandboxUrl}/public_api/authorize?`), authorizeUrl);
  return answerSandboxConsent(app.runtime, authorizeUrl, {
    email: sandbox.signIn?.email ?? '',
    password: sandbox.signIn?.password ?? '',
    userId: sandbox.userId,
    companyId: sandbox.companyId,
  });
}

test("another company cannot use A's callback, choice page, 登録 or 連携解除", async () => {
  const callbackUrl = await alphaCallbackUrl();
  const stolen = await get(betaSession, callbackUrl);
  assert.equal(stolen.status, 400);
  assert.match(await stolen.text(), /この連携リクエストは無効です/);

  const callback = await get(alphaSession, callbackUrl);
  assert.equal(callback.status, 303, 'the state is still usable by its own company');
  const choicePath = callback.headers.get('location') ?? '';
  assert.match(choicePath, new RegExp(`^${base}/authorizations/[0-9a-f-]{36}$`));
  assert.equal((await get(alphaSession, choicePath)).status, 200);

  assert.equal((await get(betaSession, choicePath)).status, 404);
  const betaStores = await listStoreStatuses(app.runtime.connectDeps, beta.companyId);
  assert.equal(
    (
      await post(betaSession, choicePath, {
        freeeCompanyId: String(sandbox.companyId),
        storeIds: betaStores.map((s) => s.storeId),
      })
    ).status,
    404,
  );
  assert.equal((await post(betaSession, `${choicePath}/cancel`)).status, 404);

  const alphaStores = await listStoreStatuses(app.runtime.connectDeps, alpha.companyId);
  const foreignStore = await post(alphaSession, choicePath, {
    freeeCompanyId: String(sandbox.companyId),
    storeIds: [betaStores[0]?.storeId ?? ''],
  });
  assert.equal(foreignStore.status, 400, 'a store of another company is refused');
  const registered = await post(alphaSession, choicePath, {
    freeeCompanyId: String(sandbox.companyId),
    storeIds: alphaStores.map((s) => s.storeId),
  });
  assert.equal(registered.status, 303);
  const connections = await app.runtime.store.listConnections(alpha.companyId);
  assert.equal(connections.length, 1);
  const connectionId = connections[0]?.id ?? '';

  assert.equal(
    (await post(betaSession, `${base}/connections/${connectionId}/disconnect`)).status,
    404,
  );
  assert.equal((await post(betaSession, `${base}/connections/not-a-uuid/disconnect`)).status, 404);
  assert.deepEqual(
    (await listStoreStatuses(app.runtime.connectDeps, alpha.companyId)).map((s) => s.status),
    ['connected', 'connected'],
  );
  assert.deepEqual(
    (await listStoreStatuses(app.runtime.connectDeps, beta.companyId)).map((s) => s.status),
    ['unconnected'],
  );
  const betaPage = await (await get(betaSession, base)).text();
  assert.ok(!betaPage.includes('アルファ商店'), "B never sees A's 事業所");

  assert.equal(
    (
      await post(alphaSession, choicePath, {
        freeeCompanyId: String(sandbox.companyId),
        storeIds: alphaStores.map((s) => s.storeId),
      })
    ).status,
    400,
    'an authorization registers once',
  );
});

test('a callback with an unknown state, or a replayed one, is refused', async () => {
  const callbackUrl = await alphaCallbackUrl();
  const forged = new URL(callbackUrl);
  forged.searchParams.set('state', 'forged-state-value-0123456789');
  assert.equal((await get(alphaSession, forged.toString())).status, 400);
  assert.equal((await get(alphaSession, callbackUrl)).status, 303);
  const replay = await get(alphaSession, callbackUrl);
  assert.equal(replay.status, 400);
  assert.match(await replay.text(), /使用済み/);
});

test('許可しない at freee: the callback says the connection was not allowed; nothing is connected', async () => {
  const callback = new URL(await alphaCallbackUrl());
  const denied = new URL(callback.pathname, callback.origin);
  denied.searchParams.set('error', 'access_denied');
  denied.searchParams.set('state', callback.searchParams.get('state') ?? '');
  const before = await app.runtime.store.listConnections(alpha.companyId);
  const response = await get(alphaSession, denied.toString());
  assert.equal(response.status, 400);
  assert.match(await response.text(), /許可されませんでした/);
  assert.equal((await get(alphaSession, callback.toString())).status, 400, 'the state is spent');
  assert.deepEqual(await app.runtime.store.listConnections(alpha.companyId), before);
});

test('without the CSRF token, or as スタッフ, nothing starts', async () => {
  const noCsrf = await post(alphaSession, `${base}/start`, {}, false);
  assert.equal(noCsrf.status, 403);
  await createStaff(
    { uow: app.services.tenancy, clock: app.clock, hasher: app.services.hasher },
    alpha.companyId,
    { code: 'clerk', name: '店員', role: 'staff', password: 'clerk-password-1' },
  );
  const clerk = await apiSession(app, alpha, 'clerk', 'clerk-password-1');
  const refused = await post(clerk, `${base}/start`);
  assert.equal(refused.status, 403);
  assert.match(await refused.text(), /管理者または店長/);
  const page = await get(clerk, base);
  assert.equal(page.status, 200, 'スタッフ may look at the status');
});

test('not logged in: every freee page goes to /login', async () => {
  for (const path of [base, `${base}/callback?code=x&state=y`, '/integrations']) {
    const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
    assert.equal(response.status, 302, path);
    assert.equal(new URL(response.headers.get('location') ?? '', app.url).pathname, '/login');
  }
});

test('a server without freee連携 wired says so on the pages instead of failing', async () => {
  const runtime = app.services.freee;
  delete app.services.freee;
  try {
    const settings = await get(alphaSession, base);
    assert.equal(settings.status, 503);
    assert.match(await settings.text(), /freee連携が設定されていません/);
    const integrations = await get(alphaSession, '/integrations');
    assert.equal(integrations.status, 200);
    assert.match(await integrations.text(), /freee連携が設定されていません/);
  } finally {
    app.services.freee = runtime;
  }
});
