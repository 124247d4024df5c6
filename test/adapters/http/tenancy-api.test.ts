// Goal: the tenancy API works for its own company and refuses everything of another company;
// bad input gets the error shape with field paths and writes nothing; idempotency keys replay.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson } from '../../support/json.js';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
} from '../../support/app.js';

let app: TestApp;
let alpha: ApiSession;
let beta: ApiSession;

before(async () => {
  app = await startTestApp();
  const a = await createTestCompany(app, 'alpha', ['A01']);
  const b = await createTestCompany(app, 'beta', ['B01']);
  alpha = await apiSession(app, a);
  beta = await apiSession(app, b);
});
after(() => app.close());

test('GET /api/v1/me and /company answer for the session company only', async () => {
  const me = await readJson(await alpha.request('GET', '/api/v1/me'));
  assert.equal(me.company.code, 'alpha');
  assert.equal(me.staff.code, 'admin');
  const other = await readJson(await beta.request('GET', '/api/v1/company'));
  assert.equal(other.code, 'beta');
});

test('stores of another company are invisible and cannot be written', async () => {
  const list = await readJson(await beta.request('GET', '/api/v1/stores'));
  assert.deepEqual(
    list.items.map((s: { code: string }) => s.code),
    ['B01'],
  );
  assert.equal((await beta.request('GET', '/api/v1/stores/A01')).status, 404);
  const token = await beta.request('POST', '/api/v1/stores/A01/registers/01/tokens', {});
  assert.equal(token.status, 404);
  const put = await beta.request('PUT', '/api/v1/stores/A01', { name: '乗っ取り' });
  assert.equal(put.status, 200, "a PUT creates B's own store A01, it never touches alpha");
  const alphaStore = await readJson(await alpha.request('GET', '/api/v1/stores/A01'));
  assert.equal(alphaStore.name, '店舗A01');
});

test('payment methods and staff are per company', async () => {
  await alpha.request('PUT', '/api/v1/payment-methods/edy', {
    name: 'Edy',
    kind: 'emoney',
    givesChange: false,
    settlement: 'unsettled',
  });
  const betaMethods = await readJson(await beta.request('GET', '/api/v1/payment-methods'));
  assert.ok(!betaMethods.items.some((m: { code: string }) => m.code === 'edy'));
  const alphaMethods = await readJson(await alpha.request('GET', '/api/v1/payment-methods'));
  assert.ok(alphaMethods.items.some((m: { code: string }) => m.code === 'edy'));
  assert.equal(
    (
      await beta.request('PATCH', '/api/v1/staff/nobody', {
        name: 'x',
        role: 'staff',
        active: true,
      })
    ).status,
    404,
  );
  await alpha.request('POST', '/api/v1/staff', {
    code: 'clerk1',
    name: '店員',
    role: 'staff',
    password: 'password-1',
  });
  const betaStaff = await readJson(await beta.request('GET', '/api/v1/staff'));
  assert.deepEqual(
    betaStaff.items.map((s: { code: string }) => s.code),
    ['admin'],
  );
});

test('bad input: 400 with Japanese message and field paths, nothing written', async () => {
  const response = await alpha.request('PUT', '/api/v1/payment-methods/cash2', {
    name: '現金2',
    kind: 'cash',
    givesChange: true,
    settlement: 'settled',
  });
  assert.equal(response.status, 400);
  const body = await readJson(response);
  assert.equal(body.error.code, 'validation_failed');
  assert.match(body.error.message, /入力/);
  assert.equal(body.error.fields[0].path, 'paymentMethods');
  const methods = await readJson(await alpha.request('GET', '/api/v1/payment-methods'));
  assert.ok(!methods.items.some((m: { code: string }) => m.code === 'cash2'));

  const shape = await alpha.request('PUT', '/api/v1/stores/S9', { name: '', timeZone: 7 });
  assert.equal(shape.status, 400);
  const paths = (await readJson(shape)).error.fields.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, ['name', 'timeZone']);
  assert.equal((await alpha.request('GET', '/api/v1/stores/S9')).status, 404);

  const broken = await fetch(`${app.url}/api/v1/stores/S9`, {
    method: 'PUT',
    headers: {
      cookie: alpha.cookie,
      'x-csrf-token': alpha.csrfToken,
      'content-type': 'application/json',
    },
    body: '{oops',
  });
  assert.equal(broken.status, 400);
  assert.ok(!(await broken.text()).includes('at '), 'no stack trace');
});

test('unauthenticated, wrong CSRF and staff role are refused', async () => {
  assert.equal((await fetch(`${app.url}/api/v1/stores`)).status, 401);
  const noCsrf = await fetch(`${app.url}/api/v1/stores/X1`, {
    method: 'PUT',
    headers: { cookie: alpha.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'x' }),
  });
  assert.equal(noCsrf.status, 403);
  assert.equal((await alpha.request('GET', '/api/v1/stores/X1')).status, 404);
});

test('Idempotency-Key replays the first response and refuses a different body', async () => {
  const headers = { 'idempotency-key': 'k-1' };
  const first = await alpha.request('PUT', '/api/v1/stores/K1', { name: '一回目' }, headers);
  assert.equal(first.status, 200);
  const again = await alpha.request('PUT', '/api/v1/stores/K1', { name: '一回目' }, headers);
  assert.equal(again.headers.get('idempotency-hit'), 'true');
  const other = await alpha.request('PUT', '/api/v1/stores/K1', { name: '二回目' }, headers);
  assert.equal(other.status, 409);
  const stored = await readJson(await alpha.request('GET', '/api/v1/stores/K1'));
  assert.equal(stored.name, '一回目');
  const betaSameKey = await beta.request('PUT', '/api/v1/stores/K1', { name: 'β' }, headers);
  assert.equal(betaSameKey.status, 200, 'keys are per company');
});

test('register API token: issued by admin, authenticates as its register', async () => {
  const issued = await alpha.request('POST', '/api/v1/stores/A01/registers/01/tokens', {
    label: 'iPad',
  });
  assert.equal(issued.status, 201);
  const { token } = await readJson(issued);
  const me = await readJson(
    await fetch(`${app.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }),
  );
  assert.deepEqual(me.register, { storeCode: 'A01', registerCode: '01' });
  assert.equal(me.company.code, 'alpha');
  const staffOnly = await fetch(`${app.url}/api/v1/staff`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(staffOnly.status, 403);
  assert.equal(
    (await fetch(`${app.url}/api/v1/me`, { headers: { authorization: 'Bearer urt_wrong' } }))
      .status,
    401,
  );
});

test('OpenAPI document lists the routes', async () => {
  const doc = await readJson(await fetch(`${app.url}/api/openapi.json`));
  assert.equal(doc.openapi, '3.1.0');
  for (const path of [
    '/me',
    '/company',
    '/stores',
    '/stores/{code}',
    '/payment-methods/{code}',
    '/staff',
    '/staff/{code}',
  ])
    assert.ok(doc.paths[path], path);
});
