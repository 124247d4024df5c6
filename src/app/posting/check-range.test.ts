// Goal: a posting range names real calendar dates: 2025-02-31 is refused (it used to roll over
// into March), as are reversed and over-long ranges; a valid range lists every day.
// Method: checkRange on a small table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors.js';
import { checkRange, postingRangeDaysMax } from './requests.js';

const codesOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError)
      return error.fields.map((field) => `${field.path}:${field.code}`);
    throw error;
  }
  return [];
};

describe('checkRange', () => {
  it('lists every day of a valid range', () =>
    assert.deepEqual(checkRange('2024-02-28', '2024-03-01'), [
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]));
  it('refuses impossible dates', () => {
    assert.deepEqual(
      codesOf(() => checkRange('2025-02-31', '2025-03-02')),
      ['from:business_date_invalid'],
    );
    assert.deepEqual(
      codesOf(() => checkRange('2025-02-01', '2025-02-29')),
      ['to:business_date_invalid'],
    );
  });
  it('refuses reversed and too long ranges', () => {
    assert.deepEqual(
      codesOf(() => checkRange('2025-03-02', '2025-03-01')),
      ['to:range_reversed'],
    );
    assert.equal(postingRangeDaysMax, 92);
    assert.deepEqual(
      codesOf(() => checkRange('2025-01-01', '2025-12-31')),
      ['to:range_too_long'],
    );
  });
});
