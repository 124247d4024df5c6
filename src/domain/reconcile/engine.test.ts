// Goal: the engine gives each spec row its outcome (reconciliation.md: exact, shortfall as
// 支払手数料 with its tax code, overpayment as 仮受金, combinations with alternatives, provider
// batches, nothing), names the limits it hits, and uses each receivable at most once. Method: a table
// of spec rows (seed 004's amounts among them), then fast-check properties over random books.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { suggestMatches } from './engine.js';
import { defaultLimits, type Partner } from './model.js';
import { deposit, receivable, tolerances } from './test-data.js';

const partners: Partner[] = [
  { id: 'p1', names: ['株式会社山田商事', 'ヤマダショウジ'] },
  { id: 'p2', names: ['佐藤ベーカリー', 'サトウベーカリー'] },
  { id: 'card', names: ['JCB', 'ジェーシービー'] },
  { id: 'parent', names: ['ヤマダホールディングス'] },
];

function one(
  lines: ReturnType<typeof deposit>[],
  rs: ReturnType<typeof receivable>[],
  t = tolerances(),
) {
  return suggestMatches({ lines, receivables: rs, partners, tolerances: t });
}

describe('spec rows', () => {
  it('one receivable, amount equal: settle it', () => {
    const [s] = one([deposit(1, 77_606, 'ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ')], [receivable('d1', 'p1', 77_606)]);
    assert.deepEqual(s?.best?.receivableIds, ['d1']);
    assert.equal(s?.best?.kind, 'exact');
    assert.equal(s?.best?.differenceAccount, null);
    assert.ok((s?.best?.confidence ?? 0) >= 0.95);
  });
  it('receivable exceeds the deposit within the tolerance: 支払手数料 課対仕入10%', () => {
    const [s] = one([deposit(1, 77_605, 'ﾔﾏﾀﾞｼｮｳｼﾞ(ｶ')], [receivable('d1', 'p1', 77_606)]);
    assert.equal(s?.best?.kind, 'fee');
    assert.equal(s?.best?.differenceYen, 1);
    assert.equal(s?.best?.differenceAccount, '支払手数料');
    assert.equal(s?.best?.differenceTax, 136);
  });
  it('beyond the tolerance it is not a fee: a partial payment, offered for review only', () => {
    const [s] = one([deposit(1, 70_000, 'ﾔﾏﾀﾞｼｮｳｼﾞ')], [receivable('d1', 'p1', 77_606)]);
    assert.equal(s?.best, null, 'a partial payment is never settled on a guess');
    assert.equal(s?.alternatives[0]?.kind, 'partial');
    assert.deepEqual(s?.alternatives[0]?.receivableIds, ['d1']);
    assert.ok((s?.alternatives[0]?.confidence ?? 1) < 0.5);
  });
  it('receivable below the deposit: 仮受金, marked for review', () => {
    const [s] = one([deposit(1, 77_605, 'ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ')], [receivable('d1', 'p1', 77_604)]);
    assert.equal(s?.best?.kind, 'overpayment');
    assert.equal(s?.best?.differenceAccount, '仮受金');
    assert.equal(s?.best?.differenceYen, 1);
    assert.ok((s?.best?.confidence ?? 1) < 0.7);
  });
  it('seed 004: 31,293 + 46,312 = 77,605 is a combination', () => {
    const rs = [
      receivable('a', 'p1', 31_293, '2017-09-05'),
      receivable('b', 'p1', 46_312, '2017-09-05'),
      receivable('c', 'p1', 12_000, '2017-09-05'),
    ];
    const [s] = one([deposit(1, 77_605, 'ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ', '2017-09-05')], rs);
    assert.equal(s?.best?.kind, 'combination');
    assert.deepEqual([...(s?.best?.receivableIds ?? [])].sort(), ['a', 'b']);
  });
  it('several combinations fit: alternatives listed, none sure', () => {
    const rs = [
      receivable('a', 'p1', 1_000),
      receivable('b', 'p1', 2_000),
      receivable('c', 'p1', 1_500),
      receivable('d', 'p1', 1_500),
    ];
    const [s] = one([deposit(1, 3_000, 'ﾔﾏﾀﾞｼｮｳｼﾞ')], rs);
    assert.equal(s?.best?.kind, 'combination');
    assert.ok((s?.alternatives.length ?? 0) >= 1);
    assert.ok((s?.best?.confidence ?? 1) < 0.7);
  });
  it('a provider batch: three days of one store less 3.24 %: 非課仕入', () => {
    const rs = [
      receivable('d1', 'card', 10_000, '2025-01-06', 's1'),
      receivable('d2', 'card', 12_345, '2025-01-07', 's1'),
      receivable('d3', 'card', 8_000, '2025-01-08', 's1'),
      receivable('x1', 'card', 9_999, '2025-01-07', 's2'),
    ];
    const gross = 10_000 + 12_345 + 8_000;
    const net = gross - Math.floor((gross * 324) / 10_000);
    const [s] = one(
      [deposit(1, net, 'ｼﾞｴ-ｼ-ﾋﾞ-', '2025-01-15')],
      rs,
      tolerances({ card: { feeRate: '0.0324' } }),
    );
    assert.equal(s?.best?.kind, 'batch');
    assert.deepEqual(s?.best?.receivableIds, ['d1', 'd2', 'd3']);
    assert.equal(s?.best?.differenceTax, 37);
    assert.equal(s?.best?.differenceYen, gross - net);
  });
  it('paid by a parent company: amount only, lower confidence', () => {
    const [s] = one([deposit(1, 55_555, 'ﾔﾏﾀﾞﾎｰﾙﾃﾞｨﾝｸﾞｽ')], [receivable('d1', 'p1', 55_555)]);
    assert.equal(s?.best?.kind, 'amountOnly');
    assert.ok((s?.best?.confidence ?? 1) < 0.8);
  });
  it('nothing fits: no suggestion; unknown payers get none even when an amount is owed', () => {
    const rs = [receivable('d1', 'p1', 10_000)];
    const [a, b] = one([deposit(1, 22_345, 'ﾔﾏﾀﾞｼｮｳｼﾞ'), deposit(2, 10_000, 'ﾀﾅｶ ﾀﾛｳ')], rs);
    assert.equal(a?.best, null);
    assert.equal(b?.best, null);
  });
  it('withdrawals get no suggestion', () => {
    const line = { ...deposit(1, 10_000, 'ﾔﾏﾀﾞｼｮｳｼﾞ'), direction: 'withdrawal' as const };
    const [s] = one([line], [receivable('d1', 'p1', 10_000)]);
    assert.equal(s?.best, null);
  });
  it('a combination search cut by its step limit says so', () => {
    const rs = Array.from({ length: 30 }, (_, i) => receivable(`r${i}`, 'p1', 1_000 + i * 7));
    const [s] = suggestMatches({
      lines: [deposit(1, 5_003, 'ﾔﾏﾀﾞｼｮｳｼﾞ')],
      receivables: rs,
      partners,
      tolerances: tolerances({ p1: { feeMaxYen: 0 } }),
      limits: { ...defaultLimits, combinationStepsMax: 50, combinationCandidatesMax: 20 },
    });
    assert.ok(
      s?.limitsHit.includes('combinationStepsMax') || s?.limitsHit.includes('combinationSizeMax'),
    );
    assert.ok(s?.limitsHit.includes('combinationCandidatesMax'));
  });
});

describe('properties', () => {
  it('each receivable is used at most once, and an exact unique deposit finds its receivable', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(29), { minLength: 1, maxLength: 30 }),
        (amounts, picks) => {
          const rs = amounts.map((a, i) => receivable(`r${i}`, i % 2 ? 'p1' : 'p2', a));
          const lines = picks.map((p, i) => {
            const r = rs[p % rs.length]!;
            return deposit(i + 1, r.dueAmountYen, r.partnerId === 'p1' ? 'ﾔﾏﾀﾞｼｮｳｼﾞ' : 'ｻﾄｳﾍﾞｰｶﾘｰ');
          });
          const out = suggestMatches({
            lines,
            receivables: rs,
            partners,
            tolerances: tolerances(),
          });
          const ids = out.flatMap((s) => s.best?.receivableIds ?? []);
          assert.equal(new Set(ids).size, ids.length);
          for (const s of out) {
            const settled = s.best ? s.best.settledYen : 0;
            if (s.best && s.best.kind !== 'partial') {
              const gap = settled - s.line.amountYen;
              const signed =
                s.best.differenceAccount === '仮受金'
                  ? -s.best.differenceYen
                  : s.best.differenceYen;
              assert.equal(gap, signed);
            }
          }
          const first = out[0];
          assert.ok(first?.best, 'the first deposit of an owed amount is always matched');
        },
      ),
    );
  });
});

describe('apply plan', () => {
  it('a fee: each deal paid in full, the gap as a 支払手数料 expense; the 口座 moves by the deposit', async () => {
    const { applyPlan } = await import('./apply-plan.js');
    const rs = [receivable('a', 'p1', 31_293), receivable('b', 'p1', 46_312)];
    const line = deposit(1, 77_000, 'ﾔﾏﾀﾞｼｮｳｼﾞ');
    const [s] = one([line], rs);
    assert.ok(s?.best);
    const plan = applyPlan(line, s.best, rs);
    const paid = plan.payments.reduce((t, p) => t + p.amountYen, 0);
    assert.equal(paid, 77_605);
    assert.deepEqual(
      plan.difference && [
        plan.difference.type,
        plan.difference.account,
        plan.difference.taxCode,
        plan.difference.amountYen,
      ],
      ['expense', '支払手数料', 136, 605],
    );
    assert.equal(paid - (plan.difference?.amountYen ?? 0), line.amountYen);
  });
  it('an overpayment: the surplus as 仮受金 income; a partial payment pays the deposit only', async () => {
    const { applyPlan } = await import('./apply-plan.js');
    const rs = [receivable('a', 'p1', 10_000)];
    const over = deposit(1, 10_100, 'ﾔﾏﾀﾞｼｮｳｼﾞ');
    const [s] = one([over], rs);
    assert.ok(s?.best);
    const plan = applyPlan(over, s.best, rs);
    assert.deepEqual(
      plan.difference && [plan.difference.type, plan.difference.account, plan.difference.amountYen],
      ['income', '仮受金', 100],
    );
    const part = deposit(2, 4_000, 'ﾔﾏﾀﾞｼｮｳｼﾞ');
    const [p] = one([part], rs);
    const hint = p?.alternatives[0];
    assert.ok(hint);
    assert.deepEqual(
      applyPlan(part, hint, rs).payments.map((x) => x.amountYen),
      [4_000],
    );
  });
});
