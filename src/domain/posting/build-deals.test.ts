// Goal: the deal shapes of docs/posting-deals.md to the yen: spec §5's worked example and the three
// §4 cases (non-sales line, 金券等差額, 金券等釣り), plus the edges (negative cash day, no 部門,
// unmapped methods, a day without a close). Method: hand-built days through buildDailyReport, then
// buildDayPosting; expected deals written out in full from the spec's figures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDayPosting } from './build-deals.js';
import type { DealContent } from './deal-types.js';
import { PostingInputError, PostingMappingError } from './errors.js';
import { checkPostingInvariants } from './invariants.js';
import { buildDailyReport } from '../report/build-daily-report.js';
import { checkout, line, pay, reportInput } from '../../../test/support/domain/fixtures.js';
import {
  account,
  closedReport,
  drawerEvent,
  dueOn20250110,
  postingContext,
  setup,
  testMappings,
} from '../../../test/support/domain/posting-fixtures.js';

const head = { company_id: 1, issue_date: '2025-01-10' };
const cashPayment = (amount: number) => [
  { amount, from_walletable_type: 'wallet' as const, from_walletable_id: 51, date: '2025-01-10' },
];
const detail = (
  account_item_id: number,
  tax_code: number,
  amount: number,
  item_id: number,
  description: string,
  vat?: number,
) => ({
  account_item_id,
  tax_code,
  amount,
  item_id,
  section_id: 11,
  description,
  ...(vat === undefined ? {} : { vat }),
});

function dealsOf(report: Parameters<typeof buildDayPosting>[0]): Record<string, DealContent> {
  const plan = buildDayPosting(report, testMappings, postingContext);
  assert.deepEqual(
    checkPostingInvariants(
      report,
      plan.entries.map((entry) => entry.deal),
      setup,
    ),
    [],
  );
  return Object.fromEntries(plan.entries.map((entry) => [entry.key, entry.deal]));
}

describe('spec §5 worked example: credit ¥1,000 + cash ¥880, レジ入金 ¥5,000, float ¥30,000, counted ¥35,880', () => {
  const report = closedReport(
    [
      checkout({
        id: 'w',
        lines: [line(2, 540, 'reduced8'), line(1, 1100, 'standard10', 100)],
        orderDiscount: 200,
        payments: [pay('credit', 1000), pay('cash', 1000)],
      }),
    ],
    { float: 30000, countedCash: 35880 },
    { drawerEvents: [drawerEvent('cashIn', 5000)] },
  );
  const deals = dealsOf(report);

  it('two deals, cash first (the company order)', () =>
    assert.deepEqual(Object.keys(deals), ['method:cash', 'method:credit']));
  it('credit: unsettled ¥1,000 to the acquirer, due 2025-02-17; 481 (vat 44) + 519 (vat 38)', () => {
    assert.deepEqual(deals['method:credit'], {
      ...head,
      type: 'income',
      ref_number: 'URG-0001-20250110-credit',
      partner_id: 301,
      due_date: dueOn20250110.credit,
      details: [
        detail(account.sales, 129, 481, 202, '売上 10%', 44),
        detail(account.sales, 156, 519, 202, '売上 8%(軽減)', 38),
      ],
    });
  });
  it('cash: 423 (vat 38) + 457 (vat 34) + レジ入金 5,000, settled ¥5,880 = counted − float', () => {
    assert.deepEqual(deals['method:cash'], {
      ...head,
      type: 'income',
      ref_number: 'URG-0001-20250110-cash',
      details: [
        detail(account.sales, 129, 423, 201, '売上 10%', 38),
        detail(account.sales, 156, 457, 201, '売上 8%(軽減)', 34),
        detail(account.kariuke, 2, 5000, 201, 'レジ入金'),
      ],
      payments: cashPayment(5880),
    });
  });
  it('vat per tax code adds up to the 日報: 44 + 38 = 82, 38 + 34 = 72', () => {
    assert.deepEqual([report.byTaxRate.sales[0]?.tax, report.byTaxRate.sales[1]?.tax], [82, 72]);
  });
});

describe('spec §4 case 1: a non-sales line (10% ¥1,000 + 8% ¥1,000 + 売上外 ¥700, cash ¥2,700)', () => {
  const deals = dealsOf(
    closedReport(
      [
        checkout({
          id: 'a',
          lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8'), line(1, 700, 'nonSales')],
          payments: [pay('cash', 2700)],
        }),
      ],
      { float: 10000, countedCash: 12700 },
    ),
  );
  it('one cash deal: sales 1,000 (vat 90) + 1,000 (vat 74), 前受金 700 対象外, settled ¥2,700', () => {
    assert.deepEqual(deals, {
      'method:cash': {
        ...head,
        type: 'income',
        ref_number: 'URG-0001-20250110-cash',
        details: [
          detail(account.sales, 129, 1000, 201, '売上 10%', 90),
          detail(account.sales, 156, 1000, 201, '売上 8%(軽減)', 74),
          detail(account.nonSales, 2, 700, 201, '売上外入金'),
        ],
        payments: cashPayment(2700),
      },
    });
  });
});

describe('spec §4 case 2: a no-change voucher over the total (10% ¥300 paid with ¥500)', () => {
  const deals = dealsOf(
    closedReport(
      [
        checkout({
          id: 'a',
          lines: [line(1, 300, 'standard10')],
          payments: [pay('giftNoChange', 500)],
        }),
      ],
      { float: 10000, countedCash: 10000 },
    ),
  );
  it('voucher receivable ¥500 = sales 300 (vat 27) + 金券等差額 200 on 雑収入 対象外; no cash deal', () => {
    assert.deepEqual(deals, {
      'method:giftNoChange': {
        ...head,
        type: 'income',
        ref_number: 'URG-0001-20250110-giftNoChange',
        partner_id: 302,
        due_date: dueOn20250110.gift,
        details: [
          detail(account.sales, 129, 300, 203, '売上 10%', 27),
          detail(account.zatsuShunyu, 2, 200, 203, '金券等差額'),
        ],
      },
    });
  });
});

describe('spec §4 case 3: change from a change-giving voucher', () => {
  const deals = dealsOf(
    closedReport(
      [
        checkout({
          id: 'A',
          lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8')],
          payments: [pay('cash', 2000)],
        }),
        checkout({
          id: 'B',
          lines: [line(1, 600, 'standard10')],
          payments: [pay('giftChange', 1000)],
        }),
      ],
      { float: 10000, countedCash: 11600 },
    ),
  );
  it('cash: sales 2,000 by tax rate, 金券等釣り −400 on 仮受金, settled ¥1,600', () => {
    assert.deepEqual(deals['method:cash'], {
      ...head,
      type: 'income',
      ref_number: 'URG-0001-20250110-cash',
      details: [
        detail(account.sales, 129, 1000, 201, '売上 10%', 90),
        detail(account.sales, 156, 1000, 201, '売上 8%(軽減)', 74),
        detail(account.kariuke, 2, -400, 201, '金券等釣り'),
      ],
      payments: cashPayment(1600),
    });
  });
  it('voucher: receivable at face value ¥1,000 = sales 600 (vat 54) + 金券等釣り 400 on 仮受金', () => {
    assert.deepEqual(deals['method:giftChange'], {
      ...head,
      type: 'income',
      ref_number: 'URG-0001-20250110-giftChange',
      partner_id: 302,
      due_date: dueOn20250110.gift,
      details: [
        detail(account.sales, 129, 600, 204, '売上 10%', 54),
        detail(account.kariuke, 2, 400, 204, '金券等釣り'),
      ],
    });
  });
  it('no trace in the totals: the 仮受金 lines cancel (−400 + 400)', () => {
    const kariuke = Object.values(deals)
      .flatMap((deal) => deal.details)
      .filter((each) => each.account_item_id === account.kariuke);
    assert.equal(
      kariuke.reduce((sum, each) => sum + each.amount, 0),
      0,
    );
  });
});

describe('edges', () => {
  it('a cash day below zero (refund, レジ出金, short) is an expense deal paid from cash, amounts negated', () => {
    const report = closedReport(
      [
        checkout({
          id: 'r',
          lines: [line(-1, 1100, 'standard10')],
          payments: [pay('cash', -1100)],
        }),
      ],
      { float: 20000, countedCash: 13800 },
      { drawerEvents: [drawerEvent('cashOut', 5000)] },
    );
    assert.equal(report.cash?.difference, -100);
    const deal = dealsOf(report)['method:cash'];
    assert.deepEqual(deal, {
      ...head,
      type: 'expense',
      ref_number: 'URG-0001-20250110-cash',
      details: [
        detail(account.sales, 129, 1100, 201, '売上 10%', 100),
        detail(account.karibarai, 2, 5000, 201, 'レジ出金'),
        detail(account.zatsuSonshitsu, 2, 100, 201, '現金過不足(不足)'),
      ],
      payments: cashPayment(6200),
    });
  });

  it('cash over goes to 雑収入; a store without 部門 sends no section_id', () => {
    const mappings = { ...testMappings, store: { ...testMappings.store, sectionId: null } };
    const report = closedReport([], { float: 1000, countedCash: 1010 });
    const plan = buildDayPosting(report, mappings, postingContext);
    assert.deepEqual(
      plan.entries.map((entry) => entry.deal.details),
      [
        [
          {
            account_item_id: account.zatsuShunyu,
            tax_code: 2,
            amount: 10,
            item_id: 201,
            description: '現金過不足(過剰)',
          },
        ],
      ],
    );
  });

  it('a day with nothing to post plans no deal', () => {
    assert.deepEqual(
      buildDayPosting(
        closedReport([], { float: 1000, countedCash: 1000 }),
        testMappings,
        postingContext,
      ).entries,
      [],
    );
  });

  it('a day without a close is not posted (PostingInputError)', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({ id: 'a', lines: [line(1, 100, 'standard10')], payments: [pay('cash', 100)] }),
      ]),
    );
    assert.throws(() => buildDayPosting(report, testMappings, postingContext), PostingInputError);
  });

  it('an unsettled method without partner or schedule is a mapping error naming the method', () => {
    const report = closedReport(
      [checkout({ id: 'a', lines: [line(1, 100, 'standard10')], payments: [pay('paypay', 100)] })],
      { float: 0, countedCash: 0 },
    );
    const mappings = {
      ...testMappings,
      methods: {
        ...testMappings.methods,
        paypay: { itemId: 205, partnerId: null, schedule: null },
      },
    };
    assert.throws(
      () => buildDayPosting(report, mappings, postingContext),
      (error: unknown) =>
        error instanceof PostingMappingError && error.messageJa.includes('PayPay'),
    );
  });

  it('the sales account may not serve another role', () => {
    const report = closedReport([], { float: 0, countedCash: 0 });
    const mappings = {
      ...testMappings,
      accounts: { ...testMappings.accounts, nonSales: account.sales },
    };
    assert.throws(() => buildDayPosting(report, mappings, postingContext), PostingMappingError);
  });

  it('the same 日報 gives the same plan, byte for byte', () => {
    const report = closedReport(
      [checkout({ id: 'a', lines: [line(3, 333, 'reduced8')], payments: [pay('credit', 999)] })],
      { float: 0, countedCash: 0 },
    );
    assert.equal(
      JSON.stringify(buildDayPosting(report, testMappings, postingContext)),
      JSON.stringify(buildDayPosting(report, testMappings, postingContext)),
    );
  });
});

describe('0円会計 (issue #10 §7): ¥0 tenders count in the 日報 and never make a ¥0 deal line', () => {
  const report = closedReport(
    [
      checkout({ id: 'free', lines: [line(1, 0, 'standard10')], payments: [pay('cash', 0)] }),
      checkout({
        id: 'card',
        lines: [line(1, 1100, 'standard10')],
        payments: [pay('credit', 1100), pay('cash', 0)],
      }),
      checkout({ id: 'gift', lines: [line(1, 0, 'reduced8')], payments: [pay('credit', 0)] }),
    ],
    { float: 10000, countedCash: 10000 },
  );
  const deals = dealsOf(report);
  it('the ¥0 tenders are payment entries (回数) of amount 0', () => {
    const rows = Object.fromEntries(
      report.paymentMethods.map((m) => [m.code, [m.count, m.amount]]),
    );
    assert.deepEqual(
      [rows.cash, rows.credit],
      [
        [2, 0],
        [2, 1100],
      ],
    );
  });
  it('only the credit deal, no detail or payment of ¥0', () => {
    assert.deepEqual(Object.keys(deals), ['method:credit']);
    for (const deal of Object.values(deals)) {
      for (const detail of deal.details) assert.notEqual(detail.amount, 0);
      for (const payment of deal.payments ?? []) assert.notEqual(payment.amount, 0);
    }
  });
});
