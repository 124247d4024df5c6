// Goal: for ANY valid closed day, the planned deals satisfy posting.md invariants 1–6 as checked by
// the independent checkers, and the differences behave: re-posting writes nothing, and the writes
// from any posted state to any new plan leave books that satisfy the invariants for the new day
// and need no further write — also when some receivables were matched (消込) in between.
// Method: fast-check over generated days (checkouts of every status with change, 金券等差額 and
// 金券等釣り, returns, drawer money, over/short) built into 日報 by buildDailyReport.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildDayPosting } from './build-deals.js';
import type { DealContent, PlannedPosting } from './deal-types.js';
import { applyPostingActions, diffPosting, type PostedEntry } from './diff.js';
import { keyOfRefNumber } from './entry-keys.js';
import { checkPostingInvariants } from './invariants.js';
import type { DailyReport } from '../report/types.js';
import {
  arbitraryClosedReport,
  postingContext,
  setup,
  testMappings,
} from '../../../test/support/domain/posting-fixtures.js';

const numRuns = 300;

function planOf(report: DailyReport): PlannedPosting {
  return buildDayPosting(report, testMappings, postingContext);
}

/** freee's own rules for a deal we send (API-NOTES §5; the sandbox's deals/validate.ts checks the same). */
function assertFreeeAcceptable(deal: DealContent): void {
  assert.ok(
    deal.details.length >= 1 && deal.details.length <= 100,
    `${deal.ref_number}: ${deal.details.length} details`,
  );
  for (const detail of deal.details) {
    if (detail.vat === undefined) continue;
    assert.ok(
      detail.tax_code !== 2 && detail.tax_code !== 23,
      `${deal.ref_number}: vat on an untaxed code`,
    );
    assert.ok(
      Math.abs(detail.vat) <= Math.abs(detail.amount) && detail.vat * detail.amount >= 0,
      `${deal.ref_number}: vat ${detail.vat} on ${detail.amount}`,
    );
  }
  const total = deal.details.reduce((sum, each) => sum + each.amount, 0);
  const paid = (deal.payments ?? []).reduce((sum, each) => sum + each.amount, 0);
  if (deal.payments !== undefined)
    assert.ok(total > 0 && paid === total, `${deal.ref_number}: paid ${paid} of ${total}`);
  else
    assert.ok(
      deal.partner_id !== undefined || total === 0,
      `${deal.ref_number}: unsettled without partner`,
    );
}

function idCounter(): () => number {
  let next = 1000;
  return () => (next += 1);
}

function postAll(plan: PlannedPosting): PostedEntry[] {
  return applyPostingActions([], diffPosting([], plan).actions, idCounter());
}

describe('buildDayPosting (properties)', () => {
  it('the planned deals pass the invariant checkers for any closed day', () => {
    fc.assert(
      fc.property(arbitraryClosedReport, (report) => {
        const plan = planOf(report);
        assert.deepEqual(
          checkPostingInvariants(
            report,
            plan.entries.map((entry) => entry.deal),
            setup,
          ),
          [],
        );
      }),
      { numRuns },
    );
  });

  it('one deal per method used, ≤ 8 details each, unique ref_numbers that map back to their keys', () => {
    fc.assert(
      fc.property(arbitraryClosedReport, (report) => {
        const plan = planOf(report);
        const refs = plan.entries.map((entry) => entry.deal.ref_number);
        assert.equal(new Set(refs).size, refs.length);
        assert.equal(
          new Set(plan.entries.map((entry) => entry.methodCode)).size,
          plan.entries.length,
        );
        for (const entry of plan.entries) {
          assert.ok(entry.deal.details.length >= 1 && entry.deal.details.length <= 8);
          assertFreeeAcceptable(entry.deal);
          assert.equal(
            keyOfRefNumber(plan.storeCode, plan.businessDate, entry.deal.ref_number),
            entry.key,
          );
        }
      }),
      { numRuns },
    );
  });
});

describe('diffPosting (properties)', () => {
  it('diff(plan, plan) = no action; diff(nothing, plan) = one create per entry', () => {
    fc.assert(
      fc.property(arbitraryClosedReport, (report) => {
        const plan = planOf(report);
        assert.deepEqual(
          diffPosting([], plan).actions.map((action) => [action.kind, action.key]),
          plan.entries.map((entry) => ['create', entry.key]),
        );
        assert.deepEqual(diffPosting(postAll(plan), plan), { actions: [], notes: [] });
      }),
      { numRuns },
    );
  });

  it('diff(old, new) applied to old gives new: exactly, when nothing was matched', () => {
    fc.assert(
      fc.property(arbitraryClosedReport, arbitraryClosedReport, (oldReport, newReport) => {
        const newPlan = planOf(newReport);
        const after = applyPostingActions(
          postAll(planOf(oldReport)),
          diffPosting(postAll(planOf(oldReport)), newPlan).actions,
          idCounter(),
        );
        assert.deepEqual(
          after.map((entry) => [entry.key, entry.deal]).sort(),
          newPlan.entries.map((entry) => [entry.key, entry.deal]).sort(),
        );
      }),
      { numRuns },
    );
  });

  it('with matched receivables: never rewritten, books satisfy the new day, a re-run writes nothing', () => {
    fc.assert(
      fc.property(
        arbitraryClosedReport,
        arbitraryClosedReport,
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (oldReport, newReport, locks) => {
          const posted = postAll(planOf(oldReport)).map((entry, index) => ({
            ...entry,
            hasPayments: entry.deal.partner_id !== undefined && (locks[index] ?? false),
          }));
          const newPlan = planOf(newReport);
          const { actions } = diffPosting(posted, newPlan);
          const locked = new Set(
            posted.filter((entry) => entry.hasPayments).map((entry) => entry.dealId),
          );
          assert.ok(
            actions.every((action) => action.kind === 'create' || !locked.has(action.dealId)),
            'a matched deal was rewritten',
          );
          const after = applyPostingActions(posted, actions, idCounter());
          assert.deepEqual(
            checkPostingInvariants(
              newReport,
              after.map((entry) => entry.deal),
              setup,
            ),
            [],
          );
          assert.deepEqual(diffPosting(after, newPlan).actions, []);
        },
      ),
      { numRuns },
    );
  });

  it('a sequence of re-closes with receivables (and adjusting deals) matched in between: books right after every run', () => {
    const step = fc.record({
      report: arbitraryClosedReport,
      locks: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 4 }), (steps) => {
        const newId = idCounter();
        let posted: PostedEntry[] = [];
        for (const { report, locks } of steps) {
          const plan = planOf(report);
          const locked = new Set(
            posted.filter((entry) => entry.hasPayments).map((entry) => entry.dealId),
          );
          const { actions } = diffPosting(posted, plan);
          assert.ok(
            actions.every((action) => action.kind === 'create' || !locked.has(action.dealId)),
            'a matched deal was rewritten',
          );
          for (const action of actions)
            if (action.kind !== 'delete') assertFreeeAcceptable(action.deal);
          posted = applyPostingActions(posted, actions, newId);
          assert.deepEqual(
            checkPostingInvariants(
              report,
              posted.map((entry) => entry.deal),
              setup,
            ),
            [],
          );
          assert.deepEqual(diffPosting(posted, plan).actions, []);
          posted = posted.map((entry, index) => ({
            ...entry,
            hasPayments:
              entry.hasPayments || (entry.deal.partner_id !== undefined && (locks[index] ?? false)),
          }));
        }
      }),
      { numRuns: 150 },
    );
  });
});
