// Every migration folder the service applies at start: the main schema, the freee sandbox's own and
// the register wing's.
import { mainMigrations, type MigrationSet } from '../adapters/db/migrate.js';
import { registerMigrations } from '../adapters/db/register-migrations.js';
import { sandboxMigrations } from '../sandbox/index.js';

export const allMigrationSets: readonly MigrationSet[] = [
  mainMigrations,
  sandboxMigrations,
  registerMigrations,
];
