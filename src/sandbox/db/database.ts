// A drizzle handle over the shared `pg` pool. Queries are unnamed (never prepared by name).
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool } from '../ports.js';
import * as schema from './schema.js';

export type SandboxDb = NodePgDatabase<typeof schema>;
/** The handle passed inside db.transaction(): use only it until the transaction ends. */
export type SandboxTx = Parameters<Parameters<SandboxDb['transaction']>[0]>[0];
export type SandboxQuery = SandboxDb | SandboxTx;

const handles = new WeakMap<Pool, SandboxDb>();

export function sandboxDb(pool: Pool): SandboxDb {
  let db = handles.get(pool);
  if (!db) {
    db = drizzle({ client: pool, schema });
    handles.set(pool, db);
  }
  return db;
}
