// The maintenance commands (migrate, rekey) open the database alone, apply the migrations, do their
// work and close it, whatever happens.
import { openDatabase, type Database } from '../../adapters/db/database.js';
import { runMigrations } from '../../adapters/db/migrate.js';
import { allMigrationSets } from '../migration-sets.js';
import type { MainContext } from './context.js';

const maintenanceConnectionsMax = 4;

export async function withMigratedDatabase<T>(
  ctx: MainContext,
  work: (pool: Database['pool'], mode: Database['mode']) => Promise<T>,
): Promise<T> {
  const db = await openDatabase({
    databaseUrl: ctx.config.databaseUrl,
    dataDir: ctx.config.dataDir,
    startedAt: ctx.clock.now().toISOString(),
    connectionsMax: maintenanceConnectionsMax,
  });
  try {
    await runMigrations(db.pool, allMigrationSets);
    return await work(db.pool, db.mode);
  } finally {
    await db.close();
  }
}
