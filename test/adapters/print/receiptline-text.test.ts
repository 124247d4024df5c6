import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  escapeText,
  formatBusinessDate,
  formatCount,
  formatInstant,
  formatYen,
} from '../../../src/adapters/print/receiptline-text.js';

describe('printed forms', () => {
  it('money: ¥ and thousands separators, minus sign for negatives', () => {
    const cases: Array<[number, string]> = [
      [0, '¥0'],
      [-0, '¥0'],
      [7, '¥7'],
      [999, '¥999'],
      [1_000, '¥1,000'],
      [1_234, '¥1,234'],
      [-20, '-¥20'],
      [-1_100, '-¥1,100'],
      [123_456_789, '¥123,456,789'],
      [-1_000_000, '-¥1,000,000'],
    ];
    for (const [amountYen, printed] of cases)
      assert.equal(formatYen(amountYen), printed, String(amountYen));
    assert.throws(() => formatYen(1.5), /integer number of yen/);
  });

  it('counts: separators and sign', () => {
    assert.deepEqual([0, 14, -1, 12_345].map(formatCount), ['0', '14', '-1', '12,345']);
    assert.throws(() => formatCount(Number.NaN), /count must be an integer/);
  });

  it('business dates with the weekday; instants as written (store offset)', () => {
    assert.equal(formatBusinessDate('2026-08-24'), '2026年8月24日(月)');
    assert.equal(formatBusinessDate('2027-01-01'), '2027年1月1日(金)');
    assert.equal(formatInstant('2026-08-25T00:35:12+09:00', 'lastCheckoutAt'), '2026/08/25 00:35');
    assert.throws(() => formatBusinessDate('24/08/2026'), /businessDate/);
    assert.throws(() => formatInstant('yesterday', 'printedAt'), /printedAt must be/);
  });
});

describe('escapeText', () => {
  it('escapes every receiptline special character with a backslash', () => {
    assert.equal(
      escapeText('a|b{c}d-e=f~g_h"i`j^k\\l'),
      'a\\|b\\{c\\}d\\-e\\=f\\~g\\_h\\"i\\`j\\^k\\\\l',
    );
  });

  it('keeps Japanese and ordinary punctuation, trims, turns control characters into a space', () => {
    assert.equal(escapeText('  商品券(お釣り無し)・１０％ '), '商品券(お釣り無し)・１０％');
    assert.equal(escapeText('渋谷\r\n店'), '渋谷 店');
  });
});
