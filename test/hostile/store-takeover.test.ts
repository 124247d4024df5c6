// Goal (issue #10 §1): a revision keeps the store and register of its checkout. Store 0003's token
// (or a staff session) sending a higher revision of a 0001 checkout with `storeCode: 0003` is
// refused with 403 checkout_place_changed and the checkout stays where it was rung up. Method: real
// HTTP server, a company with stores 0001, 0002 and 0003; the stored store and revision are read
// from the database after every refused attempt.
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
import { bearer, body, checkout, registerToken } from '../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let admin: ApiSession;

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'takeover', ['0001', '0002', '0003']);
  admin = await apiSession(app, company);
});
after(async () => app?.close());

async function placeOf(id: string): Promise<{ store: string; revision: number } | undefined> {
  const { rows } = await app.db.pool.query<{ store: string; revision: number }>(
    `select s.code as store, c.revision::int as revision from checkouts c
       join stores s on s.id = c.store_id where c.checkout_id = $1`,
    [id],
  );
  return rows[0];
}

test("another store's register token cannot take a checkout over: 403 naming storeCode", async () => {
  const own = bearer(app, await registerToken(app, company, '0001'));
  assert.equal((await own('POST', '/api/v1/checkouts', checkout('tk-1'))).status, 201);
  const other = bearer(app, await registerToken(app, company, '0003'));
  const response = await other(
    'POST',
    '/api/v1/checkouts',
    checkout('tk-1', { revision: 2, storeCode: '0003' }),
  );
  assert.equal(response.status, 403);
  const refused = await body(response);
  assert.equal(refused.error.code, 'checkout_place_changed');
  assert.deepEqual(
    refused.error.fields.map((f: { path: string }) => f.path),
    ['storeCode'],
  );
  assert.deepEqual(await placeOf('tk-1'), { store: '0001', revision: 1 });
});

test('a staff session cannot move a checkout to another store or register either', async () => {
  assert.equal((await admin.request('POST', '/api/v1/checkouts', checkout('tk-2'))).status, 201);
  const moved = await admin.request('POST', '/api/v1/checkouts', {
    checkouts: [
      checkout('tk-2', { revision: 2, storeCode: '0002' }),
      checkout('tk-3'),
      checkout('tk-3', { revision: 2, storeCode: '0002' }),
    ],
  });
  assert.equal(moved.status, 200);
  const report = await body(moved);
  assert.deepEqual(
    report.results.map((r: { result: string; error?: { code: string } }) => [
      r.result,
      r.error?.code,
    ]),
    [
      ['rejected', 'checkout_place_changed'],
      ['accepted', undefined],
      ['rejected', 'checkout_place_changed'],
    ],
  );
  assert.equal(report.results[0].error.fields[0].path, 'checkouts[0].storeCode');
  assert.deepEqual(await placeOf('tk-2'), { store: '0001', revision: 1 });
  assert.deepEqual(await placeOf('tk-3'), { store: '0001', revision: 1 });
  // The same store keeps working: revision 2 at 0001 is accepted.
  const next = await admin.request('POST', '/api/v1/checkouts', checkout('tk-2', { revision: 2 }));
  assert.equal(next.status, 201);
  assert.deepEqual(await placeOf('tk-2'), { store: '0001', revision: 2 });
});
