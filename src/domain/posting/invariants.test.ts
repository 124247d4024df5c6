// Goal: the invariant checkers catch every kind of wrong books, by name: each posting.md invariant
// 1–6 and the shape rules, a duplicate deal, and any single-yen change anywhere (property).
// Method: take correct books (the planned deals of spec §5 and §4 case 3, which pass), break one
// thing the way a bug or a half-done retry would, and read the violation codes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildDayPosting } from './build-deals.js';
import type { BooksDeal } from './books.js';
import type { DealContent } from './deal-types.js';
import { checkPostingInvariants } from './invariants.js';
import type { DailyReport } from '../report/types.js';
import { checkout, line, pay } from '../../../test/support/domain/fixtures.js';
import {
  account,
  arbitraryClosedReport,
  closedReport,
  drawerEvent,
  postingContext,
  setup,
  testMappings,
} from '../../../test/support/domain/posting-fixtures.js';
import type { Yen } from '../money/yen.js';

/** Corrupted amounts on purpose: unchecked. */
const y = (value: number): Yen => value as Yen;

const report = closedReport(
  [
    checkout({
      id: 'w',
      lines: [line(2, 540, 'reduced8'), line(1, 1100, 'standard10', 100)],
      orderDiscount: 200,
      payments: [pay('credit', 1000), pay('cash', 1000)],
    }),
    checkout({
      id: 'v',
      lines: [line(1, 600, 'standard10'), line(1, 300, 'nonSales')],
      payments: [pay('giftChange', 1000)],
    }),
    checkout({
      id: 'n',
      lines: [line(1, 300, 'standard10')],
      payments: [pay('giftNoChange', 500)],
    }),
  ],
  { float: 30000, countedCash: 35680 },
  { drawerEvents: [drawerEvent('cashIn', 5000)] },
);
const good: DealContent[] = buildDayPosting(report, testMappings, postingContext).entries.map(
  (entry) => entry.deal,
);

function codesOf(deals: readonly BooksDeal[], day: DailyReport = report): string[] {
  return [...new Set(checkPostingInvariants(day, deals, setup).map((each) => each.code))].sort();
}

function edit(ref: string, change: (deal: DealContent) => DealContent): DealContent[] {
  return good.map((deal) => (deal.ref_number.endsWith(ref) ? change(structuredClone(deal)) : deal));
}

describe('invariant checkers on known books', () => {
  it('the planned books pass (incl. 金券等差額, 金券等釣り, 前受金, レジ入金 and a ¥−100 short)', () => {
    assert.equal(report.cash?.difference, -100);
    assert.deepEqual(checkPostingInvariants(report, good, setup), []);
  });

  it('1: a sales line off by a yen → sales.amount, sales.total (and the receivable)', () => {
    const deals = edit('-credit', (deal) => ({
      ...deal,
      details: deal.details.map((each, index) =>
        index === 0 ? { ...each, amount: y(each.amount - 1) } : each,
      ),
    }));
    assert.deepEqual(codesOf(deals), ['receivable.amount', 'sales.amount', 'sales.total']);
  });

  it('1: vat moved between tax codes → sales.vat only (totals still right)', () => {
    const deals = edit('-cash', (deal) => ({
      ...deal,
      details: deal.details.map((each, index) =>
        index < 2 ? { ...each, vat: y((each.vat ?? 0) + (index === 0 ? 1 : -1)) } : each,
      ),
    }));
    assert.deepEqual(codesOf(deals), ['sales.vat']);
  });

  it('2: 前受金 posted as 課税売上10% → nonSales.amount, nonSales.taxCode', () => {
    const deals = edit('-giftChange', (deal) => ({
      ...deal,
      details: deal.details.map((each) =>
        each.account_item_id === account.nonSales ? { ...each, tax_code: 129 } : each,
      ),
    }));
    assert.deepEqual(codesOf(deals), ['line.unexpected', 'nonSales.amount', 'nonSales.taxCode']);
  });

  it('3: wrong due date, wrong partner, a receivable settled into cash', () => {
    assert.deepEqual(codesOf(edit('-credit', (deal) => ({ ...deal, due_date: '2025-02-15' }))), [
      'receivable.dueDate',
    ]);
    assert.deepEqual(codesOf(edit('-credit', (deal) => ({ ...deal, partner_id: 999 }))), [
      'receivable.partner',
    ]);
    const paid = edit('-credit', (deal) => ({
      ...deal,
      payments: [
        {
          amount: y(1000),
          from_walletable_type: 'wallet',
          from_walletable_id: 51,
          date: '2025-01-10',
        },
      ],
    }));
    assert.deepEqual(codesOf(paid), ['cash.movement', 'receivable.settledInCash']);
  });

  it('4: the cash payment off by a yen → cash.movement; 過不足 on the wrong account → the role accounts', () => {
    assert.deepEqual(
      codesOf(
        edit('-cash', (deal) => ({
          ...deal,
          payments: deal.payments?.map((each) => ({ ...each, amount: y(each.amount + 1) })),
        })),
      ),
      ['cash.movement'],
    );
    const moved = edit('-cash', (deal) => ({
      ...deal,
      details: deal.details.map((each) =>
        each.account_item_id === account.zatsuSonshitsu
          ? { ...each, account_item_id: account.zatsuShunyu }
          : each,
      ),
    }));
    assert.deepEqual(codesOf(moved), ['cashShort.amount', 'voucherShortfall+cashOver.amount']);
  });

  it('5: 金券等差額 booked as sales; 金券等釣り not cancelling (仮受金 shared with レジ入金)', () => {
    const asSales = edit('-giftNoChange', (deal) => ({
      ...deal,
      details: deal.details.map((each) =>
        each.account_item_id === account.zatsuShunyu
          ? { ...each, account_item_id: account.sales, tax_code: 129 }
          : each,
      ),
    }));
    assert.deepEqual(codesOf(asSales), [
      'sales.amount',
      'sales.total',
      'voucherShortfall+cashOver.amount',
    ]);
    const noChange = edit('-giftChange', (deal) => ({
      ...deal,
      details: deal.details.filter((each) => each.account_item_id !== account.kariuke),
    }));
    assert.deepEqual(codesOf(noChange), ['receivable.amount', 'voucherChange+drawerIn.amount']);
  });

  it('6: a line without the store 部門 → section.missing', () => {
    const deals = edit('-cash', (deal) => ({
      ...deal,
      details: deal.details.map(({ section_id: _dropped, ...rest }) => rest),
    }));
    assert.deepEqual(codesOf(deals), ['section.missing']);
  });

  it('exactly once: the same deal twice breaks sales, receivables and cash', () => {
    assert.deepEqual(codesOf([...good, ...good]), [
      'cash.movement',
      'cashShort.amount',
      'nonSales.amount',
      'receivable.amount',
      'sales.amount',
      'sales.tax',
      'sales.total',
      'sales.vat',
      'voucherChange+drawerIn.amount',
      'voucherShortfall+cashOver.amount',
    ]);
  });

  it('shape: 発生日, vat on 対象外, an unknown account, more than 100 details', () => {
    assert.deepEqual(codesOf(edit('-credit', (deal) => ({ ...deal, issue_date: '2025-01-11' }))), [
      'deal.issueDate',
    ]);
    assert.deepEqual(
      codesOf(
        edit('-giftNoChange', (deal) => ({
          ...deal,
          details: deal.details.map((each) =>
            each.tax_code === 2 ? { ...each, vat: y(1) } : each,
          ),
        })),
      ),
      ['line.vatOnUntaxed'],
    );
    const extra = {
      account_item_id: 999,
      tax_code: 2,
      amount: y(0),
      item_id: 201,
      section_id: 11,
      description: 'x',
    };
    assert.deepEqual(
      codesOf(
        edit('-cash', (deal) => ({
          ...deal,
          details: [...deal.details, ...Array.from({ length: 100 }, () => extra)],
        })),
      ),
      ['deal.tooManyDetails', 'line.unexpected'],
    );
  });

  it('freee flips a settled negative deal into an expense: the checkers read both forms alike', () => {
    const flipped = edit('-cash', (deal) => ({
      ...deal,
      type: 'expense',
      details: deal.details.map((each) => ({
        ...each,
        amount: y(-each.amount),
        ...(each.vat === undefined ? {} : { vat: y(-each.vat) }),
      })),
      payments: deal.payments?.map((each) => ({ ...each, amount: y(-each.amount) })),
    }));
    assert.deepEqual(codesOf(flipped), []);
  });
});

describe('invariant checkers (property): any single-yen change to planned books is caught', () => {
  it('amount, vat or payment of any line of any day', () => {
    fc.assert(
      fc.property(
        arbitraryClosedReport,
        fc.nat(),
        fc.nat(),
        fc.constantFrom('amount', 'vat', 'payment'),
        fc.constantFrom(1, -1),
        (day, dealPick, linePick, field, delta) => {
          const deals = buildDayPosting(day, testMappings, postingContext).entries.map((entry) =>
            structuredClone(entry.deal),
          );
          const deal = deals[dealPick % Math.max(deals.length, 1)];
          fc.pre(deal !== undefined);
          const detail = deal.details[linePick % deal.details.length];
          if (field === 'amount' && detail !== undefined) detail.amount = y(detail.amount + delta);
          else if (field === 'vat' && detail?.vat !== undefined) detail.vat = y(detail.vat + delta);
          else if (field === 'payment' && deal.payments?.[0] !== undefined)
            deal.payments[0].amount = y(deal.payments[0].amount + delta);
          else fc.pre(false);
          assert.notDeepEqual(checkPostingInvariants(day, deals, setup), []);
        },
      ),
      { numRuns: 300 },
    );
  });
});
