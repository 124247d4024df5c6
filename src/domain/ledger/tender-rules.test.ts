// Goal: validateCheckout accepts exactly the checkouts spec §2 step 6 allows and names the broken
// field otherwise. Method: one row per rule — a checkout, and the (path, code) pairs expected; every
// error must also carry a Japanese message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Checkout } from './types.js';
import { statusTransitionError } from './status-rules.js';
import { validateCheckout } from './tender-rules.js';
import { checkout, line, pay, testMethodIndex } from '../../../test/support/domain/fixtures.js';

const sale1000 = [line(1, 1000, 'standard10')];
const refund500 = [line(-1, 500, 'standard10')];

const rows: { name: string; checkout: Checkout; expected: [path: string, code: string][] }[] = [
  {
    name: 'exact cash',
    checkout: checkout({ id: 'a', lines: sale1000, payments: [pay('cash', 1000)] }),
    expected: [],
  },
  {
    name: 'cash with change',
    checkout: checkout({ id: 'a', lines: sale1000, payments: [pay('cash', 5000)] }),
    expected: [],
  },
  {
    name: 'spec §5 credit + cash',
    checkout: checkout({
      id: 'a',
      lines: sale1000,
      payments: [pay('credit', 600), pay('cash', 1000)],
    }),
    expected: [],
  },
  {
    name: 'no-change voucher over the total',
    checkout: checkout({ id: 'a', lines: sale1000, payments: [pay('giftNoChange', 1500)] }),
    expected: [],
  },
  {
    name: 'change-giving voucher over the total',
    checkout: checkout({ id: 'a', lines: sale1000, payments: [pay('giftChange', 1500)] }),
    expected: [],
  },
  {
    name: 'T = 0 without payments',
    checkout: checkout({ id: 'a', lines: [line(1, 0, 'standard10')] }),
    expected: [],
  },
  {
    name: 'exact refund',
    checkout: checkout({
      id: 'a',
      lines: refund500,
      payments: [pay('credit', -200), pay('cash', -300)],
    }),
    expected: [],
  },
  {
    name: 'payments below the total',
    checkout: checkout({
      id: 'a',
      lines: sale1000,
      payments: [pay('credit', 300), pay('cash', 600)],
    }),
    expected: [['payments', 'payments_below_total']],
  },
  {
    name: 'change-giving and cash tenders after no-change tenders covered the total',
    checkout: checkout({
      id: 'a',
      lines: sale1000,
      payments: [pay('giftNoChange', 1000), pay('giftChange', 100), pay('cash', 50)],
    }),
    expected: [
      ['payments[1].amount', 'tender_not_needed_after_no_change'],
      ['payments[2].amount', 'tender_not_needed_after_no_change'],
    ],
  },
  {
    name: 'cash after the change-giving tenders covered the total',
    checkout: checkout({
      id: 'a',
      lines: sale1000,
      payments: [pay('cash', 10), pay('giftChange', 1200)],
    }),
    expected: [['payments[0].amount', 'cash_not_needed_after_vouchers']],
  },
  {
    name: 'refund not equal to the total',
    checkout: checkout({ id: 'a', lines: refund500, payments: [pay('cash', -600)] }),
    expected: [['payments', 'refund_must_equal_total']],
  },
  {
    name: 'unknown method',
    checkout: checkout({
      id: 'a',
      lines: sale1000,
      payments: [pay('cash', 500), pay('bitcoin', 500)],
    }),
    expected: [['payments[1].method', 'payment_method_unknown']],
  },
  {
    name: 'negative and fractional amounts in a sale (a ¥0 tender is valid)',
    checkout: checkout({
      id: 'a',
      lines: sale1000,
      payments: [pay('cash', 0), pay('cash', -5), pay('cash', 10.5)],
    }),
    expected: [
      ['payments[1].amount', 'payment_amount_must_be_positive'],
      ['payments[2].amount', 'payment_amount_invalid'],
    ],
  },
  {
    name: 'positive amount in a refund',
    checkout: checkout({
      id: 'a',
      lines: refund500,
      payments: [pay('cash', -600), pay('credit', 100)],
    }),
    expected: [['payments[1].amount', 'refund_amount_must_be_negative']],
  },
  {
    name: 'pending: partial tenders are fine',
    checkout: checkout({
      id: 'a',
      status: 'pending',
      completedAt: null,
      lines: sale1000,
      payments: [pay('cash', 100)],
    }),
    expected: [],
  },
  {
    name: 'aborted: unknown method still rejected',
    checkout: checkout({
      id: 'a',
      status: 'aborted',
      completedAt: null,
      lines: sale1000,
      payments: [pay('nope', 100)],
    }),
    expected: [['payments[0].method', 'payment_method_unknown']],
  },
  {
    name: 'cancelled: tenders must have been sufficient',
    checkout: checkout({
      id: 'a',
      status: 'cancelled',
      lines: sale1000,
      payments: [pay('cash', 100)],
    }),
    expected: [['payments', 'payments_below_total']],
  },
  {
    name: 'completed without completedAt',
    checkout: checkout({
      id: 'a',
      completedAt: null,
      lines: sale1000,
      payments: [pay('cash', 1000)],
    }),
    expected: [['completedAt', 'completed_at_required']],
  },
  {
    name: 'pending with completedAt',
    checkout: checkout({ id: 'a', status: 'pending', lines: sale1000 }),
    expected: [['completedAt', 'completed_at_not_allowed']],
  },
  {
    name: 'completed before started',
    checkout: checkout({
      id: 'a',
      startedAt: '2025-01-10T13:00:00+09:00',
      completedAt: '2025-01-10T12:00:00+09:00',
      lines: sale1000,
      payments: [pay('cash', 1000)],
    }),
    expected: [['completedAt', 'completed_before_started']],
  },
  {
    name: 'instants without offset and a bad business date',
    checkout: checkout({
      id: 'a',
      startedAt: '2025-01-10T12:00:00',
      completedAt: '2025-01-10 13:00',
      businessDate: '2025-02-30',
      lines: sale1000,
      payments: [pay('cash', 1000)],
    }),
    expected: [
      ['startedAt', 'started_at_invalid'],
      ['completedAt', 'completed_at_invalid'],
      ['businessDate', 'business_date_invalid'],
    ],
  },
  {
    name: 'redoes itself',
    checkout: checkout({ id: 'a', redoes: 'a', lines: sale1000, payments: [pay('cash', 1000)] }),
    expected: [['redoes', 'redoes_self']],
  },
  {
    name: 'unpriceable lines',
    checkout: checkout({
      id: 'a',
      lines: [
        line(0, 100, 'standard10'),
        line(1, -5, 'reduced8'),
        line(1.5, 100, 'exempt', 0.5),
        { ...line(1, 1, 'exempt'), taxCategory: 'vat20' as never },
      ],
      orderDiscount: 1.25,
      customerCount: -1,
    }),
    expected: [
      ['lines[0].quantity', 'line_quantity_invalid'],
      ['lines[1].unitPrice', 'line_unit_price_invalid'],
      ['lines[2].quantity', 'line_quantity_invalid'],
      ['lines[2].discount', 'line_discount_invalid'],
      ['lines[3].taxCategory', 'line_tax_category_unknown'],
      ['orderDiscount', 'order_discount_invalid'],
      ['customerCount', 'customer_count_invalid'],
    ],
  },
];

describe('validateCheckout', () => {
  for (const row of rows) {
    it(row.name, () => {
      const errors = validateCheckout(row.checkout, testMethodIndex, 'floor');
      assert.deepEqual(
        errors.map((error) => [error.path, error.code]),
        row.expected,
      );
      for (const error of errors)
        assert.match(error.message, /[\u3040-\u30ff\u4e00-\u9fff]/, 'message is Japanese');
    });
  }
});

describe('statusTransitionError', () => {
  const allowed: [Checkout['status'], Checkout['status']][] = [
    ['pending', 'pending'],
    ['pending', 'completed'],
    ['pending', 'aborted'],
    ['completed', 'completed'],
    ['completed', 'cancelled'],
    ['completed', 'redone'],
  ];
  const rejected: [Checkout['status'], Checkout['status']][] = [
    ['completed', 'pending'],
    ['completed', 'aborted'],
    ['cancelled', 'completed'],
    ['redone', 'completed'],
    ['aborted', 'completed'],
    ['pending', 'cancelled'],
    ['pending', 'redone'],
    ['cancelled', 'redone'],
  ];
  for (const [previous, next] of allowed)
    it(`${previous} → ${next} allowed`, () =>
      assert.equal(statusTransitionError(previous, next), null));
  for (const [previous, next] of rejected) {
    it(`${previous} → ${next} rejected`, () =>
      assert.equal(statusTransitionError(previous, next)?.code, 'status_transition_not_allowed'));
  }
});
