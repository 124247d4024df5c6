// Goal: what people type into the console's number and date fields is read as they meant it, and
// anything else is refused with a message naming the field and what is expected; one date style per use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeDateInput,
  parseYenFields,
  parseYenInput,
} from '../../../src/adapters/console/form-parsing.js';
import {
  dateCell,
  dateHeading,
  eraHeading,
  instantCell,
  wallClockCell,
} from '../../../src/adapters/console/dates.js';

test('amounts: commas, full-width digits, ¥ and 円 are accepted', () => {
  for (const [typed, value] of [
    ['120,000', 120000],
    ['１２０，０００', 120000],
    ['１２００００', 120000],
    [' ¥30,000 ', 30000],
    ['5000円', 5000],
    ['0', 0],
  ] as const)
    assert.deepEqual(parseYenInput(typed, '釣銭準備金'), { ok: true, value }, typed);
});

test('amounts: anything else names the field and what is expected', () => {
  for (const typed of ['1.5', '-100', '12,00', 'abc', '1,2345', '99999999999999'])
    assert.match(
      (parseYenInput(typed, '釣銭準備金') as { message: string }).message,
      /^釣銭準備金(は0以上の整数|が大きすぎます)/,
      typed,
    );
  const empty = parseYenInput('', '実際のレジ内現金');
  assert.equal(empty.ok, false);
  assert.match(
    (empty as { message: string }).message,
    /実際のレジ内現金を入力してください.*120,000/,
  );
  const both = parseYenFields({ a: '1,000', b: 'x' }, { a: 'A', b: 'B' });
  assert.deepEqual(both.values, { a: 1000 });
  assert.deepEqual(Object.keys(both.errors), ['b']);
});

test('dates: typed forms normalise; one style per use', () => {
  assert.equal(normalizeDateInput('２０２６/１２/２'), '2026-12-02');
  assert.equal(normalizeDateInput('2026年12月2日'), '2026-12-02');
  assert.equal(normalizeDateInput('yesterday'), 'yesterday');
  assert.equal(dateHeading('2026-12-02'), '2026年12月2日(水)');
  assert.equal(dateCell('2026-12-02'), '2026/12/02');
  assert.equal(eraHeading('2026-12-02'), '令和8年12月2日(水)');
  assert.equal(eraHeading('2019-05-01'), '令和元年5月1日(水)');
  assert.equal(instantCell('Asia/Tokyo', new Date('2026-12-01T23:10:00Z')), '2026/12/02 08:10');
  assert.equal(instantCell('Asia/Tokyo', new Date('2026-12-01T15:00:00Z')), '2026/12/02 00:00');
  assert.equal(wallClockCell('2025-01-11T01:15:00+09:00'), '2025/01/11 01:15');
});
