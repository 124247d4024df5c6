// Goal: entry keys and ref_numbers are stable, unique per store-day and map back (the job finds its
// deals among freee's after an ambiguous failure). Method: table of keys, round trips, refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  entryKey,
  familyKeyOf,
  keyOfRefNumber,
  parseEntryKey,
  refNumberLengthMax,
  refNumberOf,
  refScopeOf,
} from './entry-keys.js';
import { PostingMappingError, RefNumberTooLongError } from './errors.js';

describe('entry keys and ref_numbers', () => {
  const table: [string, string][] = [
    ['method:cash', 'URG-0001-20250110-cash'],
    ['method:giftNoChange', 'URG-0001-20250110-giftNoChange'],
    ['method:credit#2', 'URG-0001-20250110-credit#2'],
    ['method:credit~a1', 'URG-0001-20250110-credit~a1'],
    ['method:credit#2~a12', 'URG-0001-20250110-credit#2~a12'],
  ];
  for (const [key, ref] of table) {
    it(`${key} ⇄ ${ref}`, () => {
      assert.equal(refNumberOf('0001', '2025-01-10', key), ref);
      assert.equal(keyOfRefNumber('0001', '2025-01-10', ref), key);
    });
  }

  it('parses and rebuilds; the family of an adjusting deal is its entry', () => {
    assert.deepEqual(parseEntryKey('method:credit#2~a3'), {
      methodCode: 'credit',
      part: 2,
      adjustment: 3,
    });
    assert.equal(entryKey({ methodCode: 'credit', part: 2, adjustment: 3 }), 'method:credit#2~a3');
    assert.equal(familyKeyOf('method:credit#2~a3'), 'method:credit#2');
  });

  it('refs of another store or day, or not ours, map to null', () => {
    assert.equal(keyOfRefNumber('0002', '2025-01-10', 'URG-0001-20250110-cash'), null);
    assert.equal(keyOfRefNumber('0001', '2025-01-11', 'URG-0001-20250110-cash'), null);
    assert.equal(keyOfRefNumber('0001', '2025-01-10', 'INV-123'), null);
    assert.equal(keyOfRefNumber('0001', '2025-01-10', null), null);
    assert.equal(parseEntryKey('method:credit#1'), null);
  });

  it('refuses method codes that would make refs ambiguous, and refs over the length limit', () => {
    assert.throws(
      () => entryKey({ methodCode: 'gift card', part: 1, adjustment: 0 }),
      PostingMappingError,
    );
    assert.throws(
      () => entryKey({ methodCode: 'a~a1', part: 1, adjustment: 0 }),
      PostingMappingError,
    );
    assert.throws(
      () => refNumberOf('0001', '2025-01-10', `method:${'x'.repeat(refNumberLengthMax)}`),
      RefNumberTooLongError,
    );
  });
  it('ref_numbers carry the company: two companies with store 0001 never recognise each other', () => {
    const a = refScopeOf('a', '0001', false);
    const b = refScopeOf('b', '0001', false);
    assert.equal(a, 'a.0001');
    assert.equal(refScopeOf('a', '0001', true), '0001', 'a legacy store keeps URG-<store>-…');
    const ref = refNumberOf(a, '2025-01-10', 'method:credit');
    assert.equal(ref, 'URG-a.0001-20250110-credit');
    assert.equal(keyOfRefNumber(a, '2025-01-10', ref), 'method:credit');
    assert.equal(keyOfRefNumber(b, '2025-01-10', ref), null);
    assert.equal(keyOfRefNumber('0001', '2025-01-10', ref), null);
    assert.equal(keyOfRefNumber(a, '2025-01-10', 'URG-0001-20250110-credit'), null);
  });
});
