// Goal (issue 3 acceptance): re-sending any prefix of a stream of random checkouts, in any order,
// with duplicates, ends in the same state as sending the stream once.
// Method: fast-check builds a day of valid checkouts (test/domain/arbitraries.ts) and turns each
// into a chain of revisions along the allowed statuses (pending → completed → cancelled, …) plus
// redo checkouts that may arrive before the checkout they redo. Company "once" receives the stream
// once, in order. Company "again" receives it shuffled with duplicates, in random batches, and then
// a shuffled prefix again. The stored checkouts (revision, status, hash, document, total) of both
// must be equal, and no item of the valid stream is ever refused. Real PostgreSQL / PGlite.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import type { Checkout } from '../../../src/domain/ledger/types.js';
import { arbitraryDay } from '../../support/domain/arbitraries.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { ledgerOf, staffActor } from '../../support/ledger-fixtures.js';

let app: TestApp;
let once: TestCompany;
let again: TestCompany;

before(async () => {
  app = await startTestApp();
  once = await createTestCompany(app, 'once');
  again = await createTestCompany(app, 'again');
});
after(async () => app?.close());

/** The revisions a register would send for a checkout whose final state is `c`. */
function chainOf(c: Checkout, long: boolean): Checkout[] {
  const pending = { ...c, status: 'pending' as const, completedAt: null, payments: [] };
  const completed = { ...c, status: 'completed' as const };
  const statuses: Checkout[] =
    c.status === 'pending'
      ? [pending]
      : c.status === 'aborted'
        ? long
          ? [pending, { ...pending, customerCount: pending.customerCount + 1 }, c]
          : [pending, c]
        : c.status === 'completed'
          ? long
            ? [pending, c]
            : [c]
          : long
            ? [pending, completed, c]
            : [completed, c];
  return statuses.map((each, i) => ({ ...each, revision: i + 1 }));
}

const streamArbitrary = fc
  .record({ day: arbitraryDay(10), long: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }) })
  .filter(({ day }) => day.roundingMode === 'floor')
  .map(({ day, long }) =>
    day.checkouts.flatMap((c, i) => {
      const chain = chainOf(c, long[i] ?? false);
      const redo =
        c.status === 'redone'
          ? [{ ...c, id: `${c.id}-redo`, status: 'completed' as const, redoes: c.id, revision: 1 }]
          : [];
      return [...chain, ...redo];
    }),
  );

let run = 0;

async function send(company: TestCompany, items: Checkout[], cuts: number[]): Promise<void> {
  let start = 0;
  for (const end of [
    ...cuts.filter((c) => c > 0 && c < items.length).sort((a, b) => a - b),
    items.length,
  ]) {
    const report = await ingestCheckouts(
      ledgerOf(app),
      staffActor(company),
      items.slice(start, end),
      { pathOf: (i) => `checkouts[${i}]` },
    );
    start = end;
    assert.equal(report.rejected, 0, JSON.stringify(report.results.filter((r) => r.error)));
  }
}

async function stateOf(company: TestCompany, prefix: string) {
  const { rows } = await app.db.pool.query(
    `select checkout_id, revision, status, content_hash, document, total_yen, redoes, business_date, completed_at
       from checkouts where company_id = $1 and checkout_id like $2 order by checkout_id`,
    [company.companyId, `${prefix}%`],
  );
  return rows;
}

test('re-sending any prefix, in any order, with duplicates, ends in the state of sending once', async () => {
  await fc.assert(
    fc.asyncProperty(
      streamArbitrary.chain((stream) =>
        fc.record({
          stream: fc.constant(stream),
          order: fc.shuffledSubarray(stream, {
            minLength: stream.length,
            maxLength: stream.length,
          }),
          duplicates: fc.array(fc.nat(Math.max(0, stream.length - 1)), { maxLength: 8 }),
          prefixLength: fc.nat(stream.length),
          cuts: fc.array(fc.nat(stream.length + 10), { maxLength: 4 }),
        }),
      ),
      async ({ stream, order, duplicates, prefixLength, cuts }) => {
        run += 1;
        const prefix = `r${run}-`;
        const tag = (c: Checkout): Checkout => ({
          ...c,
          id: `${prefix}${c.id}`,
          ...(c.redoes ? { redoes: `${prefix}${c.redoes}` } : {}),
        });
        const tagged = stream.map(tag);
        const shuffled = order.map(tag);
        const withDuplicates = [...shuffled];
        for (const index of duplicates) {
          const copy = tagged[index];
          if (copy) withDuplicates.splice(index % (withDuplicates.length + 1), 0, copy);
        }
        const prefixAgain = [...tagged.slice(0, prefixLength)].reverse();
        await send(once, tagged, []);
        await send(again, withDuplicates, cuts);
        await send(again, prefixAgain, []);
        assert.deepEqual(await stateOf(again, prefix), await stateOf(once, prefix));
      },
    ),
    { numRuns: Number(process.env.RUNS ?? 40), verbose: 2 },
  );
});
