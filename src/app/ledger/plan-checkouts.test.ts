// Goal: the idempotency decisions of the ingest (id + revision, status changes) without a database.
// Method: a table of spec rows run through planCheckouts, then a fast-check property: any stream of
// revisions applied in any order, split into any batches, with duplicates, ends with the highest
// revision of every id stored, and never a decision that depends on the order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planCheckouts, revisionKey } from './plan-checkouts.js';
import type { PreparedCheckout } from './prepare-checkout.js';
import { statusChangeError } from './status-reach.js';
import type { CheckoutHead } from './model.js';
import { checkoutStatuses, type CheckoutStatus } from '../../domain/ledger/types.js';
import { zeroYen } from '../../domain/money/yen.js';
import { checkout } from '../../../test/support/ledger-fixtures.js';

function item(
  index: number,
  id: string,
  revision: number,
  status: CheckoutStatus,
  content = 'a',
): PreparedCheckout {
  const c = checkout(id, { revision, status });
  return {
    index,
    path: `checkouts[${index}]`,
    checkout: c,
    write: {
      checkoutId: id,
      revision,
      storeId: 's',
      registerId: 'r',
      businessDate: c.businessDate,
      status,
      completedAt: null,
      totalYen: zeroYen,
      redoes: null,
      documentJson: '{}',
      contentHash: `${id}/${revision}/${status}/${content}`,
    },
  };
}

const head = (
  id: string,
  revision: number,
  status: CheckoutStatus,
  content = 'a',
): [string, CheckoutHead] => [
  id,
  {
    checkoutId: id,
    revision,
    status,
    contentHash: `${id}/${revision}/${status}/${content}`,
    storeId: 's',
    registerId: 'r',
  },
];

test('the status reachable from each stored status (spec §1 steps, skipped steps allowed)', () => {
  const allowed: Record<CheckoutStatus, CheckoutStatus[]> = {
    pending: ['pending', 'completed', 'cancelled', 'redone', 'aborted'],
    completed: ['completed', 'cancelled', 'redone'],
    cancelled: ['cancelled'],
    redone: ['redone'],
    aborted: ['aborted'],
  };
  for (const from of checkoutStatuses) {
    for (const to of checkoutStatuses) {
      assert.equal(
        statusChangeError(from, to) === null,
        allowed[from].includes(to),
        `${from} → ${to}`,
      );
    }
  }
});

test('decision table: new, same, conflicting, lower, higher, forbidden status', () => {
  const heads = new Map([
    head('a', 2, 'completed'),
    head('b', 1, 'cancelled'),
    head('c', 3, 'pending'),
  ]);
  const kept = new Map([[revisionKey('a', 1), 'a/1/pending/a']]);
  const items = [
    item(0, 'new', 1, 'redone'), // first arrival in any status
    item(1, 'a', 2, 'completed'), // same content
    item(2, 'a', 2, 'completed', 'other'), // same revision, other content
    item(3, 'a', 1, 'pending'), // lower, matches the kept history
    item(4, 'a', 1, 'pending', 'other'), // lower, differs from the history
    item(5, 'c', 1, 'pending'), // lower, never seen: superseded
    item(6, 'b', 2, 'completed'), // cancelled → completed: refused
    item(7, 'a', 3, 'cancelled'), // higher: accepted
  ];
  const plan = planCheckouts(items, heads, kept);
  const outcome = plan.decisions.map((d) =>
    d.outcome === 'rejected'
      ? `rejected:${d.rejection.code}:${d.rejection.fields[0]?.path}`
      : d.outcome === 'unchanged'
        ? `unchanged:${d.reason}`
        : d.outcome,
  );
  assert.deepEqual(outcome, [
    'accepted',
    'unchanged:same',
    'rejected:revision_conflict:checkouts[2].revision',
    'unchanged:same',
    'rejected:revision_conflict:checkouts[4].revision',
    'unchanged:superseded',
    'rejected:status_transition_not_allowed:checkouts[6].status',
    'accepted',
  ]);
  assert.deepEqual(
    plan.inserts.map((w) => w.checkoutId),
    ['new'],
  );
  assert.deepEqual(
    plan.replaces.map((w) => `${w.checkoutId}@${w.revision}`),
    ['a@3'],
  );
  assert.deepEqual(plan.archiveIds, ['a']);
  assert.deepEqual(plan.history, []);
});

test('several revisions of one id in one batch: the last accepted is written, the others kept as history', () => {
  const plan = planCheckouts(
    [
      item(0, 'x', 1, 'pending'),
      item(1, 'x', 2, 'completed'),
      item(2, 'x', 1, 'pending'),
      item(3, 'x', 3, 'cancelled'),
    ],
    new Map(),
    new Map(),
  );
  assert.deepEqual(
    plan.decisions.map((d) => d.outcome),
    ['accepted', 'accepted', 'unchanged', 'accepted'],
  );
  assert.deepEqual(
    plan.inserts.map((w) => w.revision),
    [3],
  );
  assert.deepEqual(
    plan.history.map((w) => w.revision),
    [1, 2],
  );
});

// A stream: per id a chain of revisions whose statuses follow the allowed steps.
const chainArbitrary = fc.constantFrom<CheckoutStatus[]>(
  ['completed'],
  ['pending'],
  ['pending', 'completed'],
  ['pending', 'completed', 'cancelled'],
  ['pending', 'aborted'],
  ['completed', 'redone'],
  ['pending', 'pending', 'completed', 'completed', 'redone'],
);

const streamArbitrary = fc
  .array(chainArbitrary, { minLength: 1, maxLength: 6 })
  .map((chains) =>
    chains.flatMap((statuses, n) =>
      statuses.map((status, r) => ({ id: `id${n}`, revision: r + 1, status })),
    ),
  );

function applyInBatches(
  sends: { id: string; revision: number; status: CheckoutStatus }[],
  cuts: number[],
): Map<string, CheckoutHead> {
  const state = new Map<string, CheckoutHead>();
  const kept = new Map<string, string>();
  let start = 0;
  for (const end of [
    ...cuts.filter((c) => c > 0 && c < sends.length).sort((a, b) => a - b),
    sends.length,
  ]) {
    const batch = sends.slice(start, end).map((s, i) => item(i, s.id, s.revision, s.status));
    start = end;
    const plan = planCheckouts(batch, new Map(state), kept);
    for (const w of [...plan.history])
      kept.set(revisionKey(w.checkoutId, w.revision), w.contentHash);
    for (const id of plan.archiveIds) {
      const old = state.get(id);
      if (old) kept.set(revisionKey(id, old.revision), old.contentHash);
    }
    for (const w of [...plan.inserts, ...plan.replaces])
      state.set(w.checkoutId, {
        checkoutId: w.checkoutId,
        revision: w.revision,
        status: w.status,
        contentHash: w.contentHash,
        storeId: w.storeId,
        registerId: w.registerId,
      });
    assert.ok(
      plan.decisions.every((d) => d.outcome !== 'rejected'),
      'a valid stream is never refused, in any order',
    );
  }
  return state;
}

test('property: any order, any batches, any duplicates → the highest revision of every id', () => {
  fc.assert(
    fc.property(
      streamArbitrary.chain((stream) =>
        fc.record({
          stream: fc.constant(stream),
          resend: fc.array(fc.constantFrom(...stream), { maxLength: 30 }),
          order: fc.shuffledSubarray(stream, { minLength: stream.length }),
          cuts: fc.array(fc.nat(40), { maxLength: 5 }),
        }),
      ),
      ({ stream, resend, order, cuts }) => {
        const once = applyInBatches(stream, []);
        const shuffled = applyInBatches([...order, ...resend], cuts);
        assert.deepEqual([...shuffled.entries()].sort(), [...once.entries()].sort());
        for (const [id, stored] of once) {
          const highest = Math.max(...stream.filter((s) => s.id === id).map((s) => s.revision));
          assert.equal(stored.revision, highest);
        }
      },
    ),
    { numRuns: 500 },
  );
});
