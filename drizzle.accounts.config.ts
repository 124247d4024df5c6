// drizzle-kit generates the accounts wing's migrations into drizzle-accounts/
// (run: npx drizzle-kit generate --config drizzle.accounts.config.ts --name verb-phrase).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema/accounts/index.ts',
  out: './drizzle-accounts',
});
