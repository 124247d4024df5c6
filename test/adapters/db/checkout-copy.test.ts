// Goal: on a PostgreSQL server the ledger writes new checkouts by COPY (checkout-copy.ts), and what
// it stores is exactly what the INSERT path stores (checkout-insert.ts, still the path on PGlite
// and the fallback): every column but the company and the place, and the day aggregate's deltas —
// for hostile texts (tab, newline, CR, backslash, quotes, Japanese, any Unicode) in ids, documents,
// `redoes` and the figure key, for unpriced rows, rows priced without completed figures, and rows
// with more than two methods and matrix rows (the array columns). A batch holding an id already
// stored falls back to the INSERT path under the savepoint: the new rows are written once, the
// stored one is left alone, the transaction goes on. copyCapable says which database takes COPY.
// Method: the two paths write the same batches as two companies (each its own store and register
// ids) in one database (DATABASE_URL's server; the COPY cases are skipped on PGlite).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { CheckoutWrite } from '../../../src/app/ledger/model.js';
import { copyCheckoutRows } from '../../../src/adapters/db/checkout-copy.js';
import { insertCheckoutRows } from '../../../src/adapters/db/checkout-insert.js';
import { copyCapable } from '../../../src/adapters/db/copy-capable.js';
import type { PoolClient } from '../../../src/adapters/db/pool.js';
import { inTransaction } from '../../../src/adapters/db/unit-of-work.js';
import { yen } from '../../../src/domain/money/yen.js';
import { completedFigures } from '../../support/domain/stored-figures.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

const onServer = Boolean(process.env.DATABASE_URL);
const skip = onServer ? false : 'PGlite has no COPY FROM STDIN (the INSERT path is used there)';
let db: TestDatabase | undefined;
const now = new Date('2025-01-10T15:00:00.123Z');

before(async () => {
  db = await openTestDatabase();
});
after(async () => db?.close());

interface Place {
  companyId: string;
  storeId: string;
  registerId: string;
}
const newPlace = (): Place => ({
  companyId: randomUUID(),
  storeId: randomUUID(),
  registerId: randomUUID(),
});

const completed = completedFigures;

const hostileKey = 'floor|4:cash:cash:1,6:"quoted"\\back\ttab:card:0';

/** Writes of every shape, with `texts` (any Unicode but NUL) as ids, names and `redoes`. */
function writesOf(place: Place, texts: readonly string[]): CheckoutWrite[] {
  const figureShapes: CheckoutWrite['figures'][] = [
    null,
    { key: hostileKey, figures: { totalYen: 1640, completed: null } },
    { key: hostileKey, figures: { totalYen: 1640, completed: completed(1, 1) } },
    { key: 'round|x', figures: { totalYen: 1640, completed: completed(4, 5) } },
  ];
  return texts.map((text, index) => {
    const document = { id: `${text}#${index}`, name: `${text} コーヒー \\ "q"\t\n`, index };
    const documentJson = JSON.stringify(document);
    return {
      checkoutId: `${text}#${index}`,
      revision: 1 + (index % 3),
      storeId: place.storeId,
      registerId: place.registerId,
      businessDate: '2025-01-10',
      status: index % 5 === 0 ? 'cancelled' : 'completed',
      completedAt: index % 4 === 0 ? null : '2025-01-10T03:39:45Z',
      totalYen: yen(1640 + index),
      redoes: index % 3 === 0 ? `${text}\\redo` : null,
      documentJson,
      ...(index % 2 === 0 ? { documentUtf8: Buffer.from(documentJson, 'utf8') } : {}),
      contentHash: `${index}`.padStart(64, 'a'),
      figures: figureShapes[index % figureShapes.length] ?? null,
    };
  });
}

type Writer = typeof copyCheckoutRows;
async function write(writer: Writer, place: Place, rows: CheckoutWrite[]): Promise<string[]> {
  const pool = db?.pool;
  assert.ok(pool);
  return inTransaction(pool, (client: PoolClient) => writer(client, place.companyId, rows, now));
}

/** The company's rows as stored, without the columns that differ by company (ordered by id). */
async function storedRows(place: Place): Promise<unknown[]> {
  const { rows } = await (db?.pool ?? assert.fail('no database')).query<{ row: unknown }>(
    `select to_jsonb(c) - 'company_id' - 'store_id' - 'register_id' as row from checkouts c
      where company_id = $1 and store_id = $2 and register_id = $3 order by checkout_id collate "C"`,
    [place.companyId, place.storeId, place.registerId],
  );
  return rows.map((r) => r.row);
}

/** The store's day-aggregate deltas, summed per key (compaction may merge them differently). */
async function storedSums(place: Place): Promise<unknown[]> {
  const { rows } = await (db?.pool ?? assert.fail('no database')).query<{ row: unknown }>(
    `select to_jsonb(s) - 'store_id' as row from (
       select store_id, business_date, kind, status, fig_key, pos, sum(n) as n, sum(v01) as v01,
              sum(v05) as v05, sum(v10) as v10, sum(v20) as v20, count(*) > 0 as present
         from store_day_sum_deltas where store_id = $1
        group by store_id, business_date, kind, status, fig_key, pos) s
      order by (to_jsonb(s) - 'store_id')::text collate "C"`,
    [place.storeId],
  );
  return rows.map((r) => r.row);
}

test('copyCapable: true on a PostgreSQL server, false on PGlite', async () => {
  assert.equal(await copyCapable(db?.pool ?? assert.fail('no database')), onServer);
});

test('COPY stores every column and delta the INSERT stores, for hostile texts', { skip }, () => {
  const texts = fc.sample(fc.string({ unit: 'binary', maxLength: 12 }), { numRuns: 60, seed: 15 });
  const plain = ['a\tb', 'c\nd', 'e\rf', 'g\\h', 'i"j', '会計', '\\N', '', 'x,y{z}'];
  const cleaned = [...plain, ...texts].map((text) => text.replaceAll('\u0000', '0'));
  return (async () => {
    const viaInsert = newPlace();
    const viaCopy = newPlace();
    const inserted = await write(insertCheckoutRows, viaInsert, writesOf(viaInsert, cleaned));
    const copied = await write(copyCheckoutRows, viaCopy, writesOf(viaCopy, cleaned));
    assert.equal(copied.length, cleaned.length);
    assert.deepEqual([...copied].sort(), [...inserted].sort());
    const insertRows = await storedRows(viaInsert);
    assert.equal(insertRows.length, cleaned.length);
    assert.deepEqual(await storedRows(viaCopy), insertRows);
    const sums = await storedSums(viaInsert);
    assert.ok(sums.length > 0);
    assert.deepEqual(await storedSums(viaCopy), sums);
  })();
});

test(
  'an id already stored: COPY falls back to the INSERT path under its savepoint',
  { skip },
  async () => {
    const viaInsert = newPlace();
    const viaCopy = newPlace();
    const texts = ['first', 'second', 'third', 'fourth'];
    const batches = (place: Place) => {
      const all = writesOf(place, texts);
      return [all.slice(1, 2), all, all.slice(2)];
    };
    const expected: string[][] = [];
    for (const batch of batches(viaInsert))
      expected.push(await write(insertCheckoutRows, viaInsert, batch));
    const got: string[][] = [];
    for (const batch of batches(viaCopy)) got.push(await write(copyCheckoutRows, viaCopy, batch));
    assert.deepEqual(
      expected.map((ids) => ids.length),
      [1, 3, 0],
    );
    assert.deepEqual(
      got.map((ids) => [...ids].sort()),
      expected.map((ids) => [...ids].sort()),
    );
    assert.deepEqual(await storedRows(viaCopy), await storedRows(viaInsert));
    assert.deepEqual(await storedSums(viaCopy), await storedSums(viaInsert));
    // The transaction went on after the fallback: a statement after it in the same transaction.
    const pool = db?.pool ?? assert.fail('no database');
    const after = await inTransaction(pool, async (client) => {
      await copyCheckoutRows(client, viaCopy.companyId, writesOf(viaCopy, texts), now);
      return (await client.query<{ n: number }>('select 1 as n')).rows[0]?.n;
    });
    assert.equal(after, 1);
  },
);
