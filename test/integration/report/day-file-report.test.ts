// Goal: the report of a day file equals the engine's report of the same data, the file's latest close
// of the store-day counts, and every wrong field is named (checkouts[i]…, drawer[i]…).
// Method: the hand-worked day (test/domain/report/hand-worked-day.ts) as a day file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../src/app/errors.js';
import { reportFromDayFile } from '../../../src/app/report/day-file-report.js';
import { expectedHandWorkedReport, handWorkedDayFile } from '../../adapters/report/support.js';

const now = new Date('2025-01-10T17:00:00Z');
const query = { storeCode: '0001', businessDate: '2025-01-10', now };

describe('reportFromDayFile', () => {
  it('is the engine report, printedAt in the store offset, default settings', () => {
    const view = reportFromDayFile(handWorkedDayFile('demo'), query);
    assert.deepEqual(view.report, expectedHandWorkedReport('2025-01-11T02:00:00+09:00'));
    assert.equal(view.settings.title, '日報');
  });

  it('takes the last close listed for the store-day', () => {
    const file = handWorkedDayFile('demo') as { closes: unknown[] };
    file.closes.push({
      storeCode: '0001',
      businessDate: '2025-01-10',
      float: 30000,
      countedCash: 37705,
    });
    assert.equal(reportFromDayFile(file, query).report.cash?.difference, 0);
  });

  it('names every wrong field and builds nothing', () => {
    const file = handWorkedDayFile('demo') as {
      checkouts: Record<string, unknown>[];
      drawer: Record<string, unknown>[];
    };
    file.checkouts[2] = { ...file.checkouts[2], customerCount: -1, colour: 'red' };
    file.drawer[1] = { ...file.drawer[1], amount: 0 };
    try {
      reportFromDayFile(file, query);
      assert.fail('expected a validation error');
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.deepEqual(error.fields.map((f) => f.path).sort(), [
        'checkouts[2].colour',
        'checkouts[2].customerCount',
        'drawer[1].amount',
      ]);
    }
  });

  it('a store missing from the file is not found; a bad date names `date`', () => {
    assert.throws(
      () => reportFromDayFile(handWorkedDayFile('demo'), { ...query, storeCode: '0009' }),
      { code: 'not_found' },
    );
    assert.throws(
      () => reportFromDayFile(handWorkedDayFile('demo'), { ...query, businessDate: '2025-02-30' }),
      (error: AppError) => error.fields[0]?.path === 'date',
    );
  });
});
