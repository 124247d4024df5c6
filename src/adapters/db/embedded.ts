// Embedded PostgreSQL: PGlite in this process, served over the PostgreSQL wire protocol by
// our pglite-socket server (pglite-socket-server.ts) on 127.0.0.1 so the app, the jobs, migrations and the CLI all speak plain `pg`.
import { PGlite } from '@electric-sql/pglite';
import { startPgliteWireServer } from './pglite-socket-server.js';
import { newWirePassword } from './wire-password.js';

export interface EmbeddedServer {
  connectionString: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** A directory, or undefined for an in-memory database. */
  dataDir?: string;
  /** A tarball from PGlite's dumpDataDir to start from (tests: a migrated template). */
  loadDataDir?: Blob;
  connectionsMax?: number;
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const password = newWirePassword();
  const server = await startPgliteWireServer(db, {
    connectionsMax: options.connectionsMax ?? 32,
    password,
  });
  return {
    connectionString: `postgres://postgres:${password}@${server.address}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      try {
        await db.exec('CHECKPOINT');
      } finally {
        await db.close();
      }
    },
  };
}

/** Dumps a database (embedded only) so tests can start from a migrated template. */
export async function dumpEmbedded(
  dataDir: string | undefined,
  setup: (connectionString: string) => Promise<void>,
): Promise<Blob> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const password = newWirePassword();
  const server = await startPgliteWireServer(db, { connectionsMax: 8, password });
  try {
    await setup(`postgres://postgres:${password}@${server.address}/postgres?sslmode=disable`);
  } finally {
    await server.stop();
  }
  const dump = await db.dumpDataDir('none');
  await db.close();
  return dump;
}
