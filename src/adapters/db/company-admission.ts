// Posting runs of one company across every worker process (issue 15): a PostgreSQL server's
// session advisory locks are the company's N places — a run holds one place (lock (hash of the
// company, slot)) on a connection of its own for as long as it runs. A killed worker's connection
// closes and its places are free at once (no lease to wait for). While freee has the company locked
// out (a run ended 再送待ち 'throttled' with its next attempt later), no run of it starts anywhere:
// the job waits for the end of the lock-out instead of meeting the 403 again.
// Not for the embedded database: its connections share one backend, where advisory locks do not
// exclude each other (one process there; the per-process gate is the bound).
import type { Admission, CompanyAdmission } from '../../app/posting/company-gate.js';
import { createPool, type Pool } from './pool.js';

/** Store-days of the company looked at for a lock-out: the run's business date and the day before. */
const throttleLookBackDays = 1;

export class CompanyPlacesError extends RangeError {
  constructor(placesMax: number) {
    super(`runs of one company at once must be 1–64, got ${placesMax}`);
    this.name = 'CompanyPlacesError';
  }
}

async function lockedOutUntil(
  pool: Pool,
  companyId: string,
  businessDate: string,
  now: Date,
): Promise<Date | null> {
  const { rows } = await pool.query<{ until: Date | null }>(
    `select max(next_attempt_at) as until from posting_days
      where company_id = $1 and business_date >= $2::date - $4::int and business_date <= $2::date + $4::int
        and status = 'retry_wait' and reason_code in ('throttled', 'rate_limited') and next_attempt_at > $3`,
    [companyId, businessDate, now, throttleLookBackDays],
  );
  return rows[0]?.until ?? null;
}

/**
 * `placesMax` runs of one company at once over all processes sharing the server; `connectionsMax`
 * is this process's posting concurrency (each run holding a place holds one connection of its own).
 */
export function createCompanyAdmission(options: {
  /** The pool posting_days is read through. */
  pool: Pool;
  connectionString: string;
  placesMax: number;
  connectionsMax: number;
}): CompanyAdmission & { close(): Promise<void> } {
  const { placesMax } = options;
  if (!(Number.isInteger(placesMax) && placesMax >= 1 && placesMax <= 64))
    throw new CompanyPlacesError(placesMax);
  const places = createPool(options.connectionString, options.connectionsMax);
  const admit = async (companyId: string, businessDate: string, now: Date): Promise<Admission> => {
    const until = await lockedOutUntil(options.pool, companyId, businessDate, now);
    if (until) return { admitted: false, until };
    const client = await places.connect();
    // A held connection that dies (server restart) must not crash the process: its lock is gone
    // with it, and release() then drops the connection.
    const onError = () => undefined;
    client.on('error', onError);
    const drop = (error: unknown) => {
      client.off('error', onError);
      client.release(error instanceof Error ? error : true);
    };
    try {
      const key = `uriage.posting.company:${companyId}`;
      for (let slot = 0; slot < placesMax; slot += 1) {
        const { rows } = await client.query<{ ok: boolean }>(
          'select pg_try_advisory_lock(hashtext($1), $2) as ok',
          [key, slot],
        );
        if (!rows[0]?.ok) continue;
        return {
          admitted: true,
          release: async () => {
            try {
              await client.query('select pg_advisory_unlock(hashtext($1), $2)', [key, slot]);
              client.off('error', onError);
              client.release();
            } catch (error) {
              drop(error); // the connection (and its lock) goes
            }
          },
        };
      }
    } catch (error) {
      drop(error);
      throw error;
    }
    client.off('error', onError);
    client.release();
    return { admitted: false, until: null };
  };
  return { admit, close: () => places.end() };
}
