// Every migration folder the service applies at start: the main schema and the freee sandbox's own.
import { fileURLToPath } from 'node:url';
import { mainMigrations, type MigrationSet } from '../adapters/db/migrate.js';
import { sandboxMigrations } from '../sandbox/index.js';

/** 消込's own set (drizzle.reconcile.config.ts): its tables reference the main schema's companies. */
const reconcileMigrations: MigrationSet = {
  folder: fileURLToPath(new URL('../../drizzle-reconcile', import.meta.url)),
  table: '__migrations_reconcile',
  schema: 'drizzle',
};

export const allMigrationSets: readonly MigrationSet[] = [
  mainMigrations,
  sandboxMigrations,
  reconcileMigrations,
];
