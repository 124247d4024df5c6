// Goal: the difference rules of diff.ts on concrete re-closes: PUT the changed deal when it is
// ours alone, an adjusting deal `~a<n>` when a receivable was matched (消込), delete + create when
// the cash deal changes sign, notes for what cannot change, nothing when nothing changed.
// Method: hand-built days (closedReport) posted with applyPostingActions, then re-closed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDayPosting } from './build-deals.js';
import { applyPostingActions, diffPosting, type PostedEntry, type PostingAction } from './diff.js';
import { checkPostingInvariants } from './invariants.js';
import type { PostingMappings } from './mappings.js';
import type { Checkout } from '../ledger/types.js';
import type { DailyReport } from '../report/types.js';
import { checkout, line, pay } from '../../../test/support/domain/fixtures.js';
import {
  account,
  closedReport,
  dueOn20250110,
  postingContext,
  setup,
  testMappings,
} from '../../../test/support/domain/posting-fixtures.js';

const credit1100 = checkout({
  id: 'c1',
  lines: [line(1, 1100, 'standard10')],
  payments: [pay('credit', 1100)],
});
const credit2200 = checkout({
  id: 'c2',
  lines: [line(2, 1100, 'standard10')],
  payments: [pay('credit', 2200)],
});
const cash10 = checkout({
  id: 'k1',
  lines: [line(1, 10, 'standard10')],
  payments: [pay('cash', 10)],
});

function day(checkouts: Checkout[], countedCash = 0): DailyReport {
  return closedReport(checkouts, { float: 0, countedCash });
}

let nextId = 100;
const newId = () => (nextId += 1);

function post(report: DailyReport, mappings: PostingMappings = testMappings): PostedEntry[] {
  return applyPostingActions(
    [],
    diffPosting([], buildDayPosting(report, mappings, postingContext)).actions,
    newId,
  );
}

function matched(posted: PostedEntry[], ...keys: string[]): PostedEntry[] {
  return posted.map((entry) =>
    keys.includes(entry.key) ? { ...entry, hasPayments: true } : entry,
  );
}

function rerun(
  posted: PostedEntry[],
  report: DailyReport,
  mappings: PostingMappings = testMappings,
) {
  const plan = buildDayPosting(report, mappings, postingContext);
  const diff = diffPosting(posted, plan);
  const after = applyPostingActions(posted, diff.actions, newId);
  assert.deepEqual(
    checkPostingInvariants(
      report,
      after.map((entry) => entry.deal),
      { ...setup, mappings },
    ),
    [],
  );
  assert.deepEqual(diffPosting(after, plan).actions, [], 'a second run must write nothing');
  return { ...diff, after };
}

const summary = (actions: PostingAction[]) =>
  actions.map((action) => `${action.kind} ${action.key}`);

describe('diffPosting: rewriting our own deals', () => {
  it('unchanged data writes nothing', () => {
    assert.deepEqual(
      diffPosting(
        post(day([credit1100])),
        buildDayPosting(day([credit1100]), testMappings, postingContext),
      ),
      { actions: [], notes: [] },
    );
  });

  it('a changed receivable is PUT with its new full content (same deal id)', () => {
    const posted = post(day([credit1100]));
    const { actions } = rerun(posted, day([credit1100, credit2200]));
    assert.equal(actions.length, 1);
    const [update] = actions;
    assert.ok(update?.kind === 'update');
    assert.equal(update.dealId, posted[0]?.dealId);
    assert.deepEqual(
      update.deal.details.map((each) => [each.amount, each.vat]),
      [[3300, 300]],
    );
  });

  it('a new method is created, one no longer used is deleted (plan order, then what is gone)', () => {
    const { actions } = rerun(
      post(day([credit1100])),
      day([
        checkout({ id: 'p', lines: [line(1, 500, 'reduced8')], payments: [pay('paypay', 500)] }),
      ]),
    );
    assert.deepEqual(summary(actions), ['create method:paypay', 'delete method:credit']);
  });

  it('the cash deal: a new total (its payment changes) or a new sign → delete + create; same total → PUT', () => {
    const posted = post(day([cash10], 10));
    assert.deepEqual(summary(rerun(posted, day([cash10], 20)).actions), [
      'delete method:cash',
      'create method:cash',
    ]);
    const refund = checkout({
      id: 'r',
      lines: [line(-1, 50, 'standard10')],
      payments: [pay('cash', -50)],
    });
    assert.deepEqual(summary(rerun(posted, day([cash10, refund], -40)).actions), [
      'delete method:cash',
      'create method:cash',
    ]);
    const sameTotal = rerun(
      posted,
      day(
        [checkout({ id: 'k2', lines: [line(1, 10, 'reduced8')], payments: [pay('cash', 10)] })],
        10,
      ),
    );
    assert.deepEqual(summary(sameTotal.actions), ['update method:cash']);
  });
});

describe('diffPosting: matched receivables get adjusting deals', () => {
  it('a matched receivable is never rewritten: the difference is a new deal ~a1 with the same partner and due date', () => {
    const posted = matched(post(day([credit1100])), 'method:credit');
    const { actions } = rerun(posted, day([credit1100, credit2200]));
    assert.deepEqual(actions, [
      {
        kind: 'create',
        key: 'method:credit~a1',
        deal: {
          company_id: 1,
          issue_date: '2025-01-10',
          type: 'income',
          ref_number: 'URG-0001-20250110-credit~a1',
          partner_id: 301,
          due_date: dueOn20250110.credit,
          details: [
            {
              account_item_id: account.sales,
              tax_code: 129,
              amount: 2200,
              vat: 200,
              item_id: 202,
              section_id: 11,
              description: '差額 売上 10%',
            },
          ],
        },
      },
    ]);
  });

  it('our own adjusting deal is rewritten while free, a new one added once it is matched too', () => {
    const first = rerun(
      matched(post(day([credit1100])), 'method:credit'),
      day([credit1100, credit2200]),
    ).after;
    const second = rerun(first, day([credit2200]));
    assert.deepEqual(summary(second.actions), ['update method:credit~a1']);
    assert.deepEqual(
      second.after
        .find((entry) => entry.key === 'method:credit~a1')
        ?.deal.details.map((each) => [each.amount, each.vat]),
      [[1100, 100]],
    );
    const third = rerun(matched(second.after, 'method:credit~a1'), day([]));
    assert.deepEqual(summary(third.actions), ['create method:credit~a2']);
    assert.deepEqual(
      third.after.map((entry) => entry.deal.details.reduce((sum, each) => sum + each.amount, 0)),
      [1100, 1100, -2200],
    );
  });

  it('a free adjusting deal that is no longer needed is deleted', () => {
    const first = rerun(
      matched(post(day([credit1100])), 'method:credit'),
      day([credit1100, credit2200]),
    ).after;
    assert.deepEqual(summary(rerun(first, day([credit1100])).actions), ['delete method:credit~a1']);
  });

  it('a vat-only change is not a valid single line: the line is reversed (取消) and re-posted (訂正)', () => {
    const posted = matched(post(day([credit1100])), 'method:credit');
    const { actions } = rerun(posted, day([credit1100, cash10], 10));
    const adjustment = actions.find((action) => action.key === 'method:credit~a1');
    assert.ok(adjustment?.kind === 'create');
    assert.deepEqual(
      adjustment.deal.details.map((each) => [each.description, each.amount, each.vat]),
      [
        ['取消 売上 10%', -1100, -100],
        ['訂正 売上 10%', 1100, 99],
      ],
    );
  });

  it('only the due date changed on a matched receivable: a note, no write; unmatched: PUT', () => {
    const later: PostingMappings = {
      ...testMappings,
      methods: {
        ...testMappings.methods,
        credit: { itemId: 202, partnerId: 301, schedule: { kind: 'daysAfter', bankingDays: 2 } },
      },
    };
    const report = day([credit1100]);
    const lockedRun = diffPosting(
      matched(post(report), 'method:credit'),
      buildDayPosting(report, later, postingContext),
    );
    assert.deepEqual(lockedRun.actions, []);
    assert.deepEqual(
      lockedRun.notes.map((note) => [note.key, note.code]),
      [['method:credit', 'lockedHeaderDiffers']],
    );
    const freeRun = diffPosting(post(report), buildDayPosting(report, later, postingContext));
    assert.deepEqual(
      freeRun.actions.map((action) => action.kind === 'update' && action.deal.due_date),
      ['2025-01-15'],
    );
  });
});
