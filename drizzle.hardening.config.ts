// drizzle-kit generates the hardening wing's migrations into drizzle-hardening/
// (run: npx drizzle-kit generate --config drizzle.hardening.config.ts --name verb-phrase).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema/hardening/index.ts',
  out: './drizzle-hardening',
});
