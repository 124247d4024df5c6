// Goal: one era function (issue 14 §2): the right 元号 and year on each side of every era boundary
// (2019-04-30 平成31年, 2019-05-01 令和元年, …), 元年 for the first year, the weekday, and agreement
// with the runtime's Japanese calendar (Intl 'ja-JP-u-ca-japanese') on every day since 明治.
// Method: a table around the boundaries; a property over days 1868-10-23..2100-12-31 against Intl.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { eraDateOf, formatEraDate } from './japanese-era.js';

describe('formatEraDate', () => {
  const table: [string, string][] = [
    ['2019-04-30', '平成31年4月30日(火)'],
    ['2019-05-01', '令和元年5月1日(水)'],
    ['2019-12-31', '令和元年12月31日(火)'],
    ['2020-01-01', '令和2年1月1日(水)'],
    ['2026-12-02', '令和8年12月2日(水)'],
    ['1989-01-07', '昭和64年1月7日(土)'],
    ['1989-01-08', '平成元年1月8日(日)'],
    ['1926-12-24', '大正15年12月24日(金)'],
    ['1926-12-25', '昭和元年12月25日(土)'],
    ['1912-07-29', '明治45年7月29日(月)'],
    ['1912-07-30', '大正元年7月30日(火)'],
    ['1868-10-23', '明治元年10月23日(金)'],
    ['1868-10-22', '1868年10月22日(木)'],
  ];
  for (const [date, expected] of table)
    it(`${date} → ${expected}`, () => assert.equal(formatEraDate(date), expected));

  it('gives the parts: era, year (1 = 元年), month, day; null before 明治', () => {
    assert.deepEqual(eraDateOf('2019-05-01'), { era: '令和', year: 1, month: 5, day: 1 });
    assert.deepEqual(eraDateOf('2019-04-30'), { era: '平成', year: 31, month: 4, day: 30 });
    assert.equal(eraDateOf('1868-10-22'), null);
  });

  it('refuses what is not a date', () => {
    assert.throws(() => formatEraDate('2019-02-30'), TypeError);
    assert.throws(() => eraDateOf('令和元年'), TypeError);
  });

  it('agrees with Intl ja-JP-u-ca-japanese on every day since 明治', () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      timeZone: 'UTC',
    });
    const first = Date.UTC(1868, 9, 23) / 86_400_000;
    const last = Date.UTC(2100, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (dayNumber) => {
        const date = new Date(dayNumber * 86_400_000);
        assert.equal(formatEraDate(date.toISOString().slice(0, 10)), intl.format(date));
      }),
      { numRuns: 2000 },
    );
  });
});
