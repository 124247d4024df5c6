// One `pg` pool for a connection string, with parsers that keep money exact and dates as text.
import pg from 'pg';

const int8Oid = 20;
const numericOid = 1700;
const dateOid = 1082;

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`integer ${text} is outside the safe range`);
  return value;
}

pg.types.setTypeParser(int8Oid, parseSafeInteger);
pg.types.setTypeParser(numericOid, (text: string) => text);
pg.types.setTypeParser(dateOid, (text: string) => text);

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(connectionString: string, connectionsMax: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: connectionsMax,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 15_000,
  });
  pool.on('error', () => {
    // An idle client lost its connection (server restart): the pool replaces it on next use.
  });
  return pool;
}
