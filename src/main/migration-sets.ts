// Every migration folder the service applies at start: the main schema and the freee sandbox's own.
import { mainMigrations, type MigrationSet } from '../adapters/db/migrate.js';
import { sandboxMigrations } from '../sandbox/index.js';

export const allMigrationSets: readonly MigrationSet[] = [mainMigrations, sandboxMigrations];
