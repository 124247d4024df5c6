// Posting runs of one company across every worker process (issue 15): a PostgreSQL server's
// session advisory locks are the company's N places — a run holds one place (lock (hash of the
// company, slot)) on a connection of its own for as long as it runs. A killed worker's connection
// closes and its places are free at once (no lease to wait for). While freee has the company locked
// out (a run ended 再送待ち 'throttled' with its next attempt later), no run of it starts anywhere:
// the job waits for the end of the lock-out instead of meeting the 403 again.
// Places go to the store-days that have waited longest (posting_company_waits): a refused run joins
// the company's waiting line, and only the first `placesMax` live waiters may take a place that comes
// free — without the line, the place went to whichever put-back job asked first, and a 1,000-store
// chain's unlucky store-days waited 16 minutes at the night's peaks (issue 15).
// Not for the embedded database: its connections share one backend, where advisory locks do not
// exclude each other (one process there; the per-process gate is the bound).
import type { Admission, CompanyAdmission, RunKey } from '../../app/posting/company-gate.js';
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

/** A waiter that has not asked again for this long is not counted (its job went some other way). */
export const waiterStaleSeconds = 30;
/** A wait this old is forgotten: asked again, the run starts a new wait at the end of the line. */
export const waitForgottenSeconds = 3600;

/** Joins (or stays in) the company's waiting line; answers how many live waiters are ahead. */
async function waitersAhead(pool: Pool, run: RunKey, now: Date): Promise<number> {
  const { rows } = await pool.query<{ ahead: number }>(
    `with me as (
       insert into posting_company_waits as w (company_id, store_code, business_date, waiting_since, asked_at)
       values ($1, $2, $3, $4, $4)
       on conflict (company_id, store_code, business_date) do update
         set asked_at = excluded.asked_at,
             waiting_since = case when w.asked_at < $4::timestamptz - make_interval(secs => $6)
                                  then excluded.waiting_since else w.waiting_since end
       returning waiting_since)
     select count(*)::int as ahead from posting_company_waits o, me
      where o.company_id = $1 and o.asked_at > $4::timestamptz - make_interval(secs => $5)
        and not (o.store_code = $2 and o.business_date = $3::date)
        and (o.waiting_since, o.store_code, o.business_date) < (me.waiting_since, $2, $3::date)`,
    [run.companyId, run.storeCode, run.businessDate, now, waiterStaleSeconds, waitForgottenSeconds],
  );
  return rows[0]?.ahead ?? 0;
}

/** The admitted run leaves the line (and the company's forgotten waits are cleared). */
async function leaveLine(pool: Pool, run: RunKey, now: Date): Promise<void> {
  await pool.query(
    `delete from posting_company_waits
      where company_id = $1
        and ((store_code = $2 and business_date = $3) or asked_at < $4::timestamptz - make_interval(secs => $5))`,
    [run.companyId, run.storeCode, run.businessDate, now, waitForgottenSeconds],
  );
}

/** One of the company's places (an advisory lock on a connection of the run's own), or null. */
async function tryPlace(
  places: Pool,
  companyId: string,
  placesMax: number,
): Promise<Admission | null> {
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
      let released = false;
      return {
        admitted: true,
        release: async () => {
          if (released) return; // a second release is a no-op
          released = true;
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
  return null;
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
  const refused = (roundsAhead: number): Admission => ({
    admitted: false,
    until: null,
    roundsAhead,
  });
  const admit = async (run: RunKey, now: Date): Promise<Admission> => {
    const ahead = await waitersAhead(options.pool, run, now);
    const until = await lockedOutUntil(options.pool, run.companyId, run.businessDate, now);
    if (until) return { admitted: false, until, roundsAhead: Math.floor(ahead / placesMax) };
    // Only the first placesMax waiters may take a place (the others' turn is later).
    if (ahead >= placesMax) return refused(Math.floor(ahead / placesMax));
    const place = await tryPlace(places, run.companyId, placesMax);
    if (!place) return refused(0);
    try {
      await leaveLine(options.pool, run, now);
    } catch (error) {
      if (place.admitted) await place.release();
      throw error;
    }
    return place;
  };
  return { admit, close: () => places.end() };
}
