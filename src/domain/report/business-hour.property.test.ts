// Goal: the report's hour function (one Intl offset probe pair per UTC hour) equals the definition
// (Intl's local date and hour of every instant) for any instant, DST included. Method: fast-check
// over random instants and business dates in DST zones (New York, London, Tokyo) and in zones with
// half-hour and 45-minute offsets or shifts; then every instant, minute by minute, around every
// offset transition of 2023–2026 in those zones; then instants before 1900 (asked of Intl directly).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  businessHourByIntl,
  makeBusinessHourOf,
  makeBusinessHourOfEpoch,
} from './business-hour.js';

const dstZones = ['America/New_York', 'Europe/London', 'Asia/Tokyo'] as const;
const oddZones = [
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
] as const;
const hourMs = 3_600_000;
const dayMs = 86_400_000;

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** A business date within two days of the instant (hours −48…+71 all occur). */
const arbitraryCase = (zones: readonly string[], fromMs: number, toMs: number) =>
  fc.record({
    timeZone: fc.constantFrom(...zones),
    epochMs: fc.integer({ min: fromMs, max: toMs }),
    dayShift: fc.integer({ min: -2, max: 2 }),
  });

function assertSameHour(timeZone: string, businessDate: string, instants: readonly number[]): void {
  const fast = makeBusinessHourOfEpoch(timeZone, businessDate);
  const definition = businessHourByIntl(timeZone, businessDate);
  for (const epochMs of instants) {
    assert.equal(
      fast(epochMs),
      definition(epochMs),
      `${new Date(epochMs).toISOString()} in ${timeZone} for ${businessDate}`,
    );
  }
}

/** Instants (UTC hour starts) where the zone's offset differs from the hour before, between two dates. */
function transitions(timeZone: string, fromMs: number, toMs: number): number[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const offsetOf = (epochMs: number) =>
    format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value;
  const found: number[] = [];
  let previous = offsetOf(fromMs);
  for (let epochMs = fromMs + hourMs / 4; epochMs < toMs; epochMs += hourMs / 4) {
    const offset = offsetOf(epochMs);
    if (offset !== previous) found.push(epochMs);
    previous = offset;
  }
  return found;
}

describe('makeBusinessHourOfEpoch equals the Intl definition (properties)', () => {
  it('random instants 1970–2100 in New York, London and Tokyo', () => {
    fc.assert(
      fc.property(
        arbitraryCase(dstZones, Date.UTC(1970, 0, 1), Date.UTC(2100, 0, 1)),
        ({ timeZone, epochMs, dayShift }) => {
          assertSameHour(timeZone, isoDate(epochMs + dayShift * dayMs), [epochMs]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('many instants of one day share the cache: a whole DST-change weekend, second by random second', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dstZones, ...oddZones),
        fc.constantFrom(
          Date.UTC(2025, 2, 8),
          Date.UTC(2025, 2, 29),
          Date.UTC(2025, 9, 25),
          Date.UTC(2025, 10, 1),
          Date.UTC(2025, 3, 5),
          Date.UTC(2025, 8, 27),
        ),
        fc.array(fc.integer({ min: 0, max: 3 * dayMs - 1 }), { minLength: 50, maxLength: 300 }),
        (timeZone, weekendMs, offsetsMs) => {
          assertSameHour(
            timeZone,
            isoDate(weekendMs + dayMs),
            offsetsMs.map((offsetMs) => weekendMs + offsetMs),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random instants 1900–2199 in zones with half-hour, 45-minute and LMT offsets', () => {
    fc.assert(
      fc.property(
        arbitraryCase(oddZones, Date.UTC(1900, 0, 1), Date.UTC(2199, 11, 31)),
        ({ timeZone, epochMs, dayShift }) => {
          assertSameHour(timeZone, isoDate(epochMs + dayShift * dayMs), [epochMs]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('instants before 1900 and after 2199 (asked of Intl per instant)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          arbitraryCase([...dstZones, ...oddZones], Date.UTC(1800, 0, 1), Date.UTC(1900, 0, 3)),
          arbitraryCase(dstZones, Date.UTC(2199, 11, 29), Date.UTC(2300, 0, 1)),
        ),
        ({ timeZone, epochMs, dayShift }) => {
          assertSameHour(timeZone, isoDate(epochMs + dayShift * dayMs), [epochMs]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('makeBusinessHourOfEpoch at every offset transition of 2023–2026', () => {
  for (const timeZone of [...dstZones, ...oddZones]) {
    it(`${timeZone}: every minute (and its last second) from 3 h before to 3 h after each transition`, () => {
      const found = transitions(timeZone, Date.UTC(2023, 0, 1), Date.UTC(2027, 0, 1));
      if (timeZone !== 'Asia/Tokyo' && timeZone !== 'Asia/Kolkata' && timeZone !== 'Asia/Kathmandu')
        assert.ok(found.length >= 6, `${timeZone}: ${found.length} transitions`);
      for (const transitionMs of found) {
        const instants: number[] = [];
        for (
          let epochMs = transitionMs - 3 * hourMs;
          epochMs <= transitionMs + 3 * hourMs;
          epochMs += 60_000
        )
          instants.push(epochMs, epochMs + 59_999);
        for (const dayShift of [-1, 0, 1])
          assertSameHour(timeZone, isoDate(transitionMs + dayShift * dayMs), instants);
      }
    });
  }
});

describe('makeBusinessHourOf on instants written with any offset', () => {
  it('equals the definition on the parsed instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dstZones),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2060, 0, 1) / 1000 }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        (timeZone, epochSeconds, quarterHours) => {
          const epochMs = epochSeconds * 1000;
          const offsetMinutes = quarterHours * 15;
          const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const magnitude = Math.abs(offsetMinutes);
          const instant = `${local}${sign}${String(Math.floor(magnitude / 60)).padStart(2, '0')}:${String(magnitude % 60).padStart(2, '0')}`;
          const businessDate = isoDate(epochMs);
          assert.equal(
            makeBusinessHourOf(timeZone, businessDate)(instant),
            businessHourByIntl(timeZone, businessDate)(epochMs),
            instant,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
