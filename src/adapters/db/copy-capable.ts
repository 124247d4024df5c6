// Whether the database behind a pool takes `COPY … FROM STDIN` (checkout-copy.ts): a PostgreSQL
// server does; PGlite behind our wire server (embedded.ts) does not — it has no COPY sub-protocol
// and drops the connection. Asked once per pool, from the server's own version text.
import type { Pool } from './pool.js';

const answers = new WeakMap<Pool, Promise<boolean>>();

/** True for a PostgreSQL server, false for PGlite; asked once per pool (a failed ask is asked again). */
export function copyCapable(pool: Pool): Promise<boolean> {
  const known = answers.get(pool);
  if (known) return known;
  const asked = pool
    .query<{ version: string }>('select version() as version')
    .then((result) => !(result.rows[0]?.version ?? '').includes('PGlite'));
  answers.set(pool, asked);
  asked.catch(() => answers.delete(pool));
  return asked;
}
