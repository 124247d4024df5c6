// Goal: docs/operating.md's backup and restore works: `pg_dump --format=custom` of a database that
// holds a closed and posted store-day (ledger, 日報, posting record, the sandbox's deals), restored
// with `pg_restore` into a fresh, empty database, reads the same — the 日報 loaded and rebuilt, the
// stored close report, the posting record, and every row of every table of every schema.
// Method: the posting harness (real sandbox over HTTP) posts one day; the real pg_dump / pg_restore
// binaries; then both databases are read and compared. Needs a PostgreSQL server (DATABASE_URL):
// on the embedded database (one PGlite process) there is nothing to dump with pg_dump.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { reportSourceOver } from '../../../src/adapters/db/report-source.js';
import { createPool, type Pool } from '../../../src/adapters/db/pool.js';
import { createScratchDatabase, type ScratchDatabase } from '../../support/database.js';
import {
  checkout,
  closeOf,
  ingest,
  item,
  post,
  startPostingHarness,
  type PostingHarness,
} from '../posting/support.js';

const serverUrl = process.env.DATABASE_URL;
const skip = serverUrl ? false : 'needs a PostgreSQL server (DATABASE_URL) for pg_dump';

let h: PostingHarness;
let restored: ScratchDatabase;
let restoredPool: Pool;

before(async () => {
  if (skip) return;
  h = await startPostingHarness();
  restored = await createScratchDatabase(serverUrl ?? '', 'uriage_restore');
  restoredPool = createPool(restored.url, 2);
});
after(async () => {
  if (skip) return;
  await restoredPool.end();
  await restored.drop();
  await h.close();
});

/** Every table of every schema but the catalogs: name → md5 of its rows in a stable order. */
async function tableDigests(pool: Pool): Promise<Record<string, string>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await pool.query<{ digest: string; n: number }>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::int as n from ${name} t`,
    );
    digests[name] = `${rows[0]?.n}:${rows[0]?.digest}`;
  }
  return digests;
}

test(
  'a dump restored into a fresh database reads the same 日報, postings and rows',
  { skip },
  async () => {
    const pay = (method: string, amount: number) => ({ method, amount });
    await ingest(h, [
      checkout('d1', '0001', '2025-01-10', [item(1100, 'standard10')], [pay('credit', 1100)]),
      checkout('d2', '0001', '2025-01-10', [item(540, 'reduced8')], [pay('cash', 1000)]),
    ]);
    const { version } = await closeOf(h, '0001', '2025-01-10', 10_000, 10_540);
    const outcome = await post(h, '0001', '2025-01-10');
    assert.equal(outcome.status, 'posted');
    const dump = execFileSync(
      'pg_dump',
      ['--format=custom', '--no-owner', h.app.db.connectionString],
      {
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    assert.ok(dump.length > 0);
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restored.url], {
      input: dump,
    });
    const limits = { checkoutsMax: 100, drawerEventsMax: 100 };
    const source = reportSourceOver(h.app.db.pool);
    const copy = reportSourceOver(restoredPool);
    const day = await source.loadStoreDay(h.companyId, '0001', '2025-01-10', limits);
    assert.equal(day?.checkouts.length, 2);
    assert.deepEqual(await copy.loadStoreDay(h.companyId, '0001', '2025-01-10', limits), day);
    const report = await source.closeReport(h.companyId, '0001', '2025-01-10', version);
    assert.ok(report);
    assert.deepEqual(await copy.closeReport(h.companyId, '0001', '2025-01-10', version), report);
    const postings = `select status, posted_version, last_calls, last_writes from posting_days order by store_id, business_date`;
    const deals = `select ref_number, deal_id, content from posted_deals order by ref_number`;
    for (const sql of [postings, deals]) {
      const original = (await h.app.db.pool.query(sql)).rows;
      assert.ok(original.length > 0, sql);
      assert.deepEqual((await restoredPool.query(sql)).rows, original);
    }
    const digests = await tableDigests(h.app.db.pool);
    assert.ok(Object.keys(digests).some((name) => name.startsWith('freee_sandbox.')));
    assert.deepEqual(await tableDigests(restoredPool), digests);
  },
);
