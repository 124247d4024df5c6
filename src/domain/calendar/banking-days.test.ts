// Goal: banking days are weekdays that are neither 祝日/振替休日/国民の休日 (@holiday-jp/holiday_jp)
// nor the year-end bank holidays 12/31–1/3; rolling forward (翌営業日) and counting land on one.
// Method: table tests with calendar facts checked by hand (Golden Week and Silver Week 2026, year
// ends), and a property: every result of addBankingDays is a banking day after the start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addBankingDays,
  HolidayDataRangeError,
  isBankingDay,
  onOrAfterBankingDay,
} from './banking-days.js';
import { parseBusinessDate, type BusinessDate } from './business-date.js';
import { dateOfDayNumber, dayNumberOf } from './day-arithmetic.js';

const d = (text: string): BusinessDate => parseBusinessDate(text);

describe('banking days', () => {
  const table: [string, boolean, string][] = [
    ['2026-04-28', true, 'Tue before Golden Week'],
    ['2026-04-29', false, '昭和の日'],
    ['2026-05-01', true, 'Fri between the holidays'],
    ['2026-05-04', false, 'みどりの日'],
    ['2026-05-06', false, '振替休日 (5/3 was a Sunday)'],
    ['2026-05-07', true, 'Thu after Golden Week'],
    ['2026-09-22', false, '国民の休日'],
    ['2026-11-23', false, '勤労感謝の日, a Monday'],
    ['2026-11-24', true, 'Tue'],
    ['2025-12-31', false, '大晦日: 銀行休業日 though no 祝日'],
    ['2026-01-02', false, '1/2 銀行休業日 (a Friday)'],
    ['2027-01-04', true, 'first banking day of 2027'],
    ['2026-01-10', false, 'Saturday'],
  ];
  for (const [date, expected, why] of table)
    it(`${date} ${expected ? 'is' : 'is not'} a banking day (${why})`, () =>
      assert.equal(isBankingDay(d(date)), expected));

  it('rolls forward: 2026-05-02 (Sat, Golden Week) → 2026-05-07', () =>
    assert.equal(onOrAfterBankingDay(d('2026-05-02')), '2026-05-07'));
  it('rolls forward: 2025-12-31 → 2026-01-05 (1/1–1/3 bank holidays, then the weekend)', () =>
    assert.equal(onOrAfterBankingDay(d('2025-12-31')), '2026-01-05'));
  it('counts: 1 banking day after Fri 2026-11-20 is Tue 2026-11-24', () =>
    assert.equal(addBankingDays(d('2026-11-20'), 1), '2026-11-24'));
  it('counts: 2 banking days after Sat 2026-05-02 are 5/7 and 5/8', () =>
    assert.equal(addBankingDays(d('2026-05-02'), 2), '2026-05-08'));
  it('counts: 1 banking day after Fri 2026-09-18 is Thu 9/24 (Silver Week)', () =>
    assert.equal(addBankingDays(d('2026-09-18'), 1), '2026-09-24'));
  it('dates past the holiday table throw HolidayDataRangeError instead of guessing', () => {
    assert.throws(() => isBankingDay(d('2051-03-01')), HolidayDataRangeError);
  });

  it('addBankingDays lands on a banking day, after the start (property)', () => {
    const first = dayNumberOf(d('2000-01-01'));
    const last = dayNumberOf(d('2049-11-30'));
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 0, max: 30 }),
        (dayNo, count) => {
          const start = dateOfDayNumber(dayNo);
          const due = addBankingDays(start, count);
          assert.ok(isBankingDay(due));
          assert.ok(due >= start);
          if (count > 0) assert.ok(due > start);
        },
      ),
    );
  });
});
