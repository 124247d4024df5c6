// Goal (issue #15 item 5): the 日報 read as SQL sums of the figures stored at ingest
// (loadStoreDaySums + reportFromDaySums) is EQUAL, field by field, to the engine (buildDailyReport)
// over the same stored documents — on every generated day, the hand-worked day, and for rows stored
// without figures (before migration 0007), which the first report prices from the documents and
// stores so that the next one is read as sums.
// The sums come from the day aggregate (store_day_sum_deltas: written by the ingest for new rows,
// by the triggers of migration 0008 for updates and deletes): the aggregate is also compared with
// the engine after a day sent in overlapping pieces (down to one checkout per request), after
// revisions that change lines, tenders and status (returns included), after rows deleted, and
// after compaction (docs/report.md "Day aggregate").
// Method: fast-check days (test/support/domain/arbitraries.ts: every status, returns, vouchers,
// change, all rounding modes, completedAt over the whole business day and the next morning) plus a
// drawer event, each imported through the ledger as its own company into one database (embedded,
// or DATABASE_URL's server); then both paths read the same store-day.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { fixedClock } from '../../../src/app/clock.js';
import { importDayFile } from '../../../src/app/ledger/import-day-file.js';
import { getDailyReport, storeDayLimits } from '../../../src/app/report/daily-report.js';
import { effectiveReportSettings } from '../../../src/app/report/report-settings.js';
import { argon2Hasher } from '../../../src/adapters/crypto/argon2-hasher.js';
import { compactStoreDaySums, reportSourceOver } from '../../../src/adapters/db/report-source.js';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { tenancyUnitOfWork } from '../../../src/adapters/db/tenancy-store.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import { buildDailyReport } from '../../../src/domain/report/build-daily-report.js';
import type { DailyReport } from '../../../src/domain/report/types.js';
import {
  arbitraryDay,
  arbitraryRoundingMode,
  type GeneratedDay,
} from '../../support/domain/arbitraries.js';
import { testPaymentMethods } from '../../support/domain/fixtures.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { handWorkedDayFile, knownDate } from '../../adapters/report/support.js';

let database: TestDatabase;
const clock = fixedClock('2025-01-11T02:00:00+09:00');
let companies = 0;

before(async () => {
  database = await openTestDatabase();
});
after(async () => {
  await database?.close();
});

async function importDay(file: Record<string, unknown>): Promise<string> {
  await importDayFile(
    {
      tenancy: { uow: tenancyUnitOfWork(database.pool), clock, hasher: argon2Hasher },
      ledger: ledgerDepsOver(database.pool, clock),
    },
    file,
  );
  const code = (file.company as { code: string }).code;
  const { rows } = await database.pool.query<{ id: string }>(
    'select id from companies where code = $1',
    [code],
  );
  const id = rows[0]?.id;
  assert.ok(id, `company ${code} imported`);
  return id;
}

/** Which path the source takes for the store-day: 'sums' or 'documents'. */
async function pathOf(companyId: string, storeCode: string, businessDate: string) {
  const day = await reportSourceOver(database.pool).loadStoreDaySums?.(
    companyId,
    storeCode,
    businessDate,
    storeDayLimits,
  );
  assert.ok(day);
  return 'sums' in day ? 'sums' : 'documents';
}

/** The engine over the stored documents of the store-day (what the report was before 0007). */
async function engineReport(
  companyId: string,
  storeCode: string,
  businessDate: string,
  printedAt: string,
): Promise<DailyReport> {
  const day = await reportSourceOver(database.pool).loadStoreDay(
    companyId,
    storeCode,
    businessDate,
    storeDayLimits,
  );
  assert.ok(day);
  return buildDailyReport({
    store: { code: day.store.code, name: day.store.name, timeZone: day.store.timeZone },
    businessDate,
    paymentMethods: day.company.paymentMethods,
    roundingMode: day.company.roundingMode,
    checkouts: day.checkouts,
    drawerEvents: day.drawerEvents,
    close: day.close
      ? { storeCode, businessDate, float: day.close.float, countedCash: day.close.countedCash }
      : null,
    settings: effectiveReportSettings(day.store.reportSettings),
    printedAt,
  });
}

/** getDailyReport (the API's path) equals the engine, field by field; returns the path taken. */
async function assertSameReport(
  companyId: string,
  storeCode: string,
  businessDate: string,
): Promise<void> {
  const view = await getDailyReport(
    { source: reportSourceOver(database.pool), clock },
    { companyId, label: 'test' },
    { storeCode, businessDate },
  );
  const expected = await engineReport(companyId, storeCode, businessDate, view.report.printedAt);
  assert.deepEqual(Object.keys(view.report), Object.keys(expected), 'the same fields, in order');
  for (const field of Object.keys(expected) as (keyof DailyReport)[])
    assert.deepStrictEqual(view.report[field], expected[field], `field ${field}`);
}

function generatedDayFile(code: string, day: GeneratedDay): Record<string, unknown> {
  return {
    company: {
      code,
      name: `企業${code}`,
      roundingMode: day.roundingMode,
      paymentMethods: testPaymentMethods,
      stores: [{ code: '0001', name: '店舗0001', timeZone: 'Asia/Tokyo', registers: ['01'] }],
    },
    checkouts: day.checkouts,
    drawer: [
      {
        id: `in-${code}`,
        type: 'cashIn',
        storeCode: '0001',
        registerCode: '01',
        businessDate: knownDate,
        at: '2025-01-10T09:00:00+09:00',
        amount: 5000,
      },
    ],
    closes: [],
  };
}

describe('日報 from stored sums', () => {
  it('equals the engine on generated days (every status, rounding mode and hour)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDay(16), async (day) => {
        companies += 1;
        const code = `eq${companies}`;
        const companyId = await importDay(generatedDayFile(code, day));
        const stored = await database.pool.query<{ n: number }>(
          `select count(*)::int as n from checkouts where company_id = $1`,
          [companyId],
        );
        assert.equal(stored.rows[0]?.n, day.checkouts.length, 'every generated checkout stored');
        assert.equal(await pathOf(companyId, '0001', knownDate), 'sums');
        await assertSameReport(companyId, '0001', knownDate);
      }),
      { numRuns: Number(process.env.RUNS ?? 30) },
    );
  });

  it('equals the engine on the hand-worked day (both stores), and on an empty date', async () => {
    const companyId = await importDay(handWorkedDayFile('sumshand'));
    for (const storeCode of ['0001', '0002']) {
      assert.equal(await pathOf(companyId, storeCode, knownDate), 'sums');
      await assertSameReport(companyId, storeCode, knownDate);
    }
    await assertSameReport(companyId, '0001', '2025-01-12');
  });

  it('rows stored without figures are priced by the first report and read as sums after', async () => {
    const companyId = await importDay(handWorkedDayFile('sumslazy'));
    await database.pool.query(
      `update checkouts set fig_key = null, fig_total = null where company_id = $1`,
      [companyId],
    );
    assert.equal(await pathOf(companyId, '0001', knownDate), 'documents');
    // That read stored the figures: now the sums path, and still equal to the engine.
    assert.equal(await pathOf(companyId, '0001', knownDate), 'sums');
    await assertSameReport(companyId, '0001', knownDate);
    // Figures priced under another configuration are not used: a reordered method list.
    await database.pool.query(
      `update payment_methods set sort_order = -sort_order where company_id = $1`,
      [companyId],
    );
    assert.equal(await pathOf(companyId, '0001', knownDate), 'documents');
    await assertSameReport(companyId, '0001', knownDate);
  });

  it('the aggregate equals the engine through pieces, revisions, status changes, deletes and compaction', async () => {
    // Two generated days of one rounding mode: the first is sent in pieces (cuts), the second's
    // checkouts (same ids c-000…) as revision 2 of some of them — other lines, tenders, status.
    const histories = arbitraryRoundingMode.chain((roundingMode) =>
      fc.record({
        first: arbitraryDay(12).map((day) => ({ ...day, roundingMode })),
        second: arbitraryDay(12).map((day) => ({ ...day, roundingMode })),
        cuts: fc.array(fc.integer({ min: 1, max: 11 }), { maxLength: 4 }),
        revised: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        deleted: fc.nat({ max: 11 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(histories, async ({ first, second, cuts, revised, deleted }) => {
        companies += 1;
        const code = `agg${companies}`;
        const companyId = await importDay(generatedDayFile(code, { ...first, checkouts: [] }));
        const send = async (items: readonly unknown[]) => {
          const sent = await ingestCheckouts(
            ledgerDepsOver(database.pool, clock),
            { companyId, label: 'test' },
            items,
            { pathOf: (i) => `checkouts[${i}]` },
          );
          return sent.results.filter((r) => r.result !== 'rejected').length;
        };
        let start = 0;
        for (const end of [...new Set(cuts)].sort((a, b) => a - b).concat(first.checkouts.length)) {
          if (end <= start) continue;
          // Each piece again with the last two of the one before (a register's resend): a batch
          // whose insert writes only some of its rows (their day sums written on their own).
          await send(first.checkouts.slice(Math.max(0, start - 2), end));
          start = end;
          assert.equal(await pathOf(companyId, '0001', knownDate), 'sums');
          await assertSameReport(companyId, '0001', knownDate);
        }
        const revisions = second.checkouts
          .filter((each, index) => revised[index] === true && index < first.checkouts.length)
          .map((each) => ({ ...each, revision: 2 }));
        // One per request (the register's way), then the same again (no change).
        for (const revision of revisions) await send([revision]);
        await send(revisions);
        assert.equal(await pathOf(companyId, '0001', knownDate), 'sums');
        await assertSameReport(companyId, '0001', knownDate);
        // A deleted row (not the ledger's way, but any statement on checkouts keeps the aggregate).
        await database.pool.query(
          `delete from checkout_revisions where company_id = $1 and checkout_id = $2`,
          [companyId, `c-${String(deleted).padStart(3, '0')}`],
        );
        await database.pool.query(
          `delete from checkouts where company_id = $1 and checkout_id = $2`,
          [companyId, `c-${String(deleted).padStart(3, '0')}`],
        );
        await assertSameReport(companyId, '0001', knownDate);
        // Compaction: one row per non-empty group, and the same report.
        const store = await database.pool.query<{ id: string }>(
          `select id from stores where company_id = $1 and code = '0001'`,
          [companyId],
        );
        const storeId = store.rows[0]?.id ?? '';
        await compactStoreDaySums(database.pool, storeId, knownDate);
        const rows = await database.pool.query<{ all: number; groups: number; empty: number }>(
          `select count(*)::int as all, count(distinct (kind, status, fig_key, pos))::int as groups,
                  count(*) filter (where n = 0)::int as empty
             from store_day_sum_deltas where store_id = $1 and business_date = $2::date`,
          [storeId, knownDate],
        );
        assert.deepEqual(
          { all: rows.rows[0]?.all, empty: rows.rows[0]?.empty },
          { all: rows.rows[0]?.groups, empty: 0 },
          'compacted: one row per group, no empty group',
        );
        assert.equal(await pathOf(companyId, '0001', knownDate), 'sums');
        await assertSameReport(companyId, '0001', knownDate);
      }),
      { numRuns: Number(process.env.RUNS ?? 20) },
    );
  });

  it('a row inserted outside the ledger (no deltas) sends the report to the documents', async () => {
    const companyId = await importDay(handWorkedDayFile('sumsoutside'));
    assert.equal(await pathOf(companyId, '0001', knownDate), 'sums');
    // A copy of one of the day's rows under another id, by hand: since migration 0010 the ledger,
    // not a trigger, writes an insert's day sums, so this row has none. The row is one of the known
    // date's: the day file also holds checkouts of other dates (c12 completes on the 9th), and a row
    // copied there would leave the known date's count as it was.
    await database.pool.query(
      `insert into checkouts select (jsonb_populate_record(k, jsonb_build_object('checkout_id', 'manual-' || k.checkout_id))).*
         from checkouts k join stores s on s.id = k.store_id
        where k.company_id = $1 and s.code = '0001' and k.business_date = $2::date and k.status = 'completed'
        order by k.checkout_id limit 1`,
      [companyId, knownDate],
    );
    assert.equal(await pathOf(companyId, '0001', knownDate), 'documents');
    await assertSameReport(companyId, '0001', knownDate);
  });

  it('a read past the slack compacts the store-day, and the report stays equal', async () => {
    const companyId = await importDay(handWorkedDayFile('sumscompact'));
    const store = await database.pool.query<{ id: string }>(
      `select id from stores where company_id = $1 and code = '0001'`,
      [companyId],
    );
    const storeId = store.rows[0]?.id ?? '';
    const deltaRows = async () =>
      (
        await database.pool.query<{ n: number }>(
          `select count(*)::int as n from store_day_sum_deltas where store_id = $1 and business_date = $2::date`,
          [storeId, knownDate],
        )
      ).rows[0]?.n ?? 0;
    // Updates that change the figures one row per statement, then back: many delta rows, the same day.
    for (let round = 0; round < 70; round += 1)
      await database.pool.query(
        `update checkouts set fig_items = fig_items + ${round % 2 === 0 ? 1 : -1}
          where company_id = $1 and store_id = $2 and status = 'completed'
            and checkout_id = (select min(checkout_id) from checkouts where company_id = $1 and store_id = $2 and status = 'completed')`,
        [companyId, storeId],
      );
    const before = await deltaRows();
    assert.ok(before > 140, `${before} delta rows before the read`);
    await assertSameReport(companyId, '0001', knownDate);
    const after = await deltaRows();
    assert.ok(after < 64, `${after} delta rows after the read (was ${before})`);
    await assertSameReport(companyId, '0001', knownDate);
  });

  it('concurrent one-checkout requests and compactions of one store-day count each checkout once', async () => {
    // Generated days of one rounding mode, concatenated (fast-check keeps each day short).
    const floorDays = fc
      .sample(arbitraryDay(40), { numRuns: 60, seed: 20250110 })
      .filter((each) => each.roundingMode === 'floor');
    const day: GeneratedDay = {
      roundingMode: 'floor',
      checkouts: floorDays
        .flatMap((each) => each.checkouts)
        .slice(0, 45)
        .map((each, index) => ({ ...each, id: `k-${String(index).padStart(3, '0')}` })),
    };
    assert.ok(day.checkouts.length > 20, `a day of ${day.checkouts.length} checkouts`);
    const companyId = await importDay(generatedDayFile('aggconc', { ...day, checkouts: [] }));
    const store = await database.pool.query<{ id: string }>(
      `select id from stores where company_id = $1 and code = '0001'`,
      [companyId],
    );
    const storeId = store.rows[0]?.id ?? '';
    const deps = ledgerDepsOver(database.pool, clock);
    const streams = [0, 1, 2].map(async (stream) => {
      for (const [index, each] of day.checkouts.entries())
        if (index % 3 === stream)
          await ingestCheckouts(deps, { companyId, label: 'test' }, [each], {
            pathOf: () => '',
          });
    });
    let sending = true;
    const compactions = (async () => {
      for (let round = 0; sending && round < 200; round += 1)
        await compactStoreDaySums(database.pool, storeId, knownDate);
    })();
    await Promise.all(streams);
    sending = false;
    await compactions;
    const stored = await database.pool.query<{ n: number }>(
      `select count(*)::int as n from checkouts where company_id = $1`,
      [companyId],
    );
    assert.equal(stored.rows[0]?.n, day.checkouts.length);
    assert.equal(await pathOf(companyId, '0001', knownDate), 'sums');
    await assertSameReport(companyId, '0001', knownDate);
  });
});
