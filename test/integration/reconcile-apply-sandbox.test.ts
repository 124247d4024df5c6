// Goal: 消込's real freee side (src/adapters/freee/reconcile-gateway.ts over the typed client) applies
// accepted suggestions to the freee sandbox exactly once under 30 % injected faults (5xx,
// maintenance, reset_after_write — freee wrote, the answer is lost) and 5
// simulated worker crashes between the recorded intent and freee's answer, and undo restores the
// deals exactly (due_amount back, no payment left, no difference deal left). Method: the sandbox on
// real HTTP over a fresh database (PGlite or DATABASE_URL) that also holds Uriage's reconcile
// tables; receivables made without faults, then the fault plan is armed; runs retried until done.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import { createFreeeClient, type FreeeClient } from '../../src/adapters/freee/client.js';
import { reconcileFreeeOver } from '../../src/adapters/freee/reconcile-gateway.js';
import { reconcileStoreOver } from '../../src/adapters/db/reconcile-store.js';
import { silentLogger } from '../../src/adapters/log/logger.js';
import {
  differenceRef,
  runApplication,
  undoApplication,
  type ApplyDeps,
} from '../../src/app/reconcile/apply.js';
import type { PlannedApplication, ReconcileFreee } from '../../src/app/reconcile/ports.js';
import { parseBusinessDate } from '../../src/domain/calendar/business-date.js';
import { yen } from '../../src/domain/money/yen.js';
import { createFaultPlan, type FaultPlan } from '../../src/sandbox/faults.js';
import { call, login, startHarness, type Harness } from '../sandbox/support/harness.js';

const faultRate = 0.3;
const crashesPlanned = 5;
const runsMax = 300;
const date = '2025-06-12';

let h: Harness;
let token: string;
let cid: number;
let uriageCompany: string;
let armed = false;
const real = createFaultPlan({
  rate: faultRate,
  seed: 20_261_204,
  kinds: ['5xx', 'maintenance', 'reset_after_write'],
});
/** The real plan, consulted only while armed (the receivables are made without faults). */
const gated: FaultPlan = {
  ...real,
  decide: (c, header) => (armed ? real.decide(c, header) : null),
};

type Rec = Record<string, unknown>;
interface Deal {
  id: number;
  amount: number;
  due_amount: number;
  ref_number?: string | null;
  payments?: { id: number; amount: number; date: string; from_walletable_id: number }[];
}

const api = async (method: string, path: string, body?: unknown) => {
  const reply = await call(h, token, method, path, body);
  assert.ok(reply.status < 300, `${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as Rec;
};
const dealOf = async (id: number) =>
  (await api('GET', `/api/1/deals/${id}?company_id=${cid}`)).deal as Deal;

before(async () => {
  h = await startHarness({ faults: gated });
  token = (await login(h)).accessToken;
  cid = h.company.companyId;
  uriageCompany = randomUUID();
  await h.db.pool.query(
    `insert into companies (id, code, name, created_at, updated_at) values ($1, 'rcs', 'reconcile', now(), now())`,
    [uriageCompany],
  );
});
after(async () => {
  real.close();
  await h.close();
});

class Crash extends Error {}

/** The gateway with a worker that dies at chosen writes: before sending, or after freee answered
 *  and before the answer is recorded (the intent is already stored either way). */
function crashing(inner: ReconcileFreee, atWrites: ReadonlySet<number>) {
  let writes = 0;
  let crashes = 0;
  const around = async <T>(make: () => Promise<T>): Promise<T> => {
    writes += 1;
    if (!atWrites.has(writes)) return make();
    crashes += 1;
    if (crashes % 2 === 1) throw new Crash('killed before the call');
    await make();
    throw new Crash('killed after freee answered');
  };
  const port: ReconcileFreee = {
    paymentsOf: (c, d) => inner.paymentsOf(c, d),
    findDealByRef: (c, r, d) => inner.findDealByRef(c, r, d),
    addPayment: (c, d, p) => around(() => inner.addPayment(c, d, p)),
    deletePayment: (c, d, p) => around(() => inner.deletePayment(c, d, p)),
    createDifferenceDeal: (c, d, w, r) => around(() => inner.createDifferenceDeal(c, d, w, r)),
    deleteDeal: (c, d) => around(() => inner.deleteDeal(c, d)),
  };
  return { port, crashes: () => crashes };
}

async function untilDone(work: () => Promise<void>): Promise<number> {
  let failures = 0;
  let last: unknown = null;
  for (let run = 1; run <= runsMax; run += 1) {
    try {
      await work();
      return failures;
    } catch (error) {
      const name = (error as Error).name;
      if (!(error instanceof Crash) && name !== 'ReconcileFreeeError') throw error;
      failures += 1;
      last = error;
    }
  }
  throw new Error(
    `not done after ${runsMax} runs: ${String(last)} ${JSON.stringify((last as { failure?: unknown }).failure)}`,
  );
}

it('applies 8 suggestions under 30 % sandbox faults and 5 crashes exactly once; undo restores every deal', async () => {
  const accounts = (await api('GET', `/api/1/account_items?company_id=${cid}`)).account_items as {
    id: number;
    name: string;
  }[];
  const sales = accounts.find((a) => a.name === '売上高')?.id;
  const partner = (
    (await api('POST', '/api/1/partners', { company_id: cid, name: 'ヤマダ商事' })).partner as {
      id: number;
    }
  ).id;
  const receivables: Deal[] = [];
  for (let i = 0; i < 14; i += 1) {
    const body = await api('POST', '/api/1/deals', {
      company_id: cid,
      type: 'income',
      issue_date: '2025-06-0' + String(1 + (i % 9)),
      partner_id: partner,
      details: [{ account_item_id: sales, tax_code: 129, amount: 10_000 + i * 1_100 }],
    });
    receivables.push(body.deal as Deal);
  }
  const walletable = { type: 'bank_account' as const, id: h.company.bankWalletableId };
  const d = parseBusinessDate(date);
  // Deal groups per application: singles, combinations; a fee, an overpayment.
  const groups = [[0], [1, 2], [3], [4, 5, 6], [7], [8, 9], [10], [11, 12, 13]];
  const applications: PlannedApplication[] = groups.map((g, i) => ({
    applicationId: randomUUID(),
    companyId: uriageCompany,
    lineKey: `line-${i}`,
    walletable,
    createdBy: 'tester',
    plan: {
      payments: g.map((k) => {
        const r = receivables[k] as Deal;
        return { dealId: String(r.id), amountYen: yen(r.due_amount), date: d };
      }),
      difference:
        i % 3 === 1
          ? {
              type: 'expense',
              account: '支払手数料',
              taxCode: 136,
              amountYen: yen(440),
              date: d,
              partnerId: String(partner),
            }
          : i % 3 === 2
            ? {
                type: 'income',
                account: '仮受金',
                taxCode: 2,
                amountYen: yen(1_000),
                date: d,
                partnerId: String(partner),
              }
            : null,
    },
  }));
  const store = reconcileStoreOver(h.db.pool);
  const now = () => new Date('2025-06-15T03:00:00Z');
  for (const a of applications) assert.equal((await store.claim(a, now())).ok, true);
  const raced = await store.claim({ ...applications[0]!, applicationId: randomUUID() }, now());
  assert.equal(raced.ok, false, 'a second application of the same deal is refused');

  const client: FreeeClient = createFreeeClient({
    apiBaseUrl: h.url,
    companyId: cid,
    logger: silentLogger,
    sleep: async () => {},
    tokens: {
      get: async () => ({ token, generation: 1 }),
      renew: async (g) => ({ token, generation: g + 1 }),
      failureOf: () => null,
    },
  });
  const freee = crashing(reconcileFreeeOver(client), new Set([2, 5, 9, 14, 20]));
  const deps: ApplyDeps = { store, freee: freee.port, now };

  armed = true;
  let failures = 0;
  for (const a of applications)
    failures += await untilDone(() => runApplication(deps, a.applicationId));
  armed = false;
  assert.equal(freee.crashes(), crashesPlanned, 'the run saw its crashes');
  const fired = real.fired().length;
  assert.ok(fired >= 10, `faults fired: ${fired}`);
  assert.ok(failures >= freee.crashes(), `runs that failed: ${failures}`);

  for (const a of applications) {
    assert.equal((await store.application(a.applicationId))?.state, 'applied');
    for (const p of a.plan.payments) {
      const deal = await dealOf(Number(p.dealId));
      assert.equal(deal.payments?.length, 1, `deal ${deal.id} paid ${deal.payments?.length} times`);
      assert.equal(deal.payments?.[0]?.amount, p.amountYen);
      assert.equal(deal.payments?.[0]?.from_walletable_id, walletable.id);
      assert.equal(deal.due_amount, 0, `deal ${deal.id} settled`);
    }
  }
  const onDay = async () =>
    (
      await api(
        'GET',
        `/api/1/deals?company_id=${cid}&start_issue_date=${date}&end_issue_date=${date}&limit=100`,
      )
    ).deals as Deal[];
  const differenceDeals = (await onDay()).filter((x) => x.ref_number?.startsWith('uriage-rec-'));
  const planned = applications.filter((a) => a.plan.difference);
  assert.equal(differenceDeals.length, planned.length, 'one difference deal per application');
  for (const a of planned)
    assert.equal(
      differenceDeals.filter((x) => x.ref_number === differenceRef(a.applicationId)).length,
      1,
    );

  armed = true;
  for (const a of applications) await untilDone(() => undoApplication(deps, a.applicationId));
  armed = false;
  for (const r of receivables) {
    const deal = await dealOf(r.id);
    assert.equal(deal.due_amount, r.amount, `deal ${r.id}: due_amount back`);
    assert.equal(deal.payments, undefined, `deal ${r.id}: no payment left`);
  }
  assert.equal(
    (await onDay()).filter((x) => x.ref_number?.startsWith('uriage-rec-')).length,
    0,
    'difference deals removed',
  );
  for (const a of applications)
    assert.equal((await store.application(a.applicationId))?.state, 'undone');
});
