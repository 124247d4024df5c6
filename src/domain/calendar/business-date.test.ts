// Goal: one parser for business dates: real calendar dates YYYY-MM-DD only (2025-02-31, 2025-13-01,
// 2025-1-1 and 2025-01-10T00:00 are refused), and it agrees with the calendar of Date on every day.
// Method: a table of edge cases; a property over day numbers (format then parse round-trips) and
// over arbitrary year/month/day triples (accepted exactly when Date keeps the same parts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  BusinessDateError,
  datePartsOf,
  daysInMonth,
  isBusinessDate,
  parseBusinessDate,
} from './business-date.js';

describe('parseBusinessDate', () => {
  const good = ['2025-01-10', '2024-02-29', '2000-02-29', '2025-12-31', '0100-01-01', '9999-12-31'];
  const bad = [
    '2025-02-31',
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-1',
    '20250110',
    '2025-01-10T00:00:00Z',
    ' 2025-01-10',
    '',
    '0099-12-31',
  ];
  for (const text of good)
    it(`accepts ${text}`, () => {
      assert.equal(parseBusinessDate(text), text);
      assert.ok(isBusinessDate(text));
    });
  for (const text of bad)
    it(`rejects ${JSON.stringify(text)}`, () => {
      assert.throws(() => parseBusinessDate(text), BusinessDateError);
      assert.equal(isBusinessDate(text), false);
    });
  it('rejects what is not a string', () => {
    for (const value of [null, undefined, 20250110, {}]) {
      assert.equal(isBusinessDate(value), false);
      assert.throws(() => parseBusinessDate(value), BusinessDateError);
    }
  });
  it('names the value in the error', () =>
    assert.throws(() => parseBusinessDate('2025-02-31'), {
      name: 'BusinessDateError',
      message: '2025-02-31 is not a calendar date YYYY-MM-DD',
    }));
});

describe('calendar agreement (property)', () => {
  it('every day of 0100–9999 formats and parses back to its parts', () => {
    const first = Date.UTC(100, 0, 1) / 86_400_000;
    const last = Date.UTC(9999, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (dayNo) => {
        const probe = new Date(dayNo * 86_400_000);
        const text = probe.toISOString().slice(0, 10);
        const parts = datePartsOf(parseBusinessDate(text));
        assert.deepEqual(parts, {
          year: probe.getUTCFullYear(),
          month: probe.getUTCMonth() + 1,
          day: probe.getUTCDate(),
        });
      }),
    );
  });
  it('a triple is accepted exactly when it is a real date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const probe = new Date(Date.UTC(year, month - 1, day));
          const real =
            probe.getUTCFullYear() === year &&
            probe.getUTCMonth() === month - 1 &&
            probe.getUTCDate() === day;
          assert.equal(isBusinessDate(text), real);
        },
      ),
    );
  });
  it('daysInMonth matches Date', () => {
    for (const year of [1900, 2000, 2024, 2025])
      for (let month = 1; month <= 12; month += 1)
        assert.equal(daysInMonth(year, month), new Date(Date.UTC(year, month, 0)).getUTCDate());
  });
});
