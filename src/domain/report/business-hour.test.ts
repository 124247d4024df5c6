// Goal: hours of completedAt in the store's zone, counted from the business date (24–29 for the
// next calendar morning), whatever offset the instant was written with, DST included.
// Method: a table of instants per zone; then the hourly window rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeBusinessHourOf, ReportInputError } from './business-hour.js';
import { hourlyWindow } from './hourly.js';

const table: [timeZone: string, businessDate: string, instant: string, hour: number][] = [
  ['Asia/Tokyo', '2025-01-10', '2025-01-10T00:00:00+09:00', 0],
  ['Asia/Tokyo', '2025-01-10', '2025-01-10T12:01:30+09:00', 12],
  ['Asia/Tokyo', '2025-01-10', '2025-01-10T06:05:00Z', 15],
  ['Asia/Tokyo', '2025-01-10', '2025-01-10T23:59:59+09:00', 23],
  ['Asia/Tokyo', '2025-01-10', '2025-01-11T00:00:00+09:00', 24],
  ['Asia/Tokyo', '2025-01-10', '2025-01-11T05:59:59+09:00', 29],
  ['Asia/Tokyo', '2025-01-10', '2025-01-10T16:30:00Z', 25],
  ['Asia/Tokyo', '2025-01-10', '2025-01-09T23:00:00+09:00', -1],
  ['Asia/Tokyo', '2024-12-31', '2025-01-01T02:00:00+09:00', 26],
  ['America/New_York', '2025-03-09', '2025-03-09T01:30:00-05:00', 1],
  ['America/New_York', '2025-03-09', '2025-03-09T03:30:00-04:00', 3],
  ['America/New_York', '2025-03-09', '2025-03-10T01:00:00-04:00', 25],
  ['UTC', '2025-01-10', '2025-01-10T23:00:00+09:00', 14],
];

describe('makeBusinessHourOf', () => {
  for (const [timeZone, businessDate, instant, hour] of table) {
    it(`${instant} in ${timeZone} for ${businessDate} is hour ${hour}`, () => {
      assert.equal(makeBusinessHourOf(timeZone, businessDate)(instant), hour);
    });
  }
  it('rejects an unknown zone and an instant without offset', () => {
    assert.throws(() => makeBusinessHourOf('Mars/Olympus', '2025-01-10'), ReportInputError);
    assert.throws(
      () => makeBusinessHourOf('Asia/Tokyo', '2025-01-10')('2025-01-10T12:00:00'),
      ReportInputError,
    );
  });
});

describe('hourlyWindow', () => {
  it('an end hour below the start hour means the next morning', () => {
    assert.deepEqual(hourlyWindow({ enabled: true, startHour: 10, endHour: 2 }), {
      startHour: 10,
      endHour: 26,
    });
    assert.deepEqual(hourlyWindow({ enabled: true, startHour: 0, endHour: 23 }), {
      startHour: 0,
      endHour: 23,
    });
  });
  it('rejects hours out of range', () => {
    assert.throws(
      () => hourlyWindow({ enabled: true, startHour: 24, endHour: 2 }),
      ReportInputError,
    );
    assert.throws(
      () => hourlyWindow({ enabled: true, startHour: 1, endHour: 30 }),
      ReportInputError,
    );
    assert.throws(
      () => hourlyWindow({ enabled: true, startHour: 1.5, endHour: 3 }),
      ReportInputError,
    );
  });
});
