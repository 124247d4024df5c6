// The sandbox's migration set: its own folder, schema and bookkeeping table (runMigrations in db/migrate.ts).
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from './ports.js';

export const sandboxMigrations: MigrationSet = {
  folder: fileURLToPath(new URL('../../drizzle-sandbox', import.meta.url)),
  table: '__migrations',
  schema: 'freee_sandbox',
};
