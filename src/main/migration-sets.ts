// Every migration folder the service applies at start: the main schema, each wing's own set, and
// the freee sandbox's own. Wings' tables refer to the main schema's, so main applies first.
import { fileURLToPath } from 'node:url';
import { mainMigrations, type MigrationSet } from '../adapters/db/migrate.js';
import { sandboxMigrations } from '../sandbox/index.js';

function wingMigrations(wing: string): MigrationSet {
  return {
    folder: fileURLToPath(new URL(`../../drizzle-${wing}`, import.meta.url)),
    table: `__migrations_${wing}`,
    schema: 'drizzle',
  };
}

export const allMigrationSets: readonly MigrationSet[] = [
  mainMigrations,
  wingMigrations('masters'),
  sandboxMigrations,
  wingMigrations('reconcile'),
  wingMigrations('register'),
  wingMigrations('accounts'),
  wingMigrations('hardening'),
];
