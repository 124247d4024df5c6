// Goal: migrations apply on the configured database (PGlite or server) and are safe to run twice;
// the schema's constraints hold (one cash method per company, rounding modes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runMigrations } from '../../../src/adapters/db/migrate.js';
import { openTestDatabase } from '../../support/database.js';

test('migrations run twice without error and keep constraints', async () => {
  const db = await openTestDatabase();
  try {
    await runMigrations(db.pool);
    await runMigrations(db.pool);
    const applied = await db.pool.query('select count(*)::int as n from drizzle.__migrations');
    assert.ok(applied.rows[0].n >= 1);
    const company = await db.pool.query(
      `insert into companies (code, name, created_at, updated_at) values ('c1', 'C', now(), now()) returning id`,
    );
    const companyId = company.rows[0].id as string;
    const insertCash = (code: string) =>
      db.pool.query(
        `insert into payment_methods (company_id, code, name, kind, gives_change, settlement, created_at, updated_at)
         values ($1, $2, '現金', 'cash', true, 'settled', now(), now())`,
        [companyId, code],
      );
    await insertCash('cash');
    await assert.rejects(insertCash('cash2'), /payment_methods_one_cash/);
    await assert.rejects(
      db.pool.query(
        `insert into companies (code, name, rounding_mode, created_at, updated_at) values ('c2', 'C', 'round', now(), now())`,
      ),
      /companies_rounding_mode/,
    );
  } finally {
    await db.close();
  }
});
