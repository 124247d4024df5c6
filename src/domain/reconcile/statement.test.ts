// Goal: re-reading a statement (the same file twice, overlapping periods) gives the same keys, so
// no line is stored twice, while two equal deposits on one day stay two. Method: table cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentKeys, newLines } from './statement.js';
import { deposit } from './test-data.js';

describe('statement keys', () => {
  const day = [deposit(1, 1_000, 'ｱ'), deposit(2, 1_000, 'ｱ'), deposit(3, 2_000, 'ｲ')];
  it('two equal lines of one day get two keys; reading again gives the same keys', () => {
    const keys = contentKeys(day, 'csv').map((l) => l.key);
    assert.equal(new Set(keys).size, 3);
    assert.deepEqual(
      contentKeys(day, 'csv').map((l) => l.key),
      keys,
    );
  });
  it('an overlapping import adds only the lines not seen', () => {
    const first = contentKeys(day.slice(0, 2), 'csv');
    const second = contentKeys(day, 'csv');
    const known = new Set(first.map((l) => l.key));
    assert.deepEqual(
      newLines(known, second).map((l) => l.payerName),
      ['ｲ'],
    );
    assert.equal(newLines(new Set(second.map((l) => l.key)), second).length, 0);
  });
});
