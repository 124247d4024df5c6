// Goal: migration 0006 keeps existing ref_numbers working (issue #10 item 2): a store that already
// posted deals keeps `URG-<store>-…` (legacy_ref_numbers), a store that never posted moves to
// `URG-<company>.<store>-…`. Method: a fresh database migrated up to 0005 from a copy of drizzle/
// with the journal cut there, rows written as 0005 knew them, then every migration.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  mainMigrations,
  mainMigrationsFolder,
  runMigrations,
} from '../../../src/adapters/db/migrate.js';
import { openTestDatabase } from '../../support/database.js';

test('0006: stores that posted keep legacy ref_numbers, the others get the company scope', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'uriage-mig-'));
  cpSync(mainMigrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= 5);
  writeFileSync(journalPath, JSON.stringify(journal));
  const db = await openTestDatabase([{ ...mainMigrations, folder }]);
  try {
    const company = await db.pool.query<{ id: string }>(
      `insert into companies (code, name, created_at, updated_at) values ('m1', 'M', now(), now()) returning id`,
    );
    const companyId = company.rows[0]?.id;
    const store = (code: string) =>
      db.pool.query<{ id: string }>(
        `insert into stores (company_id, code, name, created_at, updated_at)
         values ($1, $2, $2, now(), now()) returning id`,
        [companyId, code],
      );
    const posted = (await store('0001')).rows[0]?.id;
    await store('0002');
    await db.pool.query(
      `insert into posted_deals (store_id, business_date, freee_company_id, entry_key, company_id,
         provider, method_code, item_name, ref_number, updated_at)
       values ($1, '2025-01-10', 1, 'method:cash', $2, 'sandbox', 'cash', '【POS Reg】現金',
         'URG-0001-20250110-cash', now())`,
      [posted, companyId],
    );
    await runMigrations(db.pool);
    const { rows } = await db.pool.query<{ code: string; legacy: boolean }>(
      'select code, legacy_ref_numbers as legacy from stores order by code',
    );
    assert.deepEqual(
      rows.map((row) => [row.code, row.legacy]),
      [
        ['0001', true],
        ['0002', false],
      ],
    );
  } finally {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
