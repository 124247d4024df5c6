// Opens the database the configuration names: a PostgreSQL server (DATABASE_URL) or the embedded
// PGlite data directory — taking it, or sharing it through the process that already holds it.
import { acquireLock, DataDirLockedError, readLiveLock } from './data-dir-lock.js';
import { startEmbedded } from './embedded.js';
import { createPool, type Pool } from './pool.js';

export type DatabaseMode = 'server' | 'embedded-owner' | 'embedded-shared';

export interface Database {
  pool: Pool;
  mode: DatabaseMode;
  connectionString: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  connectionsMax?: number;
  startedAt: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const connectionsMax = options.connectionsMax ?? 10;
  if (options.databaseUrl) {
    const pool = createPool(options.databaseUrl, connectionsMax);
    return { pool, mode: 'server', connectionString: options.databaseUrl, close: () => pool.end() };
  }
  const shared = sharedConnection(options.dataDir);
  if (shared) {
    const pool = createPool(shared, connectionsMax);
    return { pool, mode: 'embedded-shared', connectionString: shared, close: () => pool.end() };
  }
  const lock = acquireLock(options.dataDir, options.startedAt);
  try {
    const server = await startEmbedded({
      dataDir: options.dataDir,
      connectionsMax: connectionsMax * 3,
    });
    lock.publish(server.connectionString);
    const pool = createPool(server.connectionString, connectionsMax);
    const close = async () => {
      await pool.end();
      await server.stop();
      lock.release();
    };
    return { pool, mode: 'embedded-owner', connectionString: server.connectionString, close };
  } catch (error) {
    lock.release();
    throw error;
  }
}

function sharedConnection(dataDir: string): string | null {
  const live = readLiveLock(dataDir);
  if (!live || live.pid === process.pid) return null;
  if (!live.connectionString) throw new DataDirLockedError(dataDir, live.pid);
  return live.connectionString;
}
