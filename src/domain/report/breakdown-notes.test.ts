// Goal: each of seed 002's three cases gets its note with the right amount, and the per-method
// differences add up (method total − sales by tax rate); a day without them gets no note.
// Method: the spec §4 days through buildDailyReport, then breakdownNotes / methodDifferences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDailyReport } from './build-daily-report.js';
import { breakdownNotes, methodDifferences } from './breakdown-notes.js';
import { businessDayHours } from './hourly.js';
import { defaultReportSettings } from './types.js';
import { checkout, line, pay, reportInput } from '../../../test/support/domain/fixtures.js';

const notesOf = (report: ReturnType<typeof buildDailyReport>) =>
  breakdownNotes(report).map((n) => [n.cause, n.amount]);

describe('breakdown notes (spec §4, seed 002)', () => {
  it('1. 売上外 ¥700', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({
          id: 'a',
          lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8'), line(1, 700, 'nonSales')],
          payments: [pay('cash', 2700)],
        }),
      ]),
    );
    assert.deepEqual(notesOf(report), [['nonSales', 700]]);
    assert.match(breakdownNotes(report)[0]?.explanation ?? '', /¥700/);
    const [cash] = methodDifferences(report);
    assert.deepEqual(
      [cash?.code, cash?.methodTotal, cash?.salesByTaxRate, cash?.difference, cash?.nonSales],
      ['cash', 2700, 2000, 700, 700],
    );
  });
  it('2. 金券等差額 ¥200 (and ¥500 over two checkouts)', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({
          id: 'a',
          lines: [line(1, 300, 'standard10')],
          payments: [pay('giftNoChange', 500)],
        }),
        checkout({
          id: 'b',
          lines: [line(1, 700, 'standard10')],
          payments: [pay('giftNoChange', 1000)],
        }),
      ]),
    );
    assert.deepEqual(notesOf(report), [['voucherShortfall', 500]]);
    assert.deepEqual(
      methodDifferences(report).map((d) => [d.code, d.difference]),
      [['giftNoChange', 500]],
    );
  });
  it('3. 金券等釣り ¥400: cash −¥400, the voucher +¥400', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({
          id: 'A',
          lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8')],
          payments: [pay('cash', 2000)],
        }),
        checkout({
          id: 'B',
          lines: [line(1, 600, 'standard10')],
          payments: [pay('giftChange', 1000)],
        }),
      ]),
    );
    assert.deepEqual(notesOf(report), [['voucherChange', 400]]);
    assert.deepEqual(
      methodDifferences(report).map((d) => [d.code, d.difference]),
      [
        ['cash', -400],
        ['giftChange', 400],
      ],
    );
  });
  it('a plain day: no note, no difference', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({ id: 'a', lines: [line(1, 1000, 'standard10')], payments: [pay('cash', 1000)] }),
      ]),
    );
    assert.deepEqual([breakdownNotes(report), methodDifferences(report)], [[], []]);
  });
});

describe('businessDayHours: the default window covers a sale after midnight', () => {
  it('a 00:30 sale of the business day (hour 24) extends 0–23 to 0–24', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({
          id: 'late',
          completedAt: '2025-01-11T00:30:00+09:00',
          lines: [line(1, 1000, 'standard10')],
          payments: [pay('cash', 1000)],
        }),
      ]),
    );
    const hours = businessDayHours(defaultReportSettings.hourly, report.hourly);
    assert.deepEqual([hours.startHour, hours.endHour], [0, 24]);
    const printed = report.hourly.filter(
      (h) => h.hour >= hours.startHour && h.hour <= hours.endHour,
    );
    assert.equal(
      printed.reduce((sum, h) => sum + h.salesTotal, 0),
      report.salesTotal,
    );
  });
  it('a day within 0–23 keeps 0–23', () => {
    const report = buildDailyReport(
      reportInput([
        checkout({ id: 'a', lines: [line(1, 100, 'standard10')], payments: [pay('cash', 100)] }),
      ]),
    );
    assert.equal(businessDayHours(defaultReportSettings.hourly, report.hourly).endHour, 23);
  });
});
