// drizzle-kit generates the freee sandbox's migrations into drizzle-sandbox/
// (run: npx drizzle-kit generate --config drizzle.sandbox.config.ts --name verb-phrase).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/sandbox/db/schema.ts',
  out: './drizzle-sandbox',
  schemaFilter: ['freee_sandbox'],
});
