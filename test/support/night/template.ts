// The night's world built once and kept as a PostgreSQL template database (issue 15 item 2): a
// full-scale world (500 chains, 10,000 store-days connected and ingested) takes minutes to build,
// and the runs with 2, 4 and 8 workers must start from the same one. The template is named after
// the shape, the business date and the migrations; a JSON file beside it keeps what the database
// cannot tell (the secret key sealing the freee tokens, each chain's links and store-days). Each run
// gets `create database … template …`: a copy, dropped afterwards.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateSecretKeyText } from '../../../src/adapters/crypto/secret-box.js';
import { runMigrations } from '../../../src/adapters/db/migrate.js';
import { createPool, type Pool } from '../../../src/adapters/db/pool.js';
import { allMigrationSets } from '../../../src/main/migration-sets.js';
import { createScratchDatabase, migrationsFingerprint } from '../database.js';
import { cleanRuntime, type StoreLink } from '../fault-run/setup.js';
import { createNight, type NightChain, type NightShape, type NightStoreDay } from './world.js';

/** What a run needs besides the database: the key and every chain's links and store-days. */
export interface PreparedNight {
  secretKeyText: string;
  businessDate: string;
  chains: NightChain[];
}

interface WorldFile {
  secretKeyText: string;
  businessDate: string;
  chains: {
    companyId: string;
    companyCode: string;
    freeeCompanyId: number;
    stores: StoreLink[];
    /** Without checkouts and drawer events: they are in the database. */
    storeDays: NightStoreDay[];
  }[];
}

async function onServer<T>(
  serverUrl: string,
  sql: string,
): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query<T & pg.QueryResultRow>(sql);
  } finally {
    await client.end();
  }
}

function urlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The night's world as a template on the server (built unless kept), and a copy of it to run on. */
export async function nightWorldCopy(
  serverUrl: string,
  shape: NightShape,
  log: (line: string) => void,
  options: { rebuild?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void>; prepare(pool: Pool): PreparedNight }> {
  const businessDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const key = createHash('sha256')
    .update(
      JSON.stringify({ shape, businessDate, migrations: migrationsFingerprint(allMigrationSets) }),
    )
    .digest('hex')
    .slice(0, 10);
  const template = `uriage_nightw_${key}`;
  const dir = join(tmpdir(), 'uriage-night-worlds');
  const file = join(dir, `${template}.json`);
  const exists = await onServer<{ n: number }>(
    serverUrl,
    `select count(*)::int as n from pg_database where datname = '${template}'`,
  );
  if (options.rebuild || !existsSync(file) || exists.rows[0]?.n !== 1) {
    const started = performance.now();
    await onServer(serverUrl, `drop database if exists ${template} with (force)`);
    await onServer(serverUrl, `create database ${template}`);
    const pool = createPool(urlOf(serverUrl, template), 12);
    try {
      await runMigrations(pool, allMigrationSets);
      const secretKeyText = generateSecretKeyText();
      const chains = await createNight(pool, secretKeyText, shape, businessDate, log);
      const world: WorldFile = {
        secretKeyText,
        businessDate,
        chains: chains.map((c) => ({
          companyId: c.world.companyId,
          companyCode: c.world.companyCode,
          freeeCompanyId: c.freeeCompanyId,
          stores: c.world.stores,
          storeDays: c.storeDays.map((d) => ({ ...d, checkouts: [], drawerEvents: [] })),
        })),
      };
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(world), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    } finally {
      await pool.end();
    }
    log(`world ${template} built in ${Math.round((performance.now() - started) / 1000)} s`);
  } else log(`world ${template} kept from an earlier run (${file})`);
  const copy = await createScratchDatabase(serverUrl, 'uriage_night');
  // createScratchDatabase made an empty one: replace it by a copy of the template.
  await onServer(serverUrl, `drop database ${copy.name}`);
  await onServer(serverUrl, `create database ${copy.name} template ${template}`);
  const world = JSON.parse(readFileSync(file, 'utf8')) as WorldFile;
  return {
    url: copy.url,
    drop: copy.drop,
    prepare: (pool) => {
      const runtime = cleanRuntime(pool, world.secretKeyText);
      return {
        secretKeyText: world.secretKeyText,
        businessDate: world.businessDate,
        chains: world.chains.map((c) => ({
          world: { companyId: c.companyId, companyCode: c.companyCode, runtime, stores: c.stores },
          freeeCompanyId: c.freeeCompanyId,
          storeDays: c.storeDays,
        })),
      };
    },
  };
}
