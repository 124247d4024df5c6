// One transaction helper for every repository: BEGIN on one pooled client, the work, COMMIT, or
// ROLLBACK on any error. Repositories are built over either the pool (reads) or that client.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool, PoolClient } from './pool.js';

export type Db = NodePgDatabase;
export type Queryable = Pool | PoolClient;

export function drizzleOver(client: Queryable): Db {
  return drizzle({ client });
}

export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
