// Goal (issue #10 §12): security headers on pages and API answers; a password change ends the
// other sessions; the last admin cannot be deactivated or demoted; an Idempotency-Key is scoped per
// principal and forgotten after the retention period. Method: a real HTTP server, two sessions of
// the admin, a register token; the test's clock moves past the retention.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { idempotencyRetentionMs } from '../../src/app/idempotency.js';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../support/app.js';
import { body, checkout, registerToken } from '../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'small', ['0001']);
});
after(async () => app?.close());

test('pages and API answers carry CSP with frame-ancestors, nosniff, Referrer-Policy, no-store', async () => {
  const admin = await apiSession(app, company);
  for (const response of [
    await fetch(`${app.url}/login`),
    await admin.request('GET', '/api/v1/me'),
    await fetch(`${app.url}/api/v1/me`),
  ]) {
    await response.text();
    const h = response.headers;
    assert.match(h.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.match(h.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(h.get('x-content-type-options'), 'nosniff');
    assert.equal(h.get('referrer-policy'), 'same-origin');
    assert.equal(h.get('cache-control'), 'no-store');
  }
  const htmx = await fetch(`${app.url}/static/htmx.min.js`);
  await htmx.text();
  assert.match(htmx.headers.get('cache-control') ?? '', /public/);
});

test('the last admin can be neither deactivated nor demoted (409 last_admin, naming the field)', async () => {
  const admin = await apiSession(app, company);
  for (const [change, field] of [
    [{ active: false, role: 'admin' }, 'active'],
    [{ active: true, role: 'manager' }, 'role'],
  ] as const) {
    const response = await admin.request('PATCH', '/api/v1/staff/admin', {
      name: '管理者',
      ...change,
    });
    assert.equal(response.status, 409);
    const refused = await body(response);
    assert.equal(refused.error.code, 'last_admin');
    assert.equal(refused.error.fields[0].path, field);
  }
  // With a second admin, the first may step down.
  let response = await admin.request('POST', '/api/v1/staff', {
    code: 'boss2',
    name: '管理者2',
    role: 'admin',
    password: 'second-admin-pw',
  });
  assert.equal(response.status, 201);
  response = await admin.request('PATCH', '/api/v1/staff/boss2', {
    name: '管理者2',
    role: 'admin',
    active: false,
  });
  assert.equal(response.status, 200);
});

test('a password change ends the other sessions of that staff, not the one that changed it', async () => {
  const here = await apiSession(app, company);
  const elsewhere = await apiSession(app, company);
  assert.equal((await elsewhere.request('GET', '/api/v1/me')).status, 200);
  const response = await here.request('PATCH', '/api/v1/staff/admin', {
    name: '管理者',
    role: 'admin',
    active: true,
    password: 'a-new-admin-password',
  });
  assert.equal(response.status, 200);
  assert.equal((await elsewhere.request('GET', '/api/v1/me')).status, 401);
  assert.equal((await here.request('GET', '/api/v1/me')).status, 200);
  company.adminPassword = 'a-new-admin-password';
});

test('an Idempotency-Key is scoped per principal and forgotten after the retention period', async () => {
  const admin = await apiSession(app, company);
  const register = await registerToken(app, company);
  const key = { 'idempotency-key': 'shared-key-1' };
  const send = (id: string, via: 'register' | 'admin') =>
    via === 'admin'
      ? admin.request('POST', '/api/v1/checkouts', checkout(id), key)
      : fetch(`${app.url}/api/v1/checkouts`, {
          method: 'POST',
          headers: {
            ...key,
            authorization: `Bearer ${register}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(checkout(id)),
        });
  assert.equal((await send('idem-1', 'register')).status, 201);
  const replay = await send('idem-1', 'register');
  assert.equal(replay.headers.get('idempotency-hit'), 'true');
  // Another principal's same key is its own: processed, not idempotency_key_reused.
  assert.equal((await send('idem-2', 'admin')).status, 201);
  assert.equal((await send('idem-3', 'register')).status, 409, 'the same principal: reused');
  app.clock.advanceMs(idempotencyRetentionMs + 1000);
  assert.equal((await send('idem-3', 'register')).status, 201, 'after the retention');
  const { rows } = await app.db.pool.query<{ n: number }>(
    'select count(*)::int as n from idempotency_keys where created_at < $1',
    [new Date(app.clock.now().getTime() - idempotencyRetentionMs)],
  );
  assert.equal(rows[0]?.n, 0, 'older answers are purged');
});
