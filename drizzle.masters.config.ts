// drizzle-kit generates the master-sync wing's migrations into drizzle-masters/
// (run: npx drizzle-kit generate --config drizzle.masters.config.ts --name verb-phrase).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema/masters/index.ts',
  out: './drizzle-masters',
});
