// The register wing's migration set (issue 13): drizzle-register/, recorded in its own table.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from './migrate.js';

export const registerMigrations: MigrationSet = {
  folder: fileURLToPath(new URL('../../../drizzle-register', import.meta.url)),
  table: '__migrations_register',
  schema: 'drizzle',
};
