// Goal (issue #10 §11): a console write naming an unknown store is 404 and closes nothing (it used
// to close the first store, which then posted to freee); pages naming an unknown store are 404 too.
// Method: a real HTTP server, a staff session with its CSRF token; closes counted.
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
import { countRows } from '../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let admin: ApiSession;

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'console', ['0001', '0002']);
  admin = await apiSession(app, company);
});
after(async () => app?.close());

function postForm(path: string, fields: Record<string, string>) {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: admin.csrfToken, ...fields }),
  });
}

test('POST /days/close?store=<unknown> is 404 and closes no store', async () => {
  for (const query of ['store=9999&date=2025-01-10', 'date=2025-01-10']) {
    const response = await postForm(`/days/close?${query}`, { float: '0', countedCash: '0' });
    assert.equal(response.status, 404, query);
  }
  const preview = await postForm('/days/close/preview?store=9999&date=2025-01-10', {
    float: '0',
    countedCash: '0',
  });
  assert.equal(preview.status, 404);
  const print = await postForm('/report/print?store=9999&date=2025-01-10', {});
  assert.equal(print.status, 404);
  assert.equal(await countRows(app, 'day_closes', company.companyId), 0);
  // The known store still closes.
  const ok = await postForm('/days/close?store=0002&date=2025-01-10', {
    float: '0',
    countedCash: '0',
  });
  assert.equal(ok.status, 303);
  const { rows } = await app.db.pool.query<{ code: string }>(
    'select s.code from day_closes d join stores s on s.id = d.store_id',
  );
  assert.deepEqual(
    rows.map((r) => r.code),
    ['0002'],
  );
});

test('pages naming an unknown store are 404', async () => {
  for (const path of [
    '/days/close?store=9999',
    '/report?store=9999',
    '/days/checkouts?store=9999',
  ]) {
    const response = await fetch(`${app.url}${path}`, { headers: { cookie: admin.cookie } });
    assert.equal(response.status, 404, path);
  }
});
