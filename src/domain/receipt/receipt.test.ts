// Goal: a receipt's figures are the spec's (receipt.md; daily-report.md §2 S[c], tax[c]).
// Method: table rows worked by hand (the spec's §5 example, the offline contract's example, a
// return, exclusive prices, a non-sales line), and a property over generated checkouts against the
// auditor (test/support/domain/auditor.ts), a second model that shares no code with src/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { auditDay } from '../../../test/support/domain/auditor.js';
import {
  arbitraryCompletedCheckout,
  arbitraryRoundingMode,
} from '../../../test/support/domain/arbitraries.js';
import { checkout, line, pay, testMethodIndex } from '../../../test/support/domain/fixtures.js';
import type { Checkout } from '../ledger/types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import { buildReceipt, isReturnReceipt, ReceiptNotIssuableError } from './receipt.js';

const issuer = { name: '株式会社デモ', registrationNumber: 'T7000012050002' };
const store = { name: '本店', timeZone: 'Asia/Tokyo' };

function receiptOf(each: Checkout, roundingMode: RoundingMode = 'floor') {
  return buildReceipt({ checkout: each, issuer, store, methods: testMethodIndex, roundingMode });
}

const rows: {
  name: string;
  checkout: Checkout;
  byRate: [string, number, number, number][];
  total: number;
  change: number;
}[] = [
  {
    name: 'spec §5: order discount split 96/104, credit + cash',
    checkout: checkout({
      id: 'w5',
      lines: [line(2, 540, 'reduced8'), line(1, 1100, 'standard10', 100)],
      orderDiscount: 200,
      payments: [pay('credit', 1000), pay('cash', 1000)],
    }),
    byRate: [
      ['standard10', 10, 904, 82],
      ['reduced8', 8, 976, 72],
    ],
    total: 1880,
    change: 120,
  },
  {
    name: 'contract example: ¥1,100 paid ¥2,000 cash',
    checkout: checkout({
      id: 'c1',
      lines: [line(1, 1100, 'standard10')],
      payments: [pay('cash', 2000)],
    }),
    byRate: [['standard10', 10, 1100, 100]],
    total: 1100,
    change: 900,
  },
  {
    name: 'non-sales line listed, out of byRate; exempt listed',
    checkout: checkout({
      id: 'ns',
      lines: [line(1, 1000, 'standard10'), line(1, 700, 'nonSales'), line(1, 500, 'exempt')],
      payments: [pay('cash', 2200)],
    }),
    byRate: [
      ['standard10', 10, 1000, 90],
      ['exempt', 0, 500, 0],
    ],
    total: 2200,
    change: 0,
  },
  {
    name: 'exclusive prices: S = G + tax',
    checkout: checkout({
      id: 'ex',
      priceMode: 'exclusive',
      lines: [line(3, 333, 'reduced8')],
      payments: [pay('giftChange', 2000)],
    }),
    byRate: [['reduced8', 8, 1078, 79]],
    total: 1078,
    change: 922,
  },
  {
    name: 'a return: negative figures, sign kept',
    checkout: checkout({
      id: 'rt',
      lines: [line(-1, 1100, 'standard10'), line(-2, 540, 'reduced8')],
      payments: [pay('cash', -2180)],
    }),
    byRate: [
      ['standard10', 10, -1100, -100],
      ['reduced8', 8, -1080, -80],
    ],
    total: -2180,
    change: 0,
  },
];

for (const row of rows) {
  test(`receipt: ${row.name}`, () => {
    const receipt = receiptOf(row.checkout);
    assert.deepEqual(
      receipt.byRate.map((r) => [r.taxCategory, r.rate, r.targetAmount, r.tax]),
      row.byRate,
    );
    assert.equal(receipt.total, row.total);
    assert.equal(receipt.change, row.change);
    assert.equal(isReturnReceipt(receipt), row.total < 0);
    assert.deepEqual(
      receipt.lines.map((l) => l.reducedRate),
      row.checkout.lines.map((l) => l.taxCategory === 'reduced8'),
    );
  });
}

test('issuedAt is completedAt on the store clock; no 登録番号 → the issuer has none', () => {
  const each = checkout({
    id: 'tz',
    lines: [line(1, 100, 'standard10')],
    completedAt: '2025-01-10T03:04:05Z',
    payments: [pay('cash', 100)],
  });
  const receipt = buildReceipt({
    checkout: each,
    issuer: { name: 'デモ' },
    store,
    methods: testMethodIndex,
    roundingMode: 'floor',
  });
  assert.equal(receipt.issuedAt, '2025-01-10T12:04:05+09:00');
  assert.deepEqual(receipt.issuer, { name: 'デモ' });
});

test('pending and aborted checkouts have no receipt', () => {
  for (const status of ['pending', 'aborted'] as const)
    assert.throws(
      () => receiptOf(checkout({ id: status, status, completedAt: null, lines: [], payments: [] })),
      ReceiptNotIssuableError,
    );
});

test('property: byRate is exactly the auditor S[c] and tax[c] of every non-zero category', () => {
  fc.assert(
    fc.property(
      arbitraryRoundingMode.chain((mode) =>
        arbitraryCompletedCheckout(mode).map((each) => ({ mode, each })),
      ),
      ({ mode, each }) => {
        const receipt = receiptOf(each, mode);
        const audited = auditDay([each], mode);
        const expected = (['standard10', 'reduced8', 'exempt'] as const)
          .filter((category) => audited.byCategory[category].sales !== 0)
          .map((category) => ({
            taxCategory: category,
            targetAmount: audited.byCategory[category].sales,
            tax: audited.byCategory[category].tax,
          }));
        assert.deepEqual(
          receipt.byRate.map(({ taxCategory, targetAmount, tax }) => ({
            taxCategory,
            targetAmount,
            tax,
          })),
          expected,
        );
        assert.equal(receipt.total, audited.salesTotal);
      },
    ),
    { numRuns: 300 },
  );
});
