// Mappings and days for the posting tests. Ids look like a freee company's: tax codes as freee's
// (129 課税売上10%, 156 課税売上8%（軽）, 23 非課売上, 2 対象外), account items 9xx, items 2xx,
// partners 3xx. Defaults are kept where they share an account: 雑収入 serves both 金券等差額 and
// 過剰, 仮受金 both 金券等釣り and レジ入金, so the checkers' shared-account path is exercised.
import fc from 'fast-check';
import type { PostingMappings } from '../../../src/domain/posting/mappings.js';
import type { Checkout, DrawerEvent } from '../../../src/domain/ledger/types.js';
import type { RoundingMode } from '../../../src/domain/money/rounding-mode.js';
import { buildDailyReport } from '../../../src/domain/report/build-daily-report.js';
import type { DailyReport } from '../../../src/domain/report/types.js';
import { arbitraryDay } from './arbitraries.js';
import { reportInput, testBusinessDate, testPaymentMethods, testStore } from './fixtures.js';

export const account = {
  sales: 901,
  receivable: 902,
  nonSales: 903,
  zatsuShunyu: 904,
  zatsuSonshitsu: 905,
  kariuke: 906,
  karibarai: 907,
} as const;

export const testMappings: PostingMappings = {
  store: {
    storeCode: testStore.code,
    companyId: 1,
    sectionId: 11,
    cashWalletable: { type: 'wallet', id: 51 },
  },
  accounts: {
    sales: account.sales,
    receivable: account.receivable,
    nonSales: account.nonSales,
    cashOver: account.zatsuShunyu,
    cashShort: account.zatsuSonshitsu,
    voucherShortfall: account.zatsuShunyu,
    voucherChange: account.kariuke,
    drawerIn: account.kariuke,
    drawerOut: account.karibarai,
  },
  taxCodes: { standard10: 129, reduced8: 156, exempt: 23, outOfScope: 2 },
  methods: {
    cash: { itemId: 201, partnerId: null, schedule: null },
    credit: {
      itemId: 202,
      partnerId: 301,
      schedule: { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 15 },
    },
    giftNoChange: {
      itemId: 203,
      partnerId: 302,
      schedule: { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 'end' },
    },
    giftChange: {
      itemId: 204,
      partnerId: 302,
      schedule: { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 'end' },
    },
    paypay: { itemId: 205, partnerId: 303, schedule: { kind: 'daysAfter', bankingDays: 3 } },
  },
};

export const postingContext = { paymentMethods: testPaymentMethods };
export const setup = { mappings: testMappings, paymentMethods: testPaymentMethods };

/** Due dates of a sale on 2025-01-10 (Fri) under testMappings. */
export const dueOn20250110 = {
  credit: '2025-02-17', // 1/31 cut-off → 2/15 (Sat) → Mon 2/17
  gift: '2025-02-28', // 1/31 cut-off → 2/28 (Fri)
  paypay: '2025-01-16', // 3 banking days after Fri 1/10: Tue 1/14 (1/13 成人の日), Wed 1/15, Thu 1/16
};

export function drawerEvent(
  type: 'cashIn' | 'cashOut',
  amount: number,
  id = `${type}-${amount}`,
): DrawerEvent {
  return {
    id,
    type,
    storeCode: testStore.code,
    registerCode: '01',
    businessDate: testBusinessDate,
    at: '2025-01-10T09:00:00+09:00',
    amount,
  };
}

/** The day's 日報 closed with `float` and `countedCash`. */
export function closedReport(
  checkouts: readonly Checkout[],
  close: { float: number; countedCash: number },
  extra: { drawerEvents?: DrawerEvent[]; roundingMode?: RoundingMode } = {},
): DailyReport {
  return buildDailyReport(
    reportInput(checkouts, {
      drawerEvents: extra.drawerEvents ?? [],
      roundingMode: extra.roundingMode ?? 'floor',
      close: { storeCode: testStore.code, businessDate: testBusinessDate, ...close },
    }),
  );
}

/** Any valid closed day: checkouts of every status, drawer money in and out, counted cash over, short or exact. */
export const arbitraryClosedReport: fc.Arbitrary<DailyReport> = fc
  .record({
    day: arbitraryDay(10),
    cashIns: fc.array(fc.integer({ min: 1, max: 20_000 }), { maxLength: 2 }),
    cashOuts: fc.array(fc.integer({ min: 1, max: 20_000 }), { maxLength: 2 }),
    float: fc.integer({ min: 0, max: 50_000 }),
    differenceYen: fc.oneof(fc.constant(0), fc.integer({ min: -5_000, max: 5_000 })),
  })
  .map(({ day, cashIns, cashOuts, float, differenceYen }) => {
    const drawerEvents = [
      ...cashIns.map((amount, index) => drawerEvent('cashIn', amount, `in-${index}`)),
      ...cashOuts.map((amount, index) => drawerEvent('cashOut', amount, `out-${index}`)),
    ];
    const open = closedReport(
      day.checkouts,
      { float, countedCash: float },
      { drawerEvents, roundingMode: day.roundingMode },
    );
    const expected = open.cash?.expected ?? float;
    return closedReport(
      day.checkouts,
      { float, countedCash: expected + differenceYen },
      { drawerEvents, roundingMode: day.roundingMode },
    );
  });
