// Goal: migration 0008 seeds the day aggregate (store_day_sum_deltas) from the checkouts stored
// before it, so a database upgraded with a day already in it reports that day from the aggregate,
// equal to the engine: rows with figures (0007) at once, rows without (before 0007) after the first
// report prices them (the lazy backfill: an UPDATE, which the triggers turn into deltas).
// Method: a fresh database migrated up to 0007 from a copy of drizzle/ with the journal cut there,
// the hand-worked day imported (the aggregate rows today's ingest writes go to a stand-in table,
// dropped), store 0002's figures cleared, then every migration.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixedClock } from '../../../src/app/clock.js';
import { importDayFile } from '../../../src/app/ledger/import-day-file.js';
import { getDailyReport, storeDayLimits } from '../../../src/app/report/daily-report.js';
import { effectiveReportSettings } from '../../../src/app/report/report-settings.js';
import { argon2Hasher } from '../../../src/adapters/crypto/argon2-hasher.js';
import { mainMigrationsFolder, runMigrations } from '../../../src/adapters/db/migrate.js';
import { reportSourceOver } from '../../../src/adapters/db/report-source.js';
import { tenancyUnitOfWork } from '../../../src/adapters/db/tenancy-store.js';
import { buildDailyReport } from '../../../src/domain/report/build-daily-report.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import { allMigrationSets } from '../../../src/main/migration-sets.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { handWorkedDayFile, knownDate } from '../../adapters/report/support.js';

const clock = fixedClock('2025-01-11T02:00:00+09:00');

async function pathOf(db: TestDatabase, companyId: string, storeCode: string) {
  const day = await reportSourceOver(db.pool).loadStoreDaySums?.(
    companyId,
    storeCode,
    knownDate,
    storeDayLimits,
  );
  assert.ok(day);
  return 'sums' in day ? 'sums' : 'documents';
}

async function assertSameReport(db: TestDatabase, companyId: string, storeCode: string) {
  const source = reportSourceOver(db.pool);
  const view = await getDailyReport(
    { source, clock },
    { companyId, label: 'test' },
    { storeCode, businessDate: knownDate },
  );
  const day = await source.loadStoreDay(companyId, storeCode, knownDate, storeDayLimits);
  assert.ok(day);
  const expected = buildDailyReport({
    store: { code: day.store.code, name: day.store.name, timeZone: day.store.timeZone },
    businessDate: knownDate,
    paymentMethods: day.company.paymentMethods,
    roundingMode: day.company.roundingMode,
    checkouts: day.checkouts,
    drawerEvents: day.drawerEvents,
    close: day.close
      ? {
          storeCode,
          businessDate: knownDate,
          float: day.close.float,
          countedCash: day.close.countedCash,
        }
      : null,
    settings: effectiveReportSettings(day.store.reportSettings),
    printedAt: view.report.printedAt,
  });
  assert.deepStrictEqual(view.report, expected);
  assert.ok(expected.checkoutCount > 0, 'a day with checkouts');
}

test('0008: the checkouts stored before it are in the day aggregate', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'uriage-mig-'));
  cpSync(mainMigrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= 7);
  writeFileSync(journalPath, JSON.stringify(journal));
  const db = await openTestDatabase(
    allMigrationSets.map((set) => (set.folder === mainMigrationsFolder ? { ...set, folder } : set)),
  );
  try {
    // Today's ingest writes the day aggregate's rows itself (migration 0010); the app of 0007 did
    // not. A stand-in table takes them during the import and is dropped with what it got, which
    // leaves the database as 0007's app left it.
    await db.pool.query(
      `create table store_day_sum_deltas (store_id uuid, business_date date, kind smallint, status text,
         fig_key text, pos bigint, n bigint, ${Array.from({ length: 27 }, (_, i) => `v${String(i + 1).padStart(2, '0')} bigint`).join(', ')})`,
    );
    const file = handWorkedDayFile('mig8');
    await importDayFile(
      {
        tenancy: { uow: tenancyUnitOfWork(db.pool), clock, hasher: argon2Hasher },
        ledger: ledgerDepsOver(db.pool, clock),
      },
      file,
    );
    const company = await db.pool.query<{ id: string }>(
      `select id from companies where code = 'mig8'`,
    );
    const companyId = company.rows[0]?.id ?? '';
    await db.pool.query(
      `update checkouts k set fig_key = null, fig_total = null, fig_items = null
        from stores s where s.id = k.store_id and k.company_id = $1 and s.code = '0002'`,
      [companyId],
    );
    await db.pool.query('drop table store_day_sum_deltas');
    const before = await db.pool.query<{ t: string | null }>(
      `select to_regclass('store_day_sum_deltas')::text as t`,
    );
    assert.equal(before.rows[0]?.t, null, 'migrated up to 0007 only');

    await runMigrations(db.pool, allMigrationSets);
    assert.equal(await pathOf(db, companyId, '0001'), 'sums');
    await assertSameReport(db, companyId, '0001');
    assert.equal(await pathOf(db, companyId, '0002'), 'documents');
    assert.equal(await pathOf(db, companyId, '0002'), 'sums');
    await assertSameReport(db, companyId, '0002');
  } finally {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
