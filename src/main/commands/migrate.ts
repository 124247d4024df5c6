// uriage migrate: applies the migrations (the main schema and the sandbox's) and stops.
import type { Command } from '../../adapters/cli/command.js';
import { openDatabase } from '../../adapters/db/database.js';
import { runMigrations } from '../../adapters/db/migrate.js';
import { allMigrationSets } from '../migration-sets.js';
import type { MainContext } from './context.js';

export const migrateCommand: Command<MainContext> = {
  name: 'migrate',
  summary: 'データベースのマイグレーションを適用する (apply migrations)',
  usage: 'uriage migrate',
  run: async (ctx) => {
    const db = await openDatabase({
      databaseUrl: ctx.config.databaseUrl,
      dataDir: ctx.config.dataDir,
      startedAt: ctx.clock.now().toISOString(),
      connectionsMax: 4,
    });
    try {
      await runMigrations(db.pool, allMigrationSets);
      ctx.out(`migrations applied (${db.mode})`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
