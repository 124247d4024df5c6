// drizzle-kit generates 消込's migrations into drizzle-reconcile/ (its own set, table
// drizzle.__migrations_reconcile; run: npx drizzle-kit generate --config drizzle.reconcile.config.ts
// --name verb-phrase). The tables live in the public schema beside the main ones.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema/reconcile/index.ts',
  out: './drizzle-reconcile',
});
