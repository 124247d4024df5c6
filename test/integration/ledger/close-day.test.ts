// Goal: the close (issue 3 §3). Method: the spec's example day on a real database; the snapshot must
// equal buildDailyReport over the same inputs; a late checkout makes version 2 while version 1 stays
// as it was; an identical re-close adds nothing; every new version writes one `day.closed` event in
// the same transaction; bad float/counted/date/store are refused naming the field, nothing written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeDay, previewClose } from '../../../src/app/ledger/close-day.js';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { listCloses } from '../../../src/app/ledger/queries.js';
import { recordDrawerEvents } from '../../../src/app/ledger/record-drawer-events.js';
import { AppError } from '../../../src/app/errors.js';
import { demoPaymentMethods } from '../../../src/app/tenancy/demo.js';
import { buildDailyReport } from '../../../src/domain/report/build-daily-report.js';
import { defaultReportSettings } from '../../../src/domain/report/types.js';
import type { DrawerEvent } from '../../../src/domain/ledger/types.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import {
  checkout,
  countRows,
  exampleDay,
  ledgerOf,
  staffActor,
} from '../../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;

before(async () => {
  app = await startTestApp({ now: '2025-01-11T01:00:00+09:00' });
  company = await createTestCompany(app, 'alpha', ['0001', '0002']);
  await ingestCheckouts(ledgerOf(app), staffActor(company), exampleDay.checkouts, {
    pathOf: (i) => `checkouts[${i}]`,
  });
  await recordDrawerEvents(ledgerOf(app), staffActor(company), exampleDay.drawer, {
    pathOf: (i) => `drawer[${i}]`,
  });
});
after(async () => app?.close());

const day = { storeCode: '0001', businessDate: '2025-01-10' };

async function events() {
  const { rows } = await app.db.pool.query<{
    type: string;
    payload: { version: number; storeCode: string; businessDate: string; closeId: string };
  }>(
    "select type, payload from domain_events where company_id = $1 order by created_at, payload->>'version'",
    [company.companyId],
  );
  return rows;
}

test('version 1: the example day closes with the spec figures; the snapshot is buildDailyReport of the same data', async () => {
  const { close, created } = await closeDay(ledgerOf(app), staffActor(company), {
    ...day,
    float: 30000,
    countedCash: 35880,
  });
  assert.equal(created, true);
  assert.equal(close.version, 1);
  assert.deepEqual(
    [close.floatYen, close.expectedCashYen, close.countedCashYen, close.differenceYen],
    [30000, 35880, 35880, 0],
  );
  const expected = buildDailyReport({
    store: { code: '0001', name: '店舗0001', timeZone: 'Asia/Tokyo' },
    businessDate: '2025-01-10',
    paymentMethods: demoPaymentMethods,
    roundingMode: 'floor',
    checkouts: exampleDay.checkouts,
    drawerEvents: exampleDay.drawer as unknown as DrawerEvent[],
    close: { ...day, float: 30000, countedCash: 35880 },
    settings: defaultReportSettings,
    printedAt: close.report.printedAt,
  });
  assert.deepEqual(close.report, expected);
  assert.equal(close.report.sales, 1880);
  assert.deepEqual(await events(), [
    {
      type: 'day.closed',
      payload: {
        closeId: close.id,
        companyId: company.companyId,
        storeCode: '0001',
        businessDate: '2025-01-10',
        version: 1,
      },
    },
  ]);
});

test('the same close again is version 1 again: no new version, no new event', async () => {
  const { close, created } = await closeDay(ledgerOf(app), staffActor(company), {
    ...day,
    float: 30000,
    countedCash: 35880,
  });
  assert.equal(created, false);
  assert.equal(close.version, 1);
  assert.equal(await countRows(app, 'day_closes', company.companyId), 1);
  assert.equal((await events()).length, 1);
});

test('a late checkout, then close again: version 2; version 1 is kept unchanged', async () => {
  const [v1Before] = await listCloses(ledgerOf(app), staffActor(company), day);
  await ingestCheckouts(ledgerOf(app), staffActor(company), [checkout('late-1')], {
    pathOf: () => '',
  });
  const preview = await previewClose(ledgerOf(app), staffActor(company), {
    ...day,
    float: 30000,
    countedCash: 35880,
  });
  assert.equal(preview.sameAsLatest, false);
  assert.equal(preview.report.cash?.difference, -1100);
  assert.equal(
    await countRows(app, 'day_closes', company.companyId),
    1,
    'a preview writes nothing',
  );
  const { close, created } = await closeDay(ledgerOf(app), staffActor(company), {
    ...day,
    float: 30000,
    countedCash: 36980,
  });
  assert.equal(created, true);
  assert.equal(close.version, 2);
  assert.equal(close.report.checkoutCount, 2);
  assert.equal(close.differenceYen, 0);
  const versions = await listCloses(ledgerOf(app), staffActor(company), day);
  assert.deepEqual(
    versions.map((v) => v.version),
    [1, 2],
  );
  assert.deepEqual(versions[0], v1Before);
  assert.deepEqual(
    (await events()).map((e) => e.payload.version),
    [1, 2],
  );
});

test('another counted amount without new data is a new version too', async () => {
  const { close } = await closeDay(ledgerOf(app), staffActor(company), {
    ...day,
    float: 30000,
    countedCash: 36000,
  });
  assert.equal(close.version, 3);
  assert.equal(close.differenceYen, -980);
});

test('refused, naming the field, nothing written: bad cash, bad date, unknown store, another store for a register', async () => {
  const before = await countRows(app, 'day_closes', company.companyId);
  const cases: [Record<string, unknown>, string, string][] = [
    [{ ...day, float: -1, countedCash: 0 }, 'validation', 'float'],
    [{ ...day, float: 1.5, countedCash: 0 }, 'validation', 'float'],
    [{ ...day, float: 0, countedCash: '100' }, 'validation', 'countedCash'],
    [{ ...day, float: 0, countedCash: 1e13 }, 'validation', 'countedCash'],
    [{ ...day, businessDate: '2025-02-30', float: 0, countedCash: 0 }, 'validation', 'date'],
  ];
  for (const [request, kind, path] of cases) {
    await assert.rejects(
      closeDay(ledgerOf(app), staffActor(company), request as never),
      (error: unknown) =>
        error instanceof AppError && error.kind === kind && error.fields[0]?.path === path,
      JSON.stringify(request),
    );
  }
  await assert.rejects(
    closeDay(ledgerOf(app), staffActor(company), {
      ...day,
      storeCode: '9999',
      float: 0,
      countedCash: 0,
    }),
    (error: unknown) => error instanceof AppError && error.kind === 'not_found',
  );
  const register = {
    companyId: company.companyId,
    register: { storeCode: '0002', registerCode: '01' },
    label: 'register:0002/01',
  };
  await assert.rejects(
    closeDay(ledgerOf(app), register, { ...day, float: 0, countedCash: 0 }),
    (error: unknown) => error instanceof AppError && error.kind === 'forbidden',
  );
  assert.equal(await countRows(app, 'day_closes', company.companyId), before);
});
