// Goal: an instant is an ISO 8601 date-time WITH an offset; anything else names no instant.
// Method: a table of accepted and refused texts, and a property that every Date written by
// toISOString (Z) or with a ±hh:mm offset reads back to its epoch milliseconds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { instantMs } from './instant.js';

describe('instantMs', () => {
  it('reads instants with an offset', () => {
    assert.equal(instantMs('2025-01-10T12:00:00+09:00'), Date.UTC(2025, 0, 10, 3));
    assert.equal(instantMs('2025-01-10T03:00Z'), Date.UTC(2025, 0, 10, 3));
    assert.equal(instantMs('2025-01-10T03:00:00.123456789Z'), Date.UTC(2025, 0, 10, 3, 0, 0, 123));
  });
  it('refuses texts without an offset or that are not date-times', () => {
    for (const text of ['2025-01-10T12:00:00', '2025-01-10', '2025-01-10 12:00:00Z', 'soon', ''])
      assert.equal(instantMs(text), null, text);
  });
  it('round-trips any Date written with Z or an offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (epochMs, offsetMinutes) => {
          assert.equal(instantMs(new Date(epochMs).toISOString()), epochMs);
          const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const absolute = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
          assert.equal(instantMs(`${local}${offset}`), epochMs);
        },
      ),
    );
  });
});
