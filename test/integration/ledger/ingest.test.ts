// Goal: the ingest's rules of issue 3 §1–2, one row each, on a real database: idempotency by id +
// revision, revision history, status changes, redo links, store/register/payment method must exist,
// tender rules, register scope, per-item results of a batch, drawer events idempotent by id.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestCheckouts } from '../../../src/app/ledger/ingest-checkouts.js';
import { recordDrawerEvents } from '../../../src/app/ledger/record-drawer-events.js';
import type { BatchReport, LedgerActor } from '../../../src/app/ledger/model.js';
import { AppError } from '../../../src/app/errors.js';
import {
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import {
  checkout,
  countRows,
  drawerEvent,
  ledgerOf,
  staffActor,
} from '../../support/ledger-fixtures.js';

let app: TestApp;
let company: TestCompany;
let actor: LedgerActor;

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'alpha', ['0001', '0002']);
  actor = staffActor(company);
});
after(async () => app?.close());

const send = (items: unknown[], by: LedgerActor = actor) =>
  ingestCheckouts(ledgerOf(app), by, items, { pathOf: (i) => `checkouts[${i}]` });
const outcomes = (report: BatchReport) =>
  report.results.map((r) =>
    r.error ? `${r.result}:${r.error.code}` : r.reason ? `${r.result}:${r.reason}` : r.result,
  );
const paths = (report: BatchReport, index = 0) =>
  (report.results[index]?.error?.fields ?? []).map((f) => f.path);

async function stored(id: string) {
  const { rows } = await app.db.pool.query(
    'select revision, status, total_yen, document from checkouts where company_id = $1 and checkout_id = $2',
    [company.companyId, id],
  );
  return rows[0] as
    | { revision: number; status: string; total_yen: number; document: Record<string, unknown> }
    | undefined;
}

test('a first arrival is accepted in any status; the same document again is unchanged', async () => {
  for (const status of ['pending', 'completed', 'cancelled', 'redone', 'aborted'] as const) {
    const c = checkout(`first-${status}`, {
      status,
      ...(status === 'pending' || status === 'aborted' ? { completedAt: null, payments: [] } : {}),
    });
    assert.deepEqual(outcomes(await send([c])), ['accepted'], status);
    assert.deepEqual(outcomes(await send([c])), ['unchanged:same'], status);
    assert.equal((await stored(c.id))?.status, status);
  }
});

test('key order and the priceMode default do not change the content', async () => {
  const c = checkout('order-1');
  await send([c]);
  const { priceMode: _priceMode, ...withoutPriceMode } = c;
  const reversed = Object.fromEntries(Object.entries(withoutPriceMode).reverse());
  assert.deepEqual(outcomes(await send([reversed])), ['unchanged:same']);
});

test('same revision with other content: revision_conflict naming `revision`, nothing changes', async () => {
  await send([checkout('conflict-1')]);
  const report = await send([checkout('conflict-1', { customerCount: 5 })]);
  assert.deepEqual(outcomes(report), ['rejected:revision_conflict']);
  assert.deepEqual(paths(report), ['checkouts[0].revision']);
  assert.equal(report.results[0]?.error?.kind, 'conflict');
  assert.equal((await stored('conflict-1'))?.document.customerCount, 1);
});

test('a higher revision replaces; the replaced one is kept; re-sending it is unchanged, altering it is a conflict', async () => {
  await send([checkout('rev-1', { status: 'pending', completedAt: null, payments: [] })]);
  assert.deepEqual(outcomes(await send([checkout('rev-1', { revision: 2 })])), ['accepted']);
  assert.equal((await stored('rev-1'))?.revision, 2);
  const { rows } = await app.db.pool.query(
    'select revision, status from checkout_revisions where company_id = $1 and checkout_id = $2',
    [company.companyId, 'rev-1'],
  );
  assert.deepEqual(rows, [{ revision: 1, status: 'pending' }]);
  assert.deepEqual(
    outcomes(
      await send([checkout('rev-1', { status: 'pending', completedAt: null, payments: [] })]),
    ),
    ['unchanged:same'],
  );
  assert.deepEqual(
    outcomes(
      await send([
        checkout('rev-1', { status: 'pending', completedAt: null, payments: [], customerCount: 9 }),
      ]),
    ),
    ['rejected:revision_conflict'],
  );
  assert.equal((await stored('rev-1'))?.revision, 2);
});

test('a lower revision never seen (a higher one arrived first) is unchanged: superseded', async () => {
  await send([checkout('late-low', { revision: 3, status: 'cancelled' })]);
  assert.deepEqual(
    outcomes(
      await send([
        checkout('late-low', { revision: 1, status: 'pending', completedAt: null, payments: [] }),
      ]),
    ),
    ['unchanged:superseded'],
  );
  assert.equal((await stored('late-low'))?.status, 'cancelled');
});

test('status changes: along the steps (also skipping unsent ones) accepted, backwards refused', async () => {
  await send([checkout('st-1', { status: 'pending', completedAt: null, payments: [] })]);
  assert.deepEqual(
    outcomes(await send([checkout('st-1', { revision: 3, status: 'cancelled' })])),
    ['accepted'],
    'pending → (completed) → cancelled',
  );
  await send([checkout('st-2')]);
  const back = await send([
    checkout('st-2', { revision: 2, status: 'pending', completedAt: null, payments: [] }),
  ]);
  assert.deepEqual(outcomes(back), ['rejected:status_transition_not_allowed']);
  assert.deepEqual(paths(back), ['checkouts[0].status']);
  await send([checkout('st-3', { status: 'aborted', completedAt: null, payments: [] })]);
  assert.deepEqual(
    outcomes(await send([checkout('st-3', { revision: 2 })])),
    ['rejected:status_transition_not_allowed'],
    'aborted is final',
  );
  assert.equal((await stored('st-3'))?.status, 'aborted');
});

test('`redoes` may name a checkout that arrives later', async () => {
  assert.deepEqual(outcomes(await send([checkout('redo-new', { redoes: 'redo-old' })])), [
    'accepted',
  ]);
  assert.deepEqual(outcomes(await send([checkout('redo-old', { status: 'redone' })])), [
    'accepted',
  ]);
});

test('store, register and payment method must exist; tender rules of spec step 6; each error names its field', async () => {
  const report = await send([
    checkout('bad-store', { storeCode: '9999' }),
    checkout('bad-register', { registerCode: '99' }),
    checkout('bad-method', { payments: [{ method: 'bitcoin', amount: 2000 }] }),
    checkout('short-pay', { payments: [{ method: 'cash', amount: 1000 }] }),
    checkout('cash-after-credit', {
      payments: [
        { method: 'credit', amount: 1100 },
        { method: 'cash', amount: 100 },
      ],
    }),
    checkout('ok-in-batch'),
  ]);
  assert.deepEqual(outcomes(report), [
    'rejected:validation_failed',
    'rejected:validation_failed',
    'rejected:validation_failed',
    'rejected:validation_failed',
    'rejected:validation_failed',
    'accepted',
  ]);
  assert.deepEqual(paths(report, 0), ['checkouts[0].storeCode']);
  assert.deepEqual(paths(report, 1), ['checkouts[1].registerCode']);
  assert.deepEqual(paths(report, 2), ['checkouts[2].payments[0].method']);
  assert.deepEqual(paths(report, 3), ['checkouts[3].payments']);
  assert.deepEqual(paths(report, 4), ['checkouts[4].payments[1].amount']);
  for (const id of ['bad-store', 'bad-register', 'bad-method', 'short-pay', 'cash-after-credit'])
    assert.equal(await stored(id), undefined, id);
  assert.equal((await stored('ok-in-batch'))?.total_yen, 1100);
});

test('a register token writes for its own store and register only', async () => {
  const register: LedgerActor = {
    companyId: company.companyId,
    register: { storeCode: '0001', registerCode: '01' },
    label: 'register:0001/01',
  };
  const report = await send(
    [checkout('reg-own'), checkout('reg-other-store', { storeCode: '0002' })],
    register,
  );
  assert.deepEqual(outcomes(report), ['accepted', 'rejected:forbidden']);
  assert.deepEqual(paths(report, 1), ['checkouts[1].storeCode']);
  assert.equal(report.results[1]?.error?.kind, 'forbidden');
  assert.equal(await stored('reg-other-store'), undefined);
});

test('more than 1,000 in one batch is refused whole, nothing written', async () => {
  const before = await countRows(app, 'checkouts', company.companyId);
  await assert.rejects(
    send(Array.from({ length: 1001 }, (_, i) => checkout(`big-${i}`))),
    (error: unknown) => error instanceof AppError && error.fields[0]?.path === 'checkouts',
  );
  assert.equal(await countRows(app, 'checkouts', company.companyId), before);
});

test('drawer events: idempotent by id; the same id with other content is a conflict', async () => {
  const record = (items: unknown[]) =>
    recordDrawerEvents(ledgerOf(app), actor, items, { pathOf: (i) => `drawerEvents[${i}]` });
  assert.deepEqual(
    outcomes(
      await record([drawerEvent('d-1'), drawerEvent('d-2', { type: 'cashOut', amount: 300 })]),
    ),
    ['accepted', 'accepted'],
  );
  assert.deepEqual(outcomes(await record([drawerEvent('d-1')])), ['unchanged:same']);
  const changed = await record([drawerEvent('d-1', { amount: 6000 })]);
  assert.deepEqual(outcomes(changed), ['rejected:drawer_event_conflict']);
  assert.deepEqual(paths(changed), ['drawerEvents[0].id']);
  assert.deepEqual(
    outcomes(
      await record([drawerEvent('d-3'), drawerEvent('d-3'), drawerEvent('d-3', { amount: 1 })]),
    ),
    ['accepted', 'unchanged:same', 'rejected:drawer_event_conflict'],
  );
  const invalid = await record([
    drawerEvent('d-4', { amount: 0 }),
    drawerEvent('d-5', { businessDate: '2025-02-30' }),
    drawerEvent('d-6', { storeCode: '9999' }),
  ]);
  assert.deepEqual(
    invalid.results.map((r) => r.error?.fields.map((f) => f.path)),
    [['drawerEvents[0].amount'], ['drawerEvents[1].businessDate'], ['drawerEvents[2].storeCode']],
  );
  const { rows } = await app.db.pool.query(
    'select event_id, amount_yen from drawer_events where company_id = $1 order by event_id',
    [company.companyId],
  );
  assert.deepEqual(rows, [
    { event_id: 'd-1', amount_yen: 5000 },
    { event_id: 'd-2', amount_yen: 300 },
    { event_id: 'd-3', amount_yen: 5000 },
  ]);
});
