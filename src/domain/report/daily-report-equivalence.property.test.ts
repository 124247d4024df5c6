// Goal: the one-pass engine (day-figures.ts, checkout-figures.ts, the cached hour) gives exactly the
// report of the per-row helpers it replaced: the same JSON text (figures, key order, −0 told from 0)
// and, for a day it cannot price, the same error. Method: fast-check over generated days of every
// status in several zones and hourly windows, with drawer events, a close, unsent checkouts,
// repeated ids, other stores' checkouts, and now and then one broken checkout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Checkout, DrawerEvent } from '../ledger/types.js';
import { buildDailyReport, type BuildDailyReportInput } from './build-daily-report.js';
import { arbitraryDay } from '../../../test/support/domain/arbitraries.js';
import { reportInput, testBusinessDate } from '../../../test/support/domain/fixtures.js';
import { referenceDailyReport } from '../../../test/support/domain/reference-report.js';

function outcome(
  build: (input: BuildDailyReportInput) => unknown,
  input: BuildDailyReportInput,
): { json?: string; error?: string } {
  try {
    return {
      json: JSON.stringify(build(input), (_key, value: unknown) =>
        Object.is(value, -0) ? '-0' : value,
      ),
    };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

const arbitraryInput = fc.record({
  day: arbitraryDay(16),
  timeZone: fc.constantFrom(
    'Asia/Tokyo',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'UTC',
  ),
  window: fc.record({
    startHour: fc.integer({ min: 0, max: 23 }),
    endHour: fc.integer({ min: 0, max: 29 }),
  }),
  drawer: fc.array(
    fc.record({
      type: fc.constantFrom('cashIn' as const, 'cashOut' as const),
      amount: fc.integer({ min: 1, max: 50_000 }),
    }),
    { maxLength: 3 },
  ),
  close: fc.option(
    fc.record({
      float: fc.integer({ min: 0, max: 50_000 }),
      countedCash: fc.integer({ min: 0, max: 500_000 }),
    }),
  ),
  unsentCount: fc.integer({ min: 0, max: 3 }),
  repeat: fc.boolean(),
  broken: fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<(each: Checkout) => Checkout>(
        (each) => ({ ...each, payments: [...each.payments, { method: 'bitcoin', amount: 1 }] }),
        (each) => ({
          ...each,
          lines: [{ name: 'x', quantity: 0, unitPrice: 1, taxCategory: 'standard10' }],
        }),
        (each) => ({
          ...each,
          completedAt: each.status === 'completed' ? null : '2025-01-10T12:00:00+09:00',
        }),
      ),
    },
  ),
});

describe('buildDailyReport equals the per-row reference (properties)', () => {
  it('the same JSON, or the same error, for any day', () => {
    fc.assert(
      fc.property(
        arbitraryInput,
        ({ day, timeZone, window, drawer, close, unsentCount, repeat, broken }) => {
          let checkouts: Checkout[] = day.checkouts;
          if (repeat && checkouts[0] !== undefined)
            checkouts = [...checkouts, { ...checkouts[0], revision: 2, status: 'cancelled' }];
          if (checkouts[1] !== undefined)
            checkouts = [...checkouts, { ...checkouts[1], id: 'other-store', storeCode: '0002' }];
          if (broken !== null && checkouts.length > 0)
            checkouts = checkouts.map((each, index) =>
              index === checkouts.length >> 1 ? broken(each) : each,
            );
          const drawerEvents: DrawerEvent[] = drawer.map((event, index) => ({
            id: `d-${index}`,
            type: event.type,
            storeCode: '0001',
            registerCode: '01',
            businessDate: testBusinessDate,
            at: '2025-01-10T10:00:00+09:00',
            amount: event.amount,
          }));
          const input = reportInput(checkouts, {
            store: { code: '0001', name: '店舗0001', timeZone },
            roundingMode: day.roundingMode,
            drawerEvents,
            close:
              close === null
                ? null
                : { storeCode: '0001', businessDate: testBusinessDate, ...close },
            settings: {
              title: '日報',
              hourly: { enabled: true, ...window },
              taxBreakdown: { sales: true, paymentMethods: true },
            },
            unsent:
              unsentCount === 0
                ? null
                : day.checkouts
                    .slice(0, unsentCount)
                    .map((each) => ({ ...each, id: `u-${each.id}` })),
          });
          assert.deepEqual(outcome(buildDailyReport, input), outcome(referenceDailyReport, input));
        },
      ),
      { numRuns: 500 },
    );
  });
});
