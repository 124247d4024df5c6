// Goal: the day aggregate's deltas summed at ingest (day-sum-deltas.ts) are additive and count
// what the report reads from them. Method: fast-check days (every status, returns, vouchers, all
// rounding modes) priced as the ingest prices them, cut anywhere: the deltas of the whole equal the
// deltas of the two parts merged per group; kind 0 counts every row per status and sums the
// priced rows' totals; kinds 1–3 hold only completed rows. (Equality with the engine through the
// database: test/integration/report/day-sums-equivalence.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CheckoutFigures, figuresMethodIndex } from '../ledger/checkout-figures-record.js';
import { daySumDeltasOf, type DaySumDelta, type DaySumRowInput } from './day-sum-deltas.js';
import { storedFiguresOf } from './day-sums.js';
import { arbitraryDay } from '../../../test/support/domain/arbitraries.js';
import { testMethodIndex } from '../../../test/support/domain/fixtures.js';

const index = figuresMethodIndex(testMethodIndex);
const storeIds = ['8d7f1f2a-0000-4000-8000-000000000001', '8d7f1f2a-0000-4000-8000-000000000002'];

const keyOf = (d: DaySumDelta) =>
  `${d.storeId}|${d.businessDate}|${d.kind}|${d.status}|${d.figKey}|${d.pos}`;

/** Deltas merged per group (as the report's GROUP BY sums them), all-zero groups dropped. */
function merged(...parts: DaySumDelta[][]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const delta of parts.flat()) {
    const sums = out.get(keyOf(delta)) ?? new Array<number>(28).fill(0);
    sums[0] = (sums[0] ?? 0) + delta.n;
    delta.values.forEach((v, at) => (sums[at + 1] = (sums[at + 1] ?? 0) + v));
    out.set(keyOf(delta), sums);
  }
  for (const [key, sums] of out) if (sums.every((v) => v === 0)) out.delete(key);
  return out;
}

const pricedDays = fc
  .tuple(arbitraryDay(14), fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), fc.nat())
  .map(([day, unpriced, cut]) => {
    const out = new CheckoutFigures();
    const rows: DaySumRowInput[] = day.checkouts.map((checkout, at) => {
      const figures = unpriced[at] ? null : storedFiguresOf(checkout, index, day.roundingMode, out);
      return {
        storeId: storeIds[at % 2] as string,
        businessDate: checkout.businessDate,
        status: checkout.status,
        figures: figures === null ? null : { key: `key-${day.roundingMode}`, figures },
      };
    });
    return { rows, cut: rows.length === 0 ? 0 : cut % (rows.length + 1) };
  });

describe('day sum deltas', () => {
  it('the whole batch equals its two parts merged, group by group', () => {
    fc.assert(
      fc.property(pricedDays, ({ rows, cut }) => {
        assert.deepStrictEqual(
          merged(daySumDeltasOf(rows)),
          merged(daySumDeltasOf(rows.slice(0, cut)), daySumDeltasOf(rows.slice(cut))),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('kind 0 counts every row per status and sums the priced totals; kinds 1–3 only completed', () => {
    fc.assert(
      fc.property(pricedDays, ({ rows }) => {
        const deltas = daySumDeltasOf(rows);
        const kind0 = deltas.filter((d) => d.kind === 0);
        for (const status of new Set(rows.map((r) => r.status))) {
          const ofStatus = rows.filter((r) => r.status === status);
          const counted = kind0.filter((d) => d.status === status);
          assert.equal(
            counted.reduce((n, d) => n + d.n, 0),
            ofStatus.length,
          );
          assert.equal(
            counted.reduce((sum, d) => sum + (d.values[0] ?? 0), 0),
            ofStatus.reduce((sum, r) => sum + (r.figures?.figures.totalYen ?? 0), 0),
          );
        }
        const completedPriced = rows.filter(
          (r) => r.status === 'completed' && r.figures?.figures.completed,
        );
        const methodRows = completedPriced.reduce(
          (n, r) => n + (r.figures?.figures.completed?.methodPosition.length ?? 0),
          0,
        );
        const kind2 = deltas.filter((d) => d.kind === 2);
        assert.equal(
          kind2.reduce((n, d) => n + d.n, 0),
          methodRows,
        );
        assert.equal(
          kind2.reduce((sum, d) => sum + (d.values[1] ?? 0), 0),
          completedPriced.reduce(
            (sum, r) =>
              sum + (r.figures?.figures.completed?.methodTotalYen.reduce((a, b) => a + b, 0) ?? 0),
            0,
          ),
        );
        const kind1 = deltas.filter((d) => d.kind === 1);
        assert.ok(
          kind1.reduce((n, d) => n + d.n, 0) <= completedPriced.length,
          'a bucket row per completed row with an instant',
        );
      }),
      { numRuns: 300 },
    );
  });
});
