// Goal (issue #10 §7, spec daily-report.md §2 step 6): a 0円会計 tendered as `{cash, 0}` is accepted
// in every status, and the ¥0 tender is a payment entry (回数) of amount 0 in the 日報 of the
// closed day. Method: a real HTTP server; the register sends the checkouts, the admin closes the
// day and reads the report.
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
  company = await createTestCompany(app, 'zero', ['0001']);
  admin = await apiSession(app, company);
});
after(async () => app?.close());

const free = { name: 'コーヒー(サービス)', quantity: 1, unitPrice: 0, taxCategory: 'standard10' };

test('a free coffee paid {cash, 0} is accepted, pending and completed, and counted in the 日報', async () => {
  const register = bearer(app, await registerToken(app, company));
  const pending = checkout('free-1', {
    status: 'pending',
    completedAt: null,
    lines: [free] as never,
    payments: [{ method: 'cash', amount: 0 }],
  });
  let response = await register('POST', '/api/v1/checkouts', pending);
  assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
  response = await register('POST', '/api/v1/checkouts', {
    checkouts: [
      checkout('free-1', {
        revision: 2,
        lines: [free] as never,
        payments: [{ method: 'cash', amount: 0 }],
      }),
      checkout('free-2', { lines: [free] as never, payments: [] }),
    ],
  });
  assert.equal(response.status, 200);
  assert.deepEqual((await body(response)).accepted, 2);
  response = await admin.request('POST', '/api/v1/stores/0001/days/2025-01-10/close', {
    float: 10000,
    countedCash: 10000,
  });
  assert.equal(response.status, 201);
  response = await admin.request('GET', '/api/v1/stores/0001/days/2025-01-10/report');
  assert.equal(response.status, 200);
  const report = await body(response);
  const cash = report.paymentMethods.find((m: { code: string }) => m.code === 'cash');
  assert.deepEqual([cash.count, cash.amount], [1, 0]);
});
