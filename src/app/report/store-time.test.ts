// Goal: printedAt is the clock's instant written in the store's offset, and date ranges are exact.
// Method: fixed instants in zones with and without DST, and at a date boundary.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateIn, datesBetween, instantInZone } from './store-time.js';

describe('instantInZone', () => {
  const cases: [instant: string, zone: string, expected: string][] = [
    ['2025-01-10T17:00:00Z', 'Asia/Tokyo', '2025-01-11T02:00:00+09:00'],
    ['2025-01-10T17:00:00.900Z', 'Asia/Tokyo', '2025-01-11T02:00:00+09:00'],
    ['2025-07-01T12:30:15Z', 'America/New_York', '2025-07-01T08:30:15-04:00'],
    ['2025-01-01T12:30:15Z', 'America/New_York', '2025-01-01T07:30:15-05:00'],
    ['2025-01-01T00:00:00Z', 'UTC', '2025-01-01T00:00:00+00:00'],
    ['2025-01-01T00:00:00Z', 'Asia/Kolkata', '2025-01-01T05:30:00+05:30'],
  ];
  for (const [instant, zone, expected] of cases) {
    it(`${instant} in ${zone}`, () => {
      const written = instantInZone(new Date(instant), zone);
      assert.equal(written, expected);
      assert.equal(
        Date.parse(written),
        Math.floor(Date.parse(instant) / 1000) * 1000,
        'the same instant',
      );
    });
  }
  it('calendarDateIn is the store date', () =>
    assert.equal(calendarDateIn(new Date('2025-01-10T15:30:00Z'), 'Asia/Tokyo'), '2025-01-11'));
});

describe('datesBetween', () => {
  it('lists every day inclusive, across months and a leap day', () => {
    assert.deepEqual(datesBetween('2024-02-27', '2024-03-01', 92), [
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    assert.deepEqual(datesBetween('2025-01-10', '2025-01-10', 92), ['2025-01-10']);
  });
  it('stops one past the maximum, so the caller can name the error', () => {
    assert.equal(datesBetween('2025-01-01', '2025-12-31', 92).length, 93);
  });
});
