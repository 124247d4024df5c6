// drizzle-kit generates the register wing's migrations into drizzle-register/
// (run: npx drizzle-kit generate --config drizzle.register.config.ts --name verb-phrase).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema/register/index.ts',
  out: './drizzle-register',
});
