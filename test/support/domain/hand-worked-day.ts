// One hand-worked business day (store 0001, 2025-01-10, Asia/Tokyo, floor rounding) that touches
// every figure of spec §3. The expected values are worked out by hand in the comments and in
// daily-report-rows.test.ts; they are NOT computed by the code under test.
//
// c01 12:01 §5 worked example: T 1880; S 904/976, tax 82/72; credit 1000, cash 880; matrix 481/519, 423/457
// c02 13:10 §4 case 1: 10% 1000 + 8% 1000 + nonSales 700, cash 3000 (change 300): T 2700; tax 90/74
// c03 13:45 §4 case 2: 10% 300, giftNoChange 500: T 300, tax 27, short 200
// c04 18:20 §4 case 3 B: 10% 600, giftChange 1000: T 600, tax 54, vchange 400 (cash −400)
// c05 01:15 next day (hour 25): return 8% −540 + exempt 300, cash −240: T −240, tax −40
// c06 12:30 exclusive: 10% 2×500 −50, 8% 200 +20 (値上げ), order surcharge −30: T 1315, tax 97/18;
//           paypay 1000, cash 500 (change 185): matrix 814/186, 257/58
// c07 cancelled 10% 1000 (T 1000); c08 redone 10% 500 (T 500); c09 (redoes c08) 06:05Z = 15:05 JST:
//           10% 450 paid cash 500: T 450, tax 40
// c10 aborted 8% 2×100 (T 200); c11 pending exempt 100; c12 another business date; c13 another store
import type { Checkout, DayClose, DrawerEvent } from '../../../src/domain/ledger/types.js';
import type { BuildDailyReportInput } from '../../../src/domain/report/build-daily-report.js';
import { checkout, line, pay, reportInput } from './fixtures.js';

const at = (time: string): string => `2025-01-10T${time}+09:00`;

export const handWorkedCheckouts: Checkout[] = [
  checkout({
    id: 'c01',
    completedAt: at('12:01:30'),
    customerCount: 2,
    lines: [line(2, 540, 'reduced8'), line(1, 1100, 'standard10', 100)],
    orderDiscount: 200,
    payments: [pay('credit', 1000), pay('cash', 1000)],
  }),
  checkout({
    id: 'c02',
    completedAt: at('13:10:00'),
    lines: [line(1, 1000, 'standard10'), line(1, 1000, 'reduced8'), line(1, 700, 'nonSales')],
    payments: [pay('cash', 3000)],
  }),
  checkout({
    id: 'c03',
    completedAt: at('13:45:00'),
    lines: [line(1, 300, 'standard10')],
    payments: [pay('giftNoChange', 500)],
  }),
  checkout({
    id: 'c04',
    completedAt: at('18:20:00'),
    lines: [line(1, 600, 'standard10')],
    payments: [pay('giftChange', 1000)],
  }),
  checkout({
    id: 'c05',
    completedAt: '2025-01-11T01:15:00+09:00',
    lines: [line(-1, 540, 'reduced8'), line(1, 300, 'exempt')],
    payments: [pay('cash', -240)],
  }),
  checkout({
    id: 'c06',
    completedAt: at('12:30:00'),
    customerCount: 3,
    priceMode: 'exclusive',
    lines: [line(2, 500, 'standard10', 50), line(1, 200, 'reduced8', -20)],
    orderDiscount: -30,
    payments: [pay('paypay', 1000), pay('cash', 500)],
  }),
  checkout({
    id: 'c07',
    status: 'cancelled',
    completedAt: at('14:00:00'),
    lines: [line(1, 1000, 'standard10')],
    payments: [pay('cash', 1000)],
  }),
  checkout({
    id: 'c08',
    status: 'redone',
    completedAt: at('14:30:00'),
    lines: [line(1, 500, 'standard10')],
    payments: [pay('cash', 500)],
  }),
  checkout({
    id: 'c09',
    redoes: 'c08',
    completedAt: '2025-01-10T06:05:00Z',
    lines: [line(1, 450, 'standard10')],
    payments: [pay('cash', 500)],
  }),
  checkout({ id: 'c10', status: 'aborted', completedAt: null, lines: [line(2, 100, 'reduced8')] }),
  checkout({ id: 'c11', status: 'pending', completedAt: null, lines: [line(1, 100, 'exempt')] }),
  checkout({
    id: 'c12',
    businessDate: '2025-01-09',
    completedAt: '2025-01-09T12:00:00+09:00',
    lines: [line(1, 9999, 'standard10')],
    payments: [pay('cash', 9999)],
  }),
  checkout({
    id: 'c13',
    storeCode: '0002',
    lines: [line(1, 7777, 'standard10')],
    payments: [pay('cash', 7777)],
  }),
];

const drawerEvent = (
  id: string,
  type: DrawerEvent['type'],
  amount: number,
  businessDate = '2025-01-10',
): DrawerEvent => ({
  id,
  type,
  amount,
  businessDate,
  storeCode: '0001',
  registerCode: '01',
  at: `${businessDate}T09:00:00+09:00`,
});

export const handWorkedDrawer: DrawerEvent[] = [
  drawerEvent('d1', 'cashIn', 5000),
  drawerEvent('d2', 'cashIn', 1000),
  drawerEvent('d3', 'cashOut', 2000),
  drawerEvent('d4', 'cashOut', 3000, '2025-01-09'),
];

export const handWorkedClose: DayClose = {
  storeCode: '0001',
  businessDate: '2025-01-10',
  float: 30000,
  countedCash: 37700,
};

export const handWorkedUnsent: Checkout[] = [
  checkout({ id: 'u1', status: 'pending', completedAt: null, lines: [line(1, 100, 'exempt')] }),
  checkout({ id: 'u2', status: 'pending', completedAt: null, lines: [line(2, 100, 'reduced8')] }),
  checkout({ id: 'u3', lines: [line(1, 330, 'standard10')], payments: [pay('cash', 500)] }),
];

export function handWorkedInput(extra: Partial<BuildDailyReportInput> = {}): BuildDailyReportInput {
  return reportInput(handWorkedCheckouts, {
    drawerEvents: handWorkedDrawer,
    close: handWorkedClose,
    settings: {
      title: '日報',
      hourly: { enabled: true, startHour: 10, endHour: 22 },
      taxBreakdown: { sales: true, paymentMethods: true },
    },
    unsent: handWorkedUnsent,
    ...extra,
  });
}
