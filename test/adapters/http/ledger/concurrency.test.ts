// Goal (issue 3 §4): the same batch sent 3× at once counts once — by database constraints, not by
// luck. Method: three identical requests in flight together over real HTTP, for new checkouts, for
// higher revisions of stored ones, for drawer events and for closes; then exact counts: one
// `accepted` per item over the three responses, one row per id, one history row per replaced
// revision, one close version and one `day.closed` event for three identical closes. On a
// PostgreSQL server the three transactions really overlap (pool of 10). On embedded PGlite the app
// gets a ONE-connection pool here: pglite-socket interleaves the extended-protocol messages of
// concurrent connections on its single backend, so a query can receive another's result
// (electric-sql/pglite#1046, fix proposed in #977) — see docs/ledger.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import { fixedClock } from '../../../../src/app/clock.js';
import { createPool } from '../../../../src/adapters/db/pool.js';
import { silentLogger } from '../../../../src/adapters/log/logger.js';
import { appOfServices, buildServices, httpAppOver } from '../../../support/app.js';
import { openTestDatabase } from '../../../support/database.js';
import {
  apiSession,
  createTestCompany,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../../../support/app.js';
import { body, checkout, countRows, drawerEvent } from '../../../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let admin: ApiSession;

async function startApp(): Promise<TestApp> {
  const db = await openTestDatabase();
  const pool = db.mode === 'embedded' ? createPool(db.connectionString, 1) : db.pool;
  const clock = fixedClock('2025-01-10T09:00:00+09:00');
  const services = buildServices({ pool, clock, logger: silentLogger });
  const fetchApp = httpAppOver(services);
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: fetchApp.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s, port: info.port }),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    db: { ...db, pool },
    services,
    app: appOfServices(services),
    clock,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (pool !== db.pool) await pool.end();
      await db.close();
    },
  };
}

before(async () => {
  app = await startApp();
  company = await createTestCompany(app, 'alpha');
  admin = await apiSession(app, company);
});
after(async () => app?.close());

async function thrice(
  path: string,
  payload: unknown,
): Promise<{ status: number; body: { accepted: number; unchanged: number; rejected: number } }[]> {
  return Promise.all(
    [1, 2, 3].map(async () => {
      const response = await admin.request('POST', path, payload);
      return { status: response.status, body: await body(response) };
    }),
  );
}

const sum = (
  replies: { body: { accepted: number; unchanged: number; rejected: number } }[],
  key: 'accepted' | 'unchanged' | 'rejected',
) => replies.reduce((n, r) => n + r.body[key], 0);

test('new checkouts: 3 identical batches at once → each checkout accepted once, stored once', async () => {
  for (let round = 0; round < 4; round += 1) {
    const batch = Array.from({ length: 250 }, (_, i) =>
      checkout(`c${round}-${String(i).padStart(3, '0')}`, { customerCount: i % 5 }),
    );
    const replies = await thrice('/api/v1/checkouts', { checkouts: batch });
    assert.deepEqual(
      replies.map((r) => r.status),
      [200, 200, 200],
      JSON.stringify(replies.find((r) => r.status !== 200)?.body),
    );
    assert.deepEqual(
      [sum(replies, 'accepted'), sum(replies, 'unchanged'), sum(replies, 'rejected')],
      [250, 500, 0],
      `round ${round}`,
    );
  }
  assert.equal(await countRows(app, 'checkouts', company.companyId), 1000);
});

test('higher revisions: 3 identical batches at once → replaced once, one history row each', async () => {
  const batch = Array.from({ length: 250 }, (_, i) =>
    checkout(`c0-${String(i).padStart(3, '0')}`, {
      revision: 2,
      status: 'cancelled',
      customerCount: i % 5,
    }),
  );
  const replies = await thrice('/api/v1/checkouts', { checkouts: batch });
  assert.deepEqual(
    [sum(replies, 'accepted'), sum(replies, 'unchanged'), sum(replies, 'rejected')],
    [250, 500, 0],
  );
  const { rows } = await app.db.pool.query(
    "select count(*)::int as n from checkouts where company_id = $1 and checkout_id like 'c0-%' and revision = 2 and status = 'cancelled'",
    [company.companyId],
  );
  assert.equal(rows[0].n, 250);
  assert.equal(await countRows(app, 'checkout_revisions', company.companyId), 250);
});

test('drawer events: 3 identical batches at once → one row per id', async () => {
  const batch = Array.from({ length: 100 }, (_, i) => drawerEvent(`d-${i}`, { amount: 100 + i }));
  const replies = await thrice('/api/v1/drawer-events', { drawerEvents: batch });
  assert.deepEqual(
    [sum(replies, 'accepted'), sum(replies, 'unchanged'), sum(replies, 'rejected')],
    [100, 200, 0],
  );
  assert.equal(await countRows(app, 'drawer_events', company.companyId), 100);
});

test('closes: 3 identical at once → one version, one event; 3 different at once → versions 1..3 more, no error', async () => {
  const path = '/api/v1/stores/0001/days/2025-01-10/close';
  const same = await Promise.all(
    [1, 2, 3].map(() => admin.request('POST', path, { float: 10000, countedCash: 20000 })),
  );
  assert.deepEqual(same.map((r) => r.status).sort(), [200, 200, 201]);
  assert.equal(await countRows(app, 'day_closes', company.companyId), 1);
  assert.equal(await countRows(app, 'domain_events', company.companyId), 1);
  const different = await Promise.all(
    [1, 2, 3].map((n) => admin.request('POST', path, { float: 10000, countedCash: 20000 + n })),
  );
  assert.deepEqual(
    different.map((r) => r.status),
    [201, 201, 201],
  );
  const versions = (await Promise.all(different.map(body))).map((b) => b.close.version).sort();
  assert.deepEqual(versions, [2, 3, 4]);
  assert.equal(await countRows(app, 'domain_events', company.companyId), 4);
});
