// Goal: a closed day reaches freee (the sandbox, over HTTP) as the deals of docs/posting-deals.md,
// and the books then satisfy posting.md invariants 1–6 (checked by the domain's independent checker
// on the deals read back from freee) and 7 (re-posting unchanged data writes nothing; a re-close
// posts exactly the difference; no duplicate after a lost answer or two concurrent runs). Method:
// the real ingest and close, the use case the job runs, then GET /api/1/deals from the sandbox.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFaultPlan } from '../../../src/sandbox/index.js';
import {
  booksViolations,
  checkout,
  closeOf,
  dealCount,
  dealsOn,
  drawer,
  ingest,
  item,
  ofStore,
  post,
  postWith,
  startPostingHarness,
  type PostingHarness,
} from './support.js';

let h: PostingHarness;
const faults = createFaultPlan();
before(async () => {
  h = await startPostingHarness({ faults });
});
after(async () => h.close());

const pay = (method: string, amount: number) => ({ method, amount });

describe('spec §5: credit ¥1,000 + cash ¥880, レジ入金 ¥5,000, float ¥30,000, counted ¥35,880', () => {
  const date = '2025-01-10';
  it('posts two deals; the books satisfy invariants 1–6', async () => {
    await ingest(h, [
      checkout(
        's5',
        '0001',
        date,
        [item(540, 'reduced8', 2), { ...item(1100, 'standard10'), discount: 100 }],
        [pay('credit', 1000), pay('cash', 1000)],
        { orderDiscount: 200 },
      ),
    ]);
    await drawer(h, [
      {
        id: 'in-1',
        type: 'cashIn',
        storeCode: '0001',
        registerCode: '01',
        businessDate: date,
        at: `${date}T09:00:00+09:00`,
        amount: 5000,
      },
    ]);
    const { report } = await closeOf(h, '0001', date, 30000, 35880);
    const outcome = await post(h, '0001', date);
    assert.equal(outcome.status, 'posted', JSON.stringify(outcome));
    const { violations, deals } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
    assert.deepEqual(deals.map((d) => d.ref_number).sort(), [
      'URG-pos.0001-20250110-cash',
      'URG-pos.0001-20250110-credit',
    ]);
    const credit = deals.find((d) => d.ref_number?.endsWith('credit'));
    assert.equal(credit?.amount, 1000);
    assert.equal(credit?.due_date, '2025-02-17');
    assert.equal(deals.find((d) => d.ref_number?.endsWith('cash'))?.payments?.[0]?.amount, 5880);
  });
  it('costs (methods used + 2) calls the first time: companies/{id}, taxes, one POST per method (+ 品目 / 取引先 created once)', async () => {
    const { rows } = await h.app.db.pool.query<{ last_calls: number; last_writes: number }>(
      'select last_calls, last_writes from posting_days where business_date = $1',
      [date],
    );
    assert.equal(
      rows[0]?.last_writes,
      2 + 2 + 1,
      'two deals, two 品目, one 取引先 (first day of the company)',
    );
    assert.equal(rows[0]?.last_calls, 2 + 5);
  });
  it('posting again with nothing new writes nothing (invariant 7)', async () => {
    const count = await dealCount(h);
    const outcome = await post(h, '0001', date);
    assert.equal(outcome.status, 'posted');
    assert.equal(outcome.writes, 0);
    assert.equal(outcome.calls, 2);
    assert.equal(await dealCount(h), count);
  });
});

describe("the seed's three mismatch cases (spec §4)", () => {
  it('case 1: 10% ¥1,000 + 8% ¥1,000 + 売上外 ¥700 paid ¥2,700 cash → one settled deal, 前受金 700', async () => {
    const date = '2025-01-14';
    await ingest(h, [
      checkout(
        'c1',
        '0001',
        date,
        [item(1000, 'standard10'), item(1000, 'reduced8'), item(700, 'nonSales')],
        [pay('cash', 2700)],
      ),
    ]);
    const { report } = await closeOf(h, '0001', date, 10000, 12700);
    assert.equal((await post(h, '0001', date)).status, 'posted');
    const { violations, deals } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
    assert.equal(deals.length, 1);
    assert.equal(deals[0]?.payments?.[0]?.amount, 2700);
  });
  it('case 2: 10% ¥300 paid with a ¥500 no-change voucher → receivable 500 = sales 300 + 金券等差額 200 (雑収入)', async () => {
    const date = '2025-01-15';
    await ingest(h, [
      checkout('c2', '0001', date, [item(300, 'standard10')], [pay('giftNoChange', 500)]),
    ]);
    const { report } = await closeOf(h, '0001', date, 10000, 10000);
    assert.equal((await post(h, '0001', date)).status, 'posted');
    const { violations, deals } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      deals.map((d) => [d.ref_number, d.amount, d.payments ?? null]),
      [['URG-pos.0001-20250115-giftNoChange', 500, null]],
    );
  });
  it('case 3: cash ¥2,000 + a ¥1,000 change-giving voucher for ¥600 (¥400 change) → voucher 1,000, cash 1,600, 仮受金 nets to 0', async () => {
    const date = '2025-01-16';
    await ingest(h, [
      checkout(
        'c3a',
        '0001',
        date,
        [item(1000, 'standard10'), item(1000, 'reduced8')],
        [pay('cash', 2000)],
      ),
      checkout('c3b', '0001', date, [item(600, 'standard10')], [pay('giftChange', 1000)]),
    ]);
    const { report } = await closeOf(h, '0001', date, 10000, 11600);
    assert.equal((await post(h, '0001', date)).status, 'posted');
    const { violations, deals } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
    assert.deepEqual(deals.map((d) => [d.ref_number, d.amount]).sort(), [
      ['URG-pos.0001-20250116-cash', 1600],
      ['URG-pos.0001-20250116-giftChange', 1000],
    ]);
  });
});

describe('differences after a re-close (invariant 7)', () => {
  const date = '2025-01-17';
  it('a late card checkout: exactly one PUT of the card deal; a changed cash total: the cash deal replaced', async () => {
    await ingest(h, [
      checkout('d1', '0001', date, [item(1100, 'standard10')], [pay('credit', 1100)]),
      checkout('d2', '0001', date, [item(2200, 'standard10')], [pay('cash', 2200)]),
    ]);
    await closeOf(h, '0001', date, 10000, 12200);
    assert.equal((await post(h, '0001', date)).status, 'posted');
    const firstIds = ofStore(await dealsOn(h, date), '0001', date)
      .map((d) => d.id)
      .sort();
    await ingest(h, [checkout('d3', '0001', date, [item(540, 'reduced8')], [pay('credit', 540)])]);
    const { report: second } = await closeOf(h, '0001', date, 10000, 12200);
    const outcome = await post(h, '0001', date);
    assert.equal(outcome.status, 'posted');
    assert.equal(outcome.writes, 1, 'one PUT');
    const { violations, deals } = await booksViolations(h, second);
    assert.deepEqual(violations, []);
    assert.deepEqual(deals.map((d) => d.id).sort(), firstIds, 'the same deals, rewritten');
    await ingest(h, [checkout('d4', '0001', date, [item(330, 'standard10')], [pay('cash', 330)])]);
    const { report: third } = await closeOf(h, '0001', date, 10000, 12530);
    const replaced = await post(h, '0001', date);
    assert.equal(replaced.writes, 2, 'cash deal: delete + create (its payment changes)');
    assert.deepEqual((await booksViolations(h, third)).violations, []);
    assert.equal(ofStore(await dealsOn(h, date), '0001', date).length, 2);
  });
  it('a matched receivable is never rewritten: the difference goes to an adjusting deal ~a1', async () => {
    const client = await h.connected.client();
    const credit = ofStore(await dealsOn(h, date), '0001', date).find((d) =>
      d.ref_number?.endsWith('-credit'),
    );
    assert.ok(credit);
    const paid = await client.call('payments', (api) =>
      api.POST('/api/1/deals/{id}/payments', {
        params: { path: { id: credit.id } },
        body: {
          company_id: client.companyId,
          date: '2025-02-17',
          from_walletable_type: 'bank_account',
          from_walletable_id: h.connected.sandbox.bankWalletableId,
          amount: credit.amount,
        },
      }),
    );
    assert.ok(paid.ok, JSON.stringify(paid));
    await ingest(h, [
      checkout('d5', '0001', date, [item(1000, 'standard10')], [pay('credit', 1000)]),
    ]);
    const { report } = await closeOf(h, '0001', date, 10000, 12530);
    const outcome = await post(h, '0001', date);
    assert.equal(outcome.status, 'posted', JSON.stringify(outcome));
    assert.equal(outcome.writes, 1);
    const { violations, deals } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
    const after = deals.find((d) => d.id === credit.id);
    assert.equal(after?.amount, credit.amount, 'the matched deal kept its amount');
    assert.equal(deals.find((d) => d.ref_number?.endsWith('-credit~a1'))?.amount, 1000);
  });
});

describe('exactly once when answers are lost (invariant 7)', () => {
  it('a POST whose answer is lost (reset_after_write): waits the settle time, finds the deal by ref_number, never posts it twice', async () => {
    const date = '2025-01-20';
    await ingest(h, [
      checkout('x1', '0001', date, [item(1100, 'standard10')], [pay('credit', 1100)]),
      checkout('x2', '0001', date, [item(2200, 'reduced8')], [pay('cash', 2200)]),
    ]);
    const { report } = await closeOf(h, '0001', date, 5000, 7200);
    faults.next('reset_after_write');
    const first = await post(h, '0001', date);
    assert.equal(first.status, 'retry_wait');
    assert.equal(first.reasonCode, 'ambiguous_write');
    assert.equal(
      ofStore(await dealsOn(h, date), '0001', date).length,
      1,
      'the write landed although the answer was lost',
    );
    const early = await post(h, '0001', date);
    assert.equal(early.status, 'retry_wait', 'no lookup before the settle time');
    assert.equal(early.calls, 2);
    h.app.clock.advanceMs((h.app.services.postingTimings?.settleMs ?? 0) + 1);
    const second = await post(h, '0001', date);
    assert.equal(second.status, 'posted', JSON.stringify(second));
    assert.equal(second.writes, 1, 'only the deal that had not been sent');
    const { violations, deals } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
    assert.equal(deals.length, 2);
  });
  it('a 502 on a write (nothing written): the lookup finds nothing and the deal is written once', async () => {
    const date = '2025-01-21';
    await ingest(h, [
      checkout('y1', '0001', date, [item(1100, 'standard10')], [pay('paypay', 1100)]),
    ]);
    const { report } = await closeOf(h, '0001', date, 5000, 5000);
    const first = await postWith(h, '0001', date, (gateway) => ({
      ...gateway,
      createDeal: async () => ({
        ok: false,
        failure: {
          kind: 'server',
          status: 502,
          code: null,
          messages: [],
          requestId: null,
          retryAfterMs: null,
        },
      }),
    }));
    assert.equal(first.reasonCode, 'ambiguous_write');
    h.app.clock.advanceMs((h.app.services.postingTimings?.settleMs ?? 0) + 1);
    assert.equal((await post(h, '0001', date)).status, 'posted');
    const { violations, deals } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
    assert.equal(deals.length, 1);
  });
  it('two runs of the same store-day at once: one posts, the other is told the day is busy', async () => {
    const date = '2025-01-22';
    await ingest(h, [
      checkout('z1', '0001', date, [item(1100, 'standard10')], [pay('credit', 1100)]),
      checkout('z2', '0001', date, [item(500, 'standard10')], [pay('cash', 500)]),
    ]);
    const { report } = await closeOf(h, '0001', date, 5000, 5500);
    const outcomes = await Promise.all([post(h, '0001', date), post(h, '0001', date)]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['busy', 'posted']);
    const { violations, deals } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
    assert.equal(deals.length, 2);
  });
});

describe('a 品目 created without an answer (reset_after_write on POST items)', () => {
  const localFaults = createFaultPlan();
  let local: PostingHarness;
  before(async () => {
    local = await startPostingHarness({ faults: localFaults, code: 'itm' });
  });
  after(async () => local.close());

  it('waits the settle time, then finds the 品目 in the masters: one 品目, no 400, the day posted', async () => {
    const date = '2025-01-10';
    await ingest(local, [
      checkout('i1', '0001', date, [item(1100, 'standard10')], [pay('cash', 1100)]),
    ]);
    const { report } = await closeOf(local, '0001', date, 0, 1100);
    localFaults.next('reset_after_write');
    const first = await post(local, '0001', date);
    assert.equal(first.status, 'retry_wait');
    assert.equal(first.reasonCode, 'ambiguous_write');
    local.app.clock.advanceMs((local.app.services.postingTimings?.settleMs ?? 0) + 1);
    const second = await post(local, '0001', date);
    assert.equal(second.status, 'posted', JSON.stringify(second));
    const { rows } = await local.app.freeePool.query<{ n: number }>(
      `select count(*)::int as n from freee_sandbox.items where company_id = $1 and name = '【POS Reg】現金'`,
      [local.connected.sandbox.companyId],
    );
    assert.equal(rows[0]?.n, 1);
    assert.deepEqual((await booksViolations(local, report)).violations, []);
  });
});
