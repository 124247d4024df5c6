// Goal: day arithmetic on business dates agrees with the calendar: day numbers, addDays, daysBetween,
// weekdays, months and month ends, across month, year and leap-day boundaries.
// Method: hand-checked table cases; properties that addDays and daysBetween are inverse and that
// weekdays advance by one per day.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseBusinessDate, type BusinessDate } from './business-date.js';
import {
  addDays,
  addMonths,
  dateInMonth,
  dateOfDayNumber,
  datesBetween,
  dayNumberOf,
  daysBetween,
  monthEnd,
  weekdayOf,
} from './day-arithmetic.js';

const d = (text: string): BusinessDate => parseBusinessDate(text);

describe('day arithmetic', () => {
  it('day numbers count from 1970-01-01', () => {
    assert.equal(dayNumberOf(d('1970-01-01')), 0);
    assert.equal(dayNumberOf(d('1969-12-31')), -1);
    assert.equal(dateOfDayNumber(20_098), '2025-01-10');
  });
  it('adds days across a leap day and a year end', () => {
    assert.equal(addDays(d('2024-02-28'), 1), '2024-02-29');
    assert.equal(addDays(d('2024-02-28'), 2), '2024-03-01');
    assert.equal(addDays(d('2025-12-31'), 1), '2026-01-01');
    assert.equal(addDays(d('2026-01-01'), -1), '2025-12-31');
  });
  it('daysBetween is signed', () => {
    assert.equal(daysBetween(d('2025-01-10'), d('2025-02-10')), 31);
    assert.equal(daysBetween(d('2025-02-10'), d('2025-01-10')), -31);
  });
  it('weekdays: 0 Sunday … 6 Saturday', () => {
    assert.equal(weekdayOf(d('2025-01-10')), 5);
    assert.equal(weekdayOf(d('2025-01-12')), 0);
    assert.equal(weekdayOf(d('1970-01-01')), 4);
  });
  it('months and month ends', () => {
    assert.deepEqual(addMonths(2025, 11, 3), { year: 2026, month: 2 });
    assert.deepEqual(addMonths(2025, 1, -1), { year: 2024, month: 12 });
    assert.equal(monthEnd(d('2024-02-10')), '2024-02-29');
    assert.equal(monthEnd(d('2025-02-10')), '2025-02-28');
    assert.equal(dateInMonth(2025, 2, 31), '2025-02-28');
    assert.equal(dateInMonth(2025, 4, 'end'), '2025-04-30');
    assert.equal(dateInMonth(2025, 4, 15), '2025-04-15');
  });
  it('addDays and daysBetween are inverse; weekdays step by one (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        fc.integer({ min: -5_000, max: 5_000 }),
        (dayNo, days) => {
          const from = dateOfDayNumber(dayNo);
          const to = addDays(from, days);
          assert.equal(daysBetween(from, to), days);
          assert.equal(weekdayOf(to), (((weekdayOf(from) + days) % 7) + 7) % 7);
        },
      ),
    );
  });
});

describe('datesBetween', () => {
  it('lists every day inclusive, across months and a leap day', () => {
    assert.deepEqual(datesBetween(d('2024-02-27'), d('2024-03-01'), 92), [
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    assert.deepEqual(datesBetween(d('2025-01-10'), d('2025-01-10'), 92), ['2025-01-10']);
  });
  it('stops one past the maximum, so the caller can name the error', () => {
    assert.equal(datesBetween(d('2025-01-01'), d('2025-12-31'), 92).length, 93);
  });
});
