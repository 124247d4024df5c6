// Applies the versioned SQL migrations in drizzle/ (and any component's own folder). Safe to run
// twice: drizzle records applied migrations; an advisory lock keeps two starting processes on one
// PostgreSQL server from migrating at once.
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Pool } from './pool.js';

export const mainMigrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export interface MigrationSet {
  folder: string;
  /** Where drizzle records what it applied: one table per set. */
  table: string;
  schema: string;
}

export const mainMigrations: MigrationSet = {
  folder: mainMigrationsFolder,
  table: '__migrations',
  schema: 'drizzle',
};

const migrationLockKey = 7_240_501;

export async function runMigrations(
  pool: Pool,
  sets: readonly MigrationSet[] = [mainMigrations],
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      const db = drizzle({ client });
      for (const set of sets) {
        await migrate(db, {
          migrationsFolder: set.folder,
          migrationsTable: set.table,
          migrationsSchema: set.schema,
        });
      }
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}
