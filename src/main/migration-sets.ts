// Every migration folder the service applies at start: the main schema and the freee sandbox's own.
import { fileURLToPath } from 'node:url';
import { mainMigrations, type MigrationSet } from '../adapters/db/migrate.js';
import { sandboxMigrations } from '../sandbox/index.js';

/** The master-sync wing (drizzle.masters.config.ts); its tables refer to the main schema's. */
const mastersMigrations: MigrationSet = {
  folder: fileURLToPath(new URL('../../drizzle-masters', import.meta.url)),
  table: '__migrations_masters',
  schema: 'drizzle',
};

export const allMigrationSets: readonly MigrationSet[] = [
  mainMigrations,
  mastersMigrations,
  sandboxMigrations,
];
