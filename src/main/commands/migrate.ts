// uriage migrate: applies the migrations (the main schema and the sandbox's) and stops.
import type { Command } from '../../adapters/cli/command.js';
import type { MainContext } from './context.js';
import { withMigratedDatabase } from './migrated-database.js';

export const migrateCommand: Command<MainContext> = {
  name: 'migrate',
  summary: 'データベースのマイグレーションを適用する (apply migrations)',
  usage: 'uriage migrate',
  run: (ctx) =>
    withMigratedDatabase(ctx, async (_pool, mode) => {
      ctx.out(`migrations applied (${mode})`);
      return 0;
    }),
};
