// Goal: the company bound of posting holds across processes (src/adapters/db/company-admission.ts):
// two admissions over the same server (two pools = two processes) share a company's N places; a
// place comes back when released; another company is not held up; a company locked out by freee
// (a store-day 再送待ち 'throttled' with its next attempt later) is refused with the lock-out's end,
// from either process; a place that comes free goes to the store-days that have waited longest, a
// waiter that stopped asking is passed over. Method: a PostgreSQL server (DATABASE_URL); the embedded database's
// connections share one backend, where advisory locks do not exclude each other (not used there).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCompanyAdmission } from '../../../src/adapters/db/company-admission.js';
import type { Admission, RunKey } from '../../../src/app/posting/company-gate.js';
import { waitFor } from '../../support/wait.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

const onServer = Boolean(process.env.DATABASE_URL);
const skip = onServer ? false : 'needs DATABASE_URL (advisory locks across sessions)';
let db: TestDatabase | undefined;
const companies: string[] = [];

before(async () => {
  if (!onServer) return;
  db = await openTestDatabase();
  for (const code of ['a', 'b']) {
    const { rows } = await db.pool.query<{ id: string }>(
      `insert into companies (code, name, created_at, updated_at) values ($1, $1, now(), now()) returning id`,
      [code],
    );
    companies.push(rows[0]?.id ?? '');
  }
});
after(async () => db?.close());

const runOf = (companyId: string, storeCode: string, businessDate = '2025-01-10'): RunKey => ({
  companyId,
  storeCode,
  businessDate,
});
const refused = (roundsAhead: number) => ({ admitted: false, until: null, roundsAhead });

/** Asks; a place given (where a refusal was expected) is handed back so the test ends. */
async function ask(
  admission: { admit(run: RunKey, now: Date): Promise<Admission> },
  run: RunKey,
  now: Date,
): Promise<unknown> {
  const answer = await admission.admit(run, now);
  if (!answer.admitted) return answer;
  await answer.release();
  return 'admitted';
}

function twoProcesses(database: TestDatabase, placesMax: number) {
  const open = () =>
    createCompanyAdmission({
      pool: database.pool,
      connectionString: database.connectionString,
      placesMax,
      connectionsMax: 4,
    });
  return [open(), open()] as const;
}

test('two processes share a company’s places; a release gives one back', { skip }, async () => {
  const database = db as TestDatabase;
  const [a, b] = companies as [string, string];
  const [one, two] = twoProcesses(database, 2);
  const now = new Date();
  try {
    const first = await one.admit(runOf(a, 's1'), now);
    const second = await two.admit(runOf(a, 's2'), now);
    assert.ok(first.admitted && second.admitted);
    assert.deepEqual(await one.admit(runOf(a, 's3'), now), refused(0));
    assert.deepEqual(await two.admit(runOf(a, 's4'), now), refused(0));
    const other = await two.admit(runOf(b, 's1'), now);
    assert.ok(other.admitted, 'company b is not held up by a');
    await first.release();
    const third = await two.admit(runOf(a, 's3'), now);
    assert.ok(third.admitted, 'the released place is taken from the other process');
    await Promise.all([second.release(), other.release(), third.release()]);
    const fourth = await one.admit(runOf(a, 's4'), now);
    assert.ok(fourth.admitted, 's4, the last waiter, runs when places are free');
    await fourth.release();
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
});

test('a killed process frees its places at once (no lease to wait for)', { skip }, async () => {
  const database = db as TestDatabase;
  const [a] = companies as [string];
  const [one, two] = twoProcesses(database, 1);
  const now = new Date();
  const held = await one.admit(runOf(a, 'k1'), now);
  assert.ok(held.admitted);
  assert.equal((await two.admit(runOf(a, 'k2'), now)).admitted, false);
  // The holder's connection dies as with kill -9 of its process: its advisory locks go with it.
  const { rows } = await database.pool.query<{ killed: boolean }>(
    `select pg_terminate_backend(pid) as killed from pg_locks
      where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
  );
  assert.deepEqual(
    rows.map((r) => r.killed),
    [true],
  );
  // The backend ends a moment after the signal; then the place is free (a lease would hold it).
  const last: { taken: Admission | null } = { taken: null };
  await waitFor(async () => (last.taken = await two.admit(runOf(a, 'k2'), now)).admitted, 5_000);
  await held.release(); // the dead connection is dropped, not reused
  if (last.taken?.admitted) await last.taken.release();
  await Promise.all([one.close(), two.close()]);
});

test('a company locked out by freee is refused until the lock-out ends', { skip }, async () => {
  const database = db as TestDatabase;
  const [a, b] = companies as [string, string];
  const { rows } = await database.pool.query<{ id: string }>(
    `insert into stores (company_id, code, name, created_at, updated_at) values ($1, 's1', 's1', now(), now()) returning id`,
    [a],
  );
  const now = new Date('2025-01-10T15:00:00Z');
  const until = new Date(now.getTime() + 10 * 60_000);
  await database.pool.query(
    `insert into posting_days (store_id, business_date, company_id, status, reason_code, next_attempt_at, updated_at)
     values ($1, '2025-01-10', $2, 'retry_wait', 'throttled', $3, $4)`,
    [rows[0]?.id, a, until, now],
  );
  const [one, two] = twoProcesses(database, 2);
  try {
    assert.deepEqual(await one.admit(runOf(a, 's1'), now), {
      admitted: false,
      until,
      roundsAhead: 0,
    });
    assert.deepEqual(await two.admit(runOf(a, 's1', '2025-01-11'), now), {
      admitted: false,
      until,
      roundsAhead: 0,
    });
    const other = await two.admit(runOf(b, 's1'), now);
    assert.ok(other.admitted, 'another company runs');
    await other.release();
    const later = await one.admit(runOf(a, 's1'), new Date(until.getTime() + 1));
    assert.ok(later.admitted, 'after the lock-out the company runs again');
    await later.release();
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
});

test(
  'places go to the longest waiting store-days first; a waiter gone quiet is passed over',
  { skip },
  async () => {
    const database = db as TestDatabase;
    const [a] = companies as [string];
    const [one, two] = twoProcesses(database, 1);
    const t0 = new Date('2025-02-01T15:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const held = await one.admit(runOf(a, 'w0', '2025-02-01'), at(0));
    try {
      assert.ok(held.admitted);
      assert.deepEqual(await ask(one, runOf(a, 'w1', '2025-02-01'), at(1)), refused(0));
      assert.deepEqual(await ask(two, runOf(a, 'w2', '2025-02-01'), at(2)), refused(1));
      assert.deepEqual(await ask(one, runOf(a, 'w3', '2025-02-01'), at(3)), refused(2));
      await held.release();
      // The place is free, but w3 and w2 have waiters ahead of them: they are refused.
      assert.deepEqual(await ask(two, runOf(a, 'w3', '2025-02-01'), at(4)), refused(2));
      assert.deepEqual(await ask(one, runOf(a, 'w2', '2025-02-01'), at(4)), refused(1));
      const w1 = await two.admit(runOf(a, 'w1', '2025-02-01'), at(5));
      assert.ok(w1.admitted, 'the first waiter takes the place, from either process');
      await w1.release();
      // w2 does not ask again for longer than waiterStaleSeconds: w3 is no longer held behind it.
      const w3 = await one.admit(runOf(a, 'w3', '2025-02-01'), at(40));
      assert.ok(w3.admitted, 'a waiter that went quiet does not hold the line');
      await w3.release();
      // w2 asks again: it kept its place (its wait is not forgotten) and is the only one left.
      const w2 = await two.admit(runOf(a, 'w2', '2025-02-01'), at(41));
      assert.ok(w2.admitted);
      await w2.release();
      const { rows } = await database.pool.query<{ n: number }>(
        `select count(*)::int as n from posting_company_waits where company_id = $1`,
        [a],
      );
      assert.deepEqual(rows, [{ n: 0 }], 'admitted runs leave the line');
    } finally {
      if (held.admitted) await held.release(); // a no-op unless an assertion failed above
      await Promise.all([one.close(), two.close()]);
    }
  },
);
