// Goal: printedAt is the clock's instant written in the store's offset; the business date of an
// instant is its calendar date in the store's zone.
// Method: fixed instants in zones with and without DST, and at a date boundary.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { businessDateIn, formatOffset, instantInZone, zoneOffsetMinutes } from './store-zone.js';

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
  it('businessDateIn is the store date', () =>
    assert.equal(businessDateIn(new Date('2025-01-10T15:30:00Z'), 'Asia/Tokyo'), '2025-01-11'));
  it('zone offsets in minutes, written ±hh:mm', () => {
    assert.equal(zoneOffsetMinutes(new Date('2025-07-01T00:00:00Z'), 'America/New_York'), -240);
    assert.equal(zoneOffsetMinutes(new Date('2025-01-01T00:00:00Z'), 'Asia/Kolkata'), 330);
    assert.equal(formatOffset(-240), '-04:00');
    assert.equal(formatOffset(330), '+05:30');
    assert.equal(formatOffset(0), '+00:00');
  });
});
