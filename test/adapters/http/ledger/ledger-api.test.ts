// Goal: the ledger API over real HTTP: status codes and bodies of one item and of a batch, error
// paths, envelope errors, register-token scope, and that no new route lets one company read or
// write another's data. Method: two companies (alpha has stores 0001 and 0002, beta only 0001) on
// one server; every refusal is checked for its status and for nothing written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../../../support/app.js';
import {
  bearer,
  body,
  checkout,
  countRows,
  drawerEvent,
  registerToken,
} from '../../../support/ledger-fixtures.js';

let app: TestApp;
let alpha: TestCompany;
let beta: TestCompany;
let alphaAdmin: ApiSession;
let betaAdmin: ApiSession;

before(async () => {
  app = await startTestApp();
  alpha = await createTestCompany(app, 'alpha', ['0001', '0002']);
  beta = await createTestCompany(app, 'beta', ['0001']);
  alphaAdmin = await apiSession(app, alpha);
  betaAdmin = await apiSession(app, beta);
});
after(async () => app?.close());

const day = '/api/v1/stores/0001/days/2025-01-10';

test('one checkout: 201 accepted, 200 unchanged, 400 naming the field, 409 revision_conflict', async () => {
  const c = checkout('one-1');
  let response = await alphaAdmin.request('POST', '/api/v1/checkouts', c);
  assert.equal(response.status, 201);
  assert.deepEqual(await body(response), { result: 'accepted', id: 'one-1', revision: 1 });
  response = await alphaAdmin.request('POST', '/api/v1/checkouts', c);
  assert.equal(response.status, 200);
  assert.deepEqual(await body(response), {
    result: 'unchanged',
    reason: 'same',
    id: 'one-1',
    revision: 1,
  });
  response = await alphaAdmin.request('POST', '/api/v1/checkouts', {
    ...c,
    lines: [{ ...c.lines[0], quantity: 1.5 }],
  });
  assert.equal(response.status, 400);
  const invalid = await body(response);
  assert.equal(invalid.error.code, 'validation_failed');
  assert.deepEqual(
    invalid.error.fields.map((f: { path: string }) => f.path),
    ['lines[0].quantity'],
  );
  response = await alphaAdmin.request('POST', '/api/v1/checkouts', { ...c, customerCount: 3 });
  assert.equal(response.status, 409);
  assert.equal((await body(response)).error.code, 'revision_conflict');
});

test('a batch: 200 with one result per item, paths like checkouts[1].lines[0].quantity', async () => {
  const response = await alphaAdmin.request('POST', '/api/v1/checkouts', {
    checkouts: [
      checkout('batch-1'),
      {
        ...checkout('batch-2'),
        lines: [{ name: 'x', quantity: 0, unitPrice: 10, taxCategory: 'standard10' }],
      },
      checkout('batch-1'),
    ],
  });
  assert.equal(response.status, 200);
  const report = await body(response);
  assert.deepEqual([report.accepted, report.unchanged, report.rejected], [1, 1, 1]);
  assert.deepEqual(
    report.results.map((r: { result: string }) => r.result),
    ['accepted', 'rejected', 'unchanged'],
  );
  assert.deepEqual(
    report.results[1].error.fields.map((f: { path: string }) => f.path),
    ['checkouts[1].lines[0].quantity'],
  );
});

test('envelope errors are 400 and write nothing: not JSON, an array, checkouts not an array, extra keys, over 1,000', async () => {
  const before = await countRows(app, 'checkouts');
  const raw = await fetch(`${app.url}/api/v1/checkouts`, {
    method: 'POST',
    headers: {
      cookie: alphaAdmin.cookie,
      'x-csrf-token': alphaAdmin.csrfToken,
      'content-type': 'application/json',
    },
    body: '{"checkouts": [',
  });
  assert.equal(raw.status, 400);
  assert.equal((await body(raw)).error.code, 'invalid_json');
  const cases: [unknown, string][] = [
    [[checkout('arr')], ''],
    [{ checkouts: 'x' }, 'checkouts'],
    [{ checkouts: [checkout('extra')], more: 1 }, 'more'],
    [{ checkouts: Array.from({ length: 1001 }, (_, i) => checkout(`over-${i}`)) }, 'checkouts'],
  ];
  for (const [payload, path] of cases) {
    const response = await alphaAdmin.request('POST', '/api/v1/checkouts', payload);
    assert.equal(response.status, 400, path);
    assert.equal((await body(response)).error.fields[0].path, path);
  }
  assert.equal(await countRows(app, 'checkouts'), before);
});

test('drawer events: 201, 200 unchanged, 409 drawer_event_conflict, batch results', async () => {
  let response = await alphaAdmin.request('POST', '/api/v1/drawer-events', drawerEvent('api-d1'));
  assert.equal(response.status, 201);
  response = await alphaAdmin.request('POST', '/api/v1/drawer-events', drawerEvent('api-d1'));
  assert.equal(response.status, 200);
  response = await alphaAdmin.request(
    'POST',
    '/api/v1/drawer-events',
    drawerEvent('api-d1', { amount: 1 }),
  );
  assert.equal(response.status, 409);
  assert.equal((await body(response)).error.code, 'drawer_event_conflict');
  response = await alphaAdmin.request('POST', '/api/v1/drawer-events', {
    drawerEvents: [drawerEvent('api-d2'), drawerEvent('api-d3', { type: 'refill' })],
  });
  const report = await body(response);
  assert.deepEqual(
    report.results.map((r: { result: string }) => r.result),
    ['accepted', 'rejected'],
  );
  assert.equal(report.results[1].error.fields[0].path, 'drawerEvents[1].type');
});

test('close, list by status, pages and the version history over HTTP', async () => {
  await alphaAdmin.request('POST', '/api/v1/checkouts', {
    checkouts: [
      checkout('list-a', { status: 'cancelled' }),
      checkout('list-b'),
      checkout('list-c', { status: 'pending', completedAt: null, payments: [] }),
    ],
  });
  let response = await alphaAdmin.request('GET', `${day}/checkouts?status=cancelled`);
  assert.equal(response.status, 200);
  assert.deepEqual(
    (await body(response)).items.map((i: { id: string }) => i.id),
    ['list-a'],
  );
  response = await alphaAdmin.request('GET', `${day}/checkouts?limit=2`);
  const first = await body(response);
  assert.equal(first.items.length, 2);
  assert.ok(first.nextAfter);
  response = await alphaAdmin.request(
    'GET',
    `${day}/checkouts?limit=1000&after=${encodeURIComponent(first.nextAfter)}`,
  );
  const rest = await body(response);
  assert.equal(rest.nextAfter, null);
  assert.ok(
    !rest.items.some((i: { id: string }) => first.items.some((f: { id: string }) => f.id === i.id)),
    'pages do not overlap',
  );
  response = await alphaAdmin.request('GET', `${day}/checkouts?status=lost`);
  assert.equal(response.status, 400);

  response = await alphaAdmin.request('POST', `${day}/close`, { float: 10000, countedCash: 12000 });
  assert.equal(response.status, 201);
  const v1 = await body(response);
  assert.deepEqual(
    [v1.created, v1.close.version, v1.close.float, v1.close.countedCash],
    [true, 1, 10000, 12000],
  );
  assert.equal(v1.close.difference, v1.close.countedCash - v1.close.expectedCash);
  response = await alphaAdmin.request('POST', `${day}/close`, { float: 10000, countedCash: 12000 });
  assert.equal(response.status, 200);
  response = await alphaAdmin.request('POST', `${day}/close`, { float: 10000, countedCash: 13000 });
  assert.equal((await body(response)).close.version, 2);
  response = await alphaAdmin.request('POST', `${day}/close`, {
    float: 10000,
    countedCash: 13000.5,
  });
  assert.equal(response.status, 400);
  assert.equal((await body(response)).error.fields[0].path, 'countedCash');
  response = await alphaAdmin.request('GET', `${day}/closes`);
  assert.deepEqual(
    (await body(response)).items.map((v: { version: number }) => v.version),
    [1, 2],
  );
});

test('a register token: its own store and register only, for writes, reads and the close', async () => {
  const token = await registerToken(app, alpha, '0001', '01');
  const call = bearer(app, token);
  assert.equal((await call('POST', '/api/v1/checkouts', checkout('tok-own'))).status, 201);
  const other = await call(
    'POST',
    '/api/v1/checkouts',
    checkout('tok-other', { storeCode: '0002' }),
  );
  assert.equal(other.status, 403);
  assert.equal((await body(other)).error.fields[0].path, 'storeCode');
  assert.equal(
    (await call('POST', '/api/v1/drawer-events', drawerEvent('tok-d', { storeCode: '0002' })))
      .status,
    403,
  );
  assert.equal((await call('GET', '/api/v1/stores/0002/days/2025-01-10/checkouts')).status, 403);
  assert.equal((await call('GET', '/api/v1/stores/0002/days/2025-01-10/closes')).status, 403);
  assert.equal(
    (await call('POST', '/api/v1/stores/0002/days/2025-01-10/close', { float: 0, countedCash: 0 }))
      .status,
    403,
  );
  assert.equal((await call('GET', `${day}/checkouts`)).status, 200);
});

test("no route crosses companies: beta cannot see or touch alpha's data", async () => {
  await alphaAdmin.request(
    'POST',
    '/api/v1/checkouts',
    checkout('shared-id', { storeCode: '0002' }),
  );
  await alphaAdmin.request(
    'POST',
    '/api/v1/drawer-events',
    drawerEvent('shared-d', { storeCode: '0002' }),
  );
  const alphaRows = await countRows(app, 'checkouts', alpha.companyId);
  // alpha's store 0002 does not exist for beta
  let response = await betaAdmin.request(
    'POST',
    '/api/v1/checkouts',
    checkout('beta-1', { storeCode: '0002' }),
  );
  assert.equal(response.status, 400);
  assert.equal((await body(response)).error.fields[0].path, 'storeCode');
  response = await betaAdmin.request(
    'POST',
    '/api/v1/drawer-events',
    drawerEvent('beta-d', { storeCode: '0002' }),
  );
  assert.equal(response.status, 400);
  for (const path of [
    '/api/v1/stores/0002/days/2025-01-10/checkouts',
    '/api/v1/stores/0002/days/2025-01-10/closes',
  ]) {
    assert.equal((await betaAdmin.request('GET', path)).status, 404, path);
  }
  assert.equal(
    (
      await betaAdmin.request('POST', '/api/v1/stores/0002/days/2025-01-10/close', {
        float: 0,
        countedCash: 0,
      })
    ).status,
    404,
  );
  // the same client ids in beta are beta's own, never a conflict with alpha's
  assert.equal(
    (
      await betaAdmin.request(
        'POST',
        '/api/v1/checkouts',
        checkout('shared-id', { customerCount: 7 }),
      )
    ).status,
    201,
  );
  assert.equal(
    (
      await betaAdmin.request(
        'POST',
        '/api/v1/drawer-events',
        drawerEvent('shared-d', { amount: 7 }),
      )
    ).status,
    201,
  );
  const betaList = await body(await betaAdmin.request('GET', `${day}/checkouts`));
  assert.deepEqual(
    betaList.items.map((i: { id: string }) => i.id),
    ['shared-id'],
  );
  assert.equal(betaList.items[0].checkout.customerCount, 7);
  const betaToken = await registerToken(app, beta);
  assert.equal(
    (
      await bearer(app, betaToken)(
        'POST',
        '/api/v1/checkouts',
        checkout('beta-tok', { storeCode: '0002' }),
      )
    ).status,
    403,
  );
  assert.equal(await countRows(app, 'checkouts', alpha.companyId), alphaRows);
  assert.equal(await countRows(app, 'day_closes', beta.companyId), 0);
});

test('every ledger route requires a principal; cookie writes require the CSRF header', async () => {
  for (const [method, path] of [
    ['POST', '/api/v1/checkouts'],
    ['POST', '/api/v1/drawer-events'],
    ['POST', `${day}/close`],
    ['GET', `${day}/checkouts`],
    ['GET', `${day}/closes`],
  ] as const) {
    const response = await fetch(`${app.url}${path}`, {
      method,
      ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
    });
    assert.equal(response.status, 401, path);
  }
  const noCsrf = await fetch(`${app.url}/api/v1/checkouts`, {
    method: 'POST',
    headers: { cookie: alphaAdmin.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(checkout('csrf')),
  });
  assert.equal(noCsrf.status, 403);
});

test('the OpenAPI document lists the ledger routes', async () => {
  const document = await body(await fetch(`${app.url}/api/openapi.json`));
  for (const path of [
    '/checkouts',
    '/drawer-events',
    '/stores/{code}/days/{date}/close',
    '/stores/{code}/days/{date}/checkouts',
    '/stores/{code}/days/{date}/closes',
  ]) {
    assert.ok(document.paths[path], path);
  }
});

test('a day path with an impossible date (2025-02-31) is 400 naming date; nothing is closed', async () => {
  const closesBefore = await countRows(app, 'day_closes', alpha.companyId);
  for (const date of ['2025-02-31', '2025-2-01', 'today']) {
    const path = `/api/v1/stores/0001/days/${date}`;
    const listed = await alphaAdmin.request('GET', `${path}/checkouts`);
    assert.equal(listed.status, 400, date);
    const error = (await body(listed)).error;
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(
      error.fields.map((f: { path: string }) => f.path),
      ['date'],
    );
    const closed = await alphaAdmin.request('POST', `${path}/close`, { float: 0, countedCash: 0 });
    assert.equal(closed.status, 400, date);
  }
  assert.equal(await countRows(app, 'day_closes', alpha.companyId), closesBefore);
});
