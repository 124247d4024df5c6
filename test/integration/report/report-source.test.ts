// Goal: loadStoreDay (src/adapters/db/report-source.ts) reads a store-day in one statement as the
// engine needs it: the stored documents of the day's checkouts and drawer events (no other day's or
// store's), the payment methods in the configured order, the latest close; null for a store the
// company does not have; a day past a limit is the named StoreDayTooLargeError, never a partial day.
// Method: the hand-worked day imported through the ledger into a fresh database (embedded, or
// DATABASE_URL's server), then read back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../../src/app/clock.js';
import { importDayFile } from '../../../src/app/ledger/import-day-file.js';
import { StoreDayTooLargeError } from '../../../src/app/report/ports.js';
import { storeDayLimits } from '../../../src/app/report/daily-report.js';
import { argon2Hasher } from '../../../src/adapters/crypto/argon2-hasher.js';
import { reportSourceOver } from '../../../src/adapters/db/report-source.js';
import { tenancyUnitOfWork } from '../../../src/adapters/db/tenancy-store.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import type { Checkout } from '../../../src/domain/ledger/types.js';
import { testPaymentMethods } from '../../support/domain/fixtures.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { handWorkedDayFile, knownDate } from '../../adapters/report/support.js';

let database: TestDatabase;
let companyId: string;
let dayFile: Record<string, unknown>;
const byId = (items: readonly { id: string }[]) =>
  [...items].sort((left, right) => (left.id < right.id ? -1 : 1));

before(async () => {
  database = await openTestDatabase();
  const clock = fixedClock('2025-01-11T02:00:00+09:00');
  dayFile = handWorkedDayFile('alpha');
  const deps = {
    tenancy: { uow: tenancyUnitOfWork(database.pool), clock, hasher: argon2Hasher },
    ledger: ledgerDepsOver(database.pool, clock),
  };
  await importDayFile(deps, dayFile);
  // A second version of the close, and a checkout of the next day: neither may leak into the first version's day.
  const closes = dayFile.closes as { countedCash: number }[];
  await importDayFile(deps, {
    ...dayFile,
    checkouts: [
      {
        ...(dayFile.checkouts as Checkout[])[0],
        id: 'next-day',
        businessDate: '2025-01-11',
        startedAt: '2025-01-11T08:00:00+09:00',
        completedAt: '2025-01-11T09:00:00+09:00',
      },
    ],
    drawer: [],
    closes: closes.map((close) => ({ ...close, countedCash: close.countedCash + 1 })),
  });
  const { rows } = await database.pool.query<{ id: string }>(
    `select id from companies where code = 'alpha'`,
  );
  companyId = rows[0]?.id ?? '';
});
after(async () => {
  await database?.close();
});

describe('loadStoreDay', () => {
  it('reads the stored documents of the day, the methods in order and the latest close', async () => {
    const day = await reportSourceOver(database.pool).loadStoreDay(
      companyId,
      '0001',
      knownDate,
      storeDayLimits,
    );
    assert.ok(day);
    const ofStore = <T extends { storeCode: string; businessDate: string }>(items: readonly T[]) =>
      items.filter((item) => item.storeCode === '0001' && item.businessDate === knownDate);
    const expectedCheckouts = ofStore(dayFile.checkouts as Checkout[]);
    assert.equal(day.checkouts.length, expectedCheckouts.length);
    assert.deepEqual(
      byId(day.checkouts).map((each) => each.id),
      byId(expectedCheckouts).map((each) => each.id),
    );
    for (const stored of day.checkouts) {
      const sent = expectedCheckouts.find((each) => each.id === stored.id);
      assert.deepEqual(
        { ...stored, priceMode: stored.priceMode ?? 'inclusive' },
        { ...sent, priceMode: sent?.priceMode ?? 'inclusive' },
      );
    }
    assert.deepEqual(
      byId(day.drawerEvents),
      byId(ofStore(dayFile.drawer as { id: string; storeCode: string; businessDate: string }[])),
    );
    assert.deepEqual(day.company, { roundingMode: 'floor', paymentMethods: testPaymentMethods });
    assert.deepEqual(
      {
        code: day.store.code,
        name: day.store.name,
        timeZone: day.store.timeZone,
        reportSettings: day.store.reportSettings,
        printer: day.store.printer,
      },
      {
        code: '0001',
        name: '店舗0001',
        timeZone: 'Asia/Tokyo',
        reportSettings: null,
        printer: null,
      },
    );
    const [close] = dayFile.closes as { float: number; countedCash: number }[];
    assert.deepEqual(day.close, {
      version: 2,
      float: close?.float,
      countedCash: (close?.countedCash ?? 0) + 1,
    });
  });

  it('a date of the store without data is an empty day; a store the company does not have is null', async () => {
    const source = reportSourceOver(database.pool);
    const empty = await source.loadStoreDay(companyId, '0001', '2025-01-12', storeDayLimits);
    assert.deepEqual(
      [empty?.store.code, empty?.checkouts, empty?.drawerEvents, empty?.close],
      ['0001', [], [], null],
    );
    const other = await source.loadStoreDay(companyId, '0002', knownDate, storeDayLimits);
    assert.deepEqual(
      other?.checkouts.map((each) => each.storeCode),
      (dayFile.checkouts as Checkout[])
        .filter((each) => each.storeCode === '0002' && each.businessDate === knownDate)
        .map(() => '0002'),
    );
    assert.equal(await source.loadStoreDay(companyId, '0099', knownDate, storeDayLimits), null);
    assert.equal(
      await source.loadStoreDay(
        '00000000-0000-0000-0000-000000000000',
        '0001',
        knownDate,
        storeDayLimits,
      ),
      null,
    );
  });

  it('a day past a limit is StoreDayTooLargeError; exactly at the limit it is read whole', async () => {
    const source = reportSourceOver(database.pool);
    const day = await source.loadStoreDay(companyId, '0001', knownDate, storeDayLimits);
    const checkouts = day?.checkouts.length ?? 0;
    const drawer = day?.drawerEvents.length ?? 0;
    assert.ok(checkouts > 1 && drawer > 1);
    await assert.rejects(
      source.loadStoreDay(companyId, '0001', knownDate, {
        checkoutsMax: checkouts - 1,
        drawerEventsMax: drawer,
      }),
      (error: unknown) => error instanceof StoreDayTooLargeError && /checkouts/.test(error.message),
    );
    await assert.rejects(
      source.loadStoreDay(companyId, '0001', knownDate, {
        checkoutsMax: checkouts,
        drawerEventsMax: drawer - 1,
      }),
      (error: unknown) =>
        error instanceof StoreDayTooLargeError && /drawer events/.test(error.message),
    );
    const atLimit = await source.loadStoreDay(companyId, '0001', knownDate, {
      checkoutsMax: checkouts,
      drawerEventsMax: drawer,
    });
    assert.deepEqual(
      [atLimit?.checkouts.length, atLimit?.drawerEvents.length],
      [checkouts, drawer],
    );
  });
});
