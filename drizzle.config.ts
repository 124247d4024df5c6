// drizzle-kit generates SQL migrations from src/adapters/db/schema into drizzle/ (run: npm run db:generate -- --name verb-phrase).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema/index.ts',
  out: './drizzle',
});
