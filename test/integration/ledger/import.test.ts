// Goal: `uriage import` semantics (issue 3 §5): the example day file creates the company and its
// data; importing it again leaves exactly the same state; a file with any wrong item writes nothing
// and names every wrong field; a file may add a store and send its checkouts in the same import.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importDayFile, type ImportDeps } from '../../../src/app/ledger/import-day-file.js';
import { AppError } from '../../../src/app/errors.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { checkout, exampleDay, ledgerOf } from '../../support/ledger-fixtures.js';

let app: TestApp;
before(async () => {
  app = await startTestApp();
});
after(async () => app?.close());

const deps = (): ImportDeps => ({
  tenancy: { uow: app.services.tenancy, clock: app.clock, hasher: app.services.hasher },
  ledger: ledgerOf(app),
});

/** Every table the import touches, without generated ids and times. */
async function snapshot() {
  const q = async (sql: string) => (await app.db.pool.query(sql)).rows;
  return {
    companies: await q('select code, name, rounding_mode from companies order by code'),
    stores: await q('select code, name, time_zone from stores order by code'),
    registers: await q(
      'select s.code as store, r.code from registers r join stores s on s.id = r.store_id order by 1, 2',
    ),
    methods: await q(
      'select code, name, kind, gives_change, settlement, sort_order from payment_methods order by code',
    ),
    checkouts: await q(
      'select checkout_id, revision, status, content_hash, total_yen from checkouts order by checkout_id',
    ),
    history: await q('select checkout_id, revision from checkout_revisions order by 1, 2'),
    drawer: await q(
      'select event_id, type, amount_yen, content_hash from drawer_events order by event_id',
    ),
    closes: await q(
      'select business_date, version, float_yen, counted_cash_yen, expected_cash_yen, difference_yen, report_hash from day_closes order by version',
    ),
    events: await q(
      "select type, payload - 'closeId' as payload from domain_events order by created_at",
    ),
  };
}

test('a wrong file writes nothing and names every wrong field', async () => {
  const file = structuredClone(exampleDay) as unknown as Record<string, unknown>;
  file.company = { ...(file.company as object), code: 'broken' };
  file.checkouts = [
    {
      ...checkout('bad'),
      lines: [{ name: 'x', quantity: 0, unitPrice: 10, taxCategory: 'standard10' }],
    },
    checkout('unknown-store', { storeCode: '7777' }),
  ];
  file.closes = [{ storeCode: '8888', businessDate: '2025-01-10', float: 0, countedCash: 0 }];
  await assert.rejects(importDayFile(deps(), file), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.deepEqual(
      error.fields.map((f) => f.path),
      ['checkouts[0].lines[0].quantity', 'checkouts[1].storeCode', 'closes[0].storeCode'],
    );
    return true;
  });
  assert.deepEqual((await app.db.pool.query('select count(*)::int as n from companies')).rows, [
    { n: 0 },
  ]);
});

test('the example day, imported twice, leaves the same state; the second run changes nothing', async () => {
  const first = await importDayFile(deps(), exampleDay);
  assert.deepEqual(
    [
      first.company.created,
      first.checkouts.accepted,
      first.drawer.accepted,
      first.closes[0]?.version,
      first.closes[0]?.created,
    ],
    [true, 1, 1, 1, true],
  );
  const state = await snapshot();
  assert.equal(state.closes[0]?.difference_yen, 0);
  const second = await importDayFile(deps(), exampleDay);
  assert.deepEqual(
    [
      second.company.created,
      second.checkouts.unchanged,
      second.drawer.unchanged,
      second.closes[0]?.version,
      second.closes[0]?.created,
    ],
    [false, 1, 1, 1, false],
  );
  assert.deepEqual(await snapshot(), state);
});

test('a file may add a store with a register and its checkouts at once; unknown top-level keys are ignored', async () => {
  const file = structuredClone(exampleDay) as unknown as {
    company: { stores: unknown[] };
    checkouts: unknown[];
    exportedBy: string;
  };
  file.company.stores.push({
    code: '0002',
    name: '新店',
    timeZone: 'Asia/Tokyo',
    registers: ['05'],
  });
  file.checkouts.push(checkout('new-store-1', { storeCode: '0002', registerCode: '05' }));
  file.exportedBy = 'another system';
  const summary = await importDayFile(deps(), file);
  assert.deepEqual(
    [summary.checkouts.accepted, summary.checkouts.unchanged, summary.errors.length],
    [1, 1, 0],
  );
  const { rows } = await app.db.pool.query(
    "select s.code from checkouts c join stores s on s.id = c.store_id where c.checkout_id = 'new-store-1'",
  );
  assert.deepEqual(rows, [{ code: '0002' }]);
});
