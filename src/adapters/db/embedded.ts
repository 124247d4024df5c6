// Embedded PostgreSQL: PGlite in this process, served over the PostgreSQL wire protocol by
// pglite-socket on 127.0.0.1 so the app, the jobs, migrations and the CLI all speak plain `pg`.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.connectionsMax ?? 32 });
  await server.start();
  const address = server.getServerConn();
  return {
    connectionString: `postgres://postgres@${address}/postgres?sslmode=disable`,
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
export async function dumpEmbedded(dataDir: string | undefined, setup: (connectionString: string) => Promise<void>): Promise<Blob> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  try {
    await setup(`postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`);
  } finally {
    await server.stop();
  }
  const dump = await db.dumpDataDir('none');
  await db.close();
  return dump;
}
