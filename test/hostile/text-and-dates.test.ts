// Goal (issue #10 §6): NUL and lone surrogates in a line name, id or staff code reject that item
// only (its neighbours in the batch are written); NUL in drawer reasons, store names and query
// strings, impossible dates on posting and report routes, and bodies that are not UTF-8 are 400
// naming the field, never a 500, nothing written. Method: a real HTTP server; rows counted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../support/app.js';
import { body, checkout, countRows, drawerEvent } from '../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let admin: ApiSession;

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'texts', ['0001']);
  admin = await apiSession(app, company);
});
after(async () => app?.close());

const paths = (report: { results: { error?: { fields: { path: string }[] } }[] }) =>
  report.results.map((r) => r.error?.fields.map((f) => f.path) ?? []);

test('one bad text in a batch of checkouts rejects that item only, naming its field', async () => {
  const line = checkout('x').lines[0]!;
  const response = await admin.request('POST', '/api/v1/checkouts', {
    checkouts: [
      checkout('tx-1'),
      checkout('tx-2', { lines: [{ ...line, name: 'コーヒー\u0000' }] }),
      checkout('tx-3\uD800'),
      checkout('tx-4', { staffCode: 'a\uDC00' }),
      checkout('tx-5'),
    ],
  });
  assert.equal(response.status, 200);
  const report = await body(response);
  assert.deepEqual([report.accepted, report.rejected], [2, 3]);
  assert.deepEqual(paths(report), [
    [],
    ['checkouts[1].lines[0].name'],
    ['checkouts[2].id'],
    ['checkouts[3].staffCode'],
    [],
  ]);
  assert.equal(await countRows(app, 'checkouts', company.companyId), 2);
});

test('NUL in a drawer reason or a store name, %00 in a query: 400 naming the field', async () => {
  let response = await admin.request(
    'POST',
    '/api/v1/drawer-events',
    drawerEvent('dr-1', { reason: '両替\u0000' }),
  );
  assert.equal(response.status, 400);
  assert.deepEqual(
    (await body(response)).error.fields.map((f: { path: string }) => f.path),
    ['reason'],
  );
  response = await admin.request('PUT', '/api/v1/stores/0001', { name: '店\u0000' });
  assert.equal(response.status, 400);
  assert.deepEqual(
    (await body(response)).error.fields.map((f: { path: string }) => f.path),
    ['name'],
  );
  response = await admin.request('GET', '/api/v1/stores/0001/days/2025-01-10/checkouts?after=%00');
  assert.equal(response.status, 400);
  assert.deepEqual(
    (await body(response)).error.fields.map((f: { path: string }) => f.path),
    ['after'],
  );
  assert.equal(await countRows(app, 'drawer_events', company.companyId), 0);
  const stored = await app.db.pool.query<{ name: string }>(
    "select name from stores where code = '0001'",
  );
  assert.equal(stored.rows[0]?.name, '店舗0001');
});

test('impossible dates on posting and report routes: 400 naming the date', async () => {
  const cases: [string, string, unknown, string][] = [
    ['POST', '/api/v1/stores/0001/days/2026-02-30/posting', undefined, 'date'],
    ['POST', '/api/v1/stores/0001/posting', { from: '2026-02-01', to: '2026-02-30' }, 'to'],
    ['GET', '/api/v1/stores/0001/days/2026-02-30/deals', undefined, 'date'],
    ['GET', '/api/v1/posting/results?from=2026-02-30&to=2026-03-01', undefined, 'query.from'],
    ['GET', '/api/v1/stores/0001/days/2026-02-30/report', undefined, 'date'],
    ['GET', '/api/v1/stores/0001/reports?from=2026-01-01&to=2026-13-01', undefined, 'query.to'],
  ];
  for (const [method, path, payload, field] of cases) {
    const response = await admin.request(method, path, payload);
    assert.equal(response.status, 400, `${method} ${path}`);
    const named = (await body(response)).error.fields.map((f: { path: string }) => f.path);
    assert.deepEqual(named, [field], `${method} ${path}`);
  }
});

test('a body that is not UTF-8 is refused, not read with replacement characters', async () => {
  const bytes = new TextEncoder().encode(JSON.stringify({ name: 'XX', roundingMode: 'floor' }));
  const broken = new Uint8Array(bytes);
  broken[10] = 0xff;
  broken[11] = 0xfe;
  const response = await fetch(`${app.url}/api/v1/company`, {
    method: 'PUT',
    headers: {
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
      'content-type': 'application/json',
    },
    body: broken,
  });
  assert.equal(response.status, 400);
  assert.equal((await body(response)).error.fields[0].code, 'invalid_encoding');
});
