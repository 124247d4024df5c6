// A fresh, migrated database per test file. DATABASE_URL set → a new database on that server,
// dropped afterwards; unset → embedded PGlite started from a migrated template (built once per
// migration set and cached under .test-data/, so each file starts in well under a second).
// Benches and scripts use createScratchDatabase / serverUrlFromEnv (a database of their own).
import { createHash, randomUUID } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { dumpEmbedded, startEmbedded } from '../../src/adapters/db/embedded.js';
import { runMigrations, type MigrationSet } from '../../src/adapters/db/migrate.js';
import { allMigrationSets } from '../../src/main/migration-sets.js';
import { createPool, type Pool } from '../../src/adapters/db/pool.js';

export interface TestDatabase {
  pool: Pool;
  connectionString: string;
  mode: 'server' | 'embedded';
  close(): Promise<void>;
}

export async function openTestDatabase(
  sets: readonly MigrationSet[] = defaultMigrationSets(),
): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return openServerDatabase(serverUrl, sets);
  return openEmbeddedDatabase(sets);
}

let extraSets: MigrationSet[] = [];
/** Components with their own migration folder (e.g. the freee sandbox) register here. */
export function registerTestMigrations(set: MigrationSet): void {
  if (!extraSets.some((s) => s.folder === set.folder)) extraSets = [...extraSets, set];
}
function defaultMigrationSets(): MigrationSet[] {
  return [...allMigrationSets, ...extraSets];
}

/** Where benches, scripts and server-mode tests find PostgreSQL when DATABASE_URL is unset. */
export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server to create scratch databases on: DATABASE_URL, else {@link defaultServerUrl}. */
export function serverUrlFromEnv(): string {
  return process.env.DATABASE_URL || defaultServerUrl;
}

export interface ScratchDatabase {
  name: string;
  /** The connection string of the new database. */
  url: string;
  /** Drops the database (with force: open connections are closed). */
  drop(): Promise<void>;
}

/** A new, empty database on the server of `serverUrl`, named `${prefix}_<pid>_<random>`. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = 'uriage_t',
): Promise<ScratchDatabase> {
  const suffix = createHash('sha256')
    .update(`${process.hrtime.bigint()}-${randomUUID()}`)
    .digest('hex')
    .slice(0, 8);
  const name = `${prefix}_${process.pid}_${suffix}`;
  const onServer = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await onServer(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(`drop database if exists ${name} with (force)`),
  };
}

async function openServerDatabase(
  serverUrl: string,
  sets: readonly MigrationSet[],
): Promise<TestDatabase> {
  const scratch = await createScratchDatabase(serverUrl);
  const pool = createPool(scratch.url, 10);
  await runMigrations(pool, sets);
  return {
    pool,
    connectionString: scratch.url,
    mode: 'server',
    close: async () => {
      await pool.end();
      await scratch.drop();
    },
  };
}

export function migrationsFingerprint(sets: readonly MigrationSet[]): string {
  const hash = createHash('sha256');
  for (const set of sets) {
    for (const file of readdirSync(set.folder, { recursive: true }).map(String).sort()) {
      const path = join(set.folder, file);
      if (file.endsWith('.sql') || file.endsWith('.json'))
        hash.update(file).update(readFileSync(path));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function templateFor(sets: readonly MigrationSet[]): Promise<Blob> {
  const dir = '.test-data';
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `template-${migrationsFingerprint(sets)}.tar`);
  if (!existsSync(path)) {
    const dump = await dumpEmbedded(undefined, async (connectionString) => {
      const pool = createPool(connectionString, 2);
      try {
        await runMigrations(pool, sets);
      } finally {
        await pool.end();
      }
    });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    renameSync(temporary, path);
  }
  return new Blob([readFileSync(path)]);
}

async function openEmbeddedDatabase(sets: readonly MigrationSet[]): Promise<TestDatabase> {
  const server = await startEmbedded({ loadDataDir: await templateFor(sets), connectionsMax: 40 });
  const pool = createPool(server.connectionString, 10);
  await runMigrations(pool, sets);
  return {
    pool,
    connectionString: server.connectionString,
    mode: 'embedded',
    close: async () => {
      await pool.end();
      await server.stop();
    },
  };
}
