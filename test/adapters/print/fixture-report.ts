// A fixed business day, worked out by hand from shared/spec/daily-report.md (inclusive prices,
// floor rounding). Store カフェ・ウリアゲ 渋谷店, 2026-08-24 (月), times in +09:00.
//
//  #  done   lines (tax category: gross)            payments                      T      tax10 tax8
//  1  10:12  §5 worked example: 10% 904, 8% 976     credit 1000 + cash 1000       1,880  82    72
//            (line discount ¥100, order discount ¥200; cash total 880)
//  2  11:05  §4 case 1: 10% 1000, 8% 1000, 売上外 700 cash 3000 (change 300)       2,700  90    74
//  3  12:40  §4 case 2: 10% 300                      no-change voucher 500         300    27    -
//            (金券等差額 200)
//  4  13:15  §4 case 3: 10% 600                      change voucher 1000           600    54    -
//            (金券等釣り 400, cash total -400)
//  5  14:22  8% 2 × 432                              PayPay 864                    864    -     64
//  6  15:48  return: 10% -1 × 1100                   cash -1100 (返金)             -1,100 -100  -
//  7  18:30  10% 1650, 8% 540 (redo of a ¥2,190 one) cash 3000 (change 810)       2,190  150   40
//  8  00:35+ 10% 3 × 1100 (hour 24 of the day)       credit 3300                   3,300  300   -
//  Not counted in sales: cancelled ¥550, redone ¥2,190, aborted ¥1,200.
//
// Matrix (理論値) per method: credit 10% 481+3300, 8% 519; cash 10% 423+1000-1100+1650,
// 8% 457+1000+540, 売上外 700; PayPay 8% 864; 商品券(お釣り無し) 10% 300; 商品券(お釣り有り) 10% 600.
// Drawer: float 30,000, レジ入金 5,000, レジ出金 1,200; expected 30,000 + 4,270 + 5,000 - 1,200.
import type { DailyReport, ReportSettings } from '../../../src/domain/report/types.js';

export function fixtureReport(): DailyReport {
  return {
    storeCode: 'shibuya',
    storeName: 'カフェ・ウリアゲ 渋谷店',
    businessDate: '2026-08-24',
    title: '日報',
    printedAt: '2026-08-25T01:05:00+09:00',
    salesTotal: 10_734,
    sales: 10_034,
    netSales: 9_181,
    tax: 853,
    nonSalesIncome: 700,
    cashIn: { count: 1, amount: 5_000 },
    cashOut: { count: 1, amount: 1_200 },
    checkoutCount: 8,
    customerCount: 10,
    itemCount: 14,
    paymentMethods: [
      { code: 'cash', name: '現金', count: 4, amount: 4_270 },
      { code: 'credit', name: 'クレジット', count: 2, amount: 4_300 },
      { code: 'paypay', name: 'PayPay', count: 1, amount: 864 },
      { code: 'giftNoChange', name: '商品券(お釣り無し)', count: 1, amount: 500 },
      { code: 'giftChange', name: '商品券(お釣り有り)', count: 1, amount: 1_000 },
    ],
    voucherShortfall: { count: 1, amount: 200 },
    voucherChange: { count: 1, amount: 400 },
    lineDiscounts: { count: 1, amount: 100 },
    orderDiscounts: { count: 1, amount: 200 },
    cancelled: { count: 1, amount: 550 },
    redone: { count: 1, amount: 2_190 },
    aborted: { count: 1, amount: 1_200 },
    returns: { checkoutCount: 1, itemCount: 1, amount: 1_100 },
    refunds: { checkoutCount: 1, paymentCount: 1, amount: 1_100 },
    lastCheckoutAt: '2026-08-25T00:35:12+09:00',
    hourly: [
      { hour: 10, salesTotal: 1_880, checkoutCount: 1, customerCount: 2, itemCount: 3 },
      { hour: 11, salesTotal: 2_700, checkoutCount: 1, customerCount: 1, itemCount: 3 },
      { hour: 12, salesTotal: 300, checkoutCount: 1, customerCount: 1, itemCount: 1 },
      { hour: 13, salesTotal: 600, checkoutCount: 1, customerCount: 1, itemCount: 1 },
      { hour: 14, salesTotal: 864, checkoutCount: 1, customerCount: 1, itemCount: 2 },
      { hour: 15, salesTotal: -1_100, checkoutCount: 1, customerCount: 1, itemCount: -1 },
      { hour: 18, salesTotal: 2_190, checkoutCount: 1, customerCount: 1, itemCount: 2 },
      { hour: 24, salesTotal: 3_300, checkoutCount: 1, customerCount: 2, itemCount: 3 },
    ],
    byTaxRate: {
      sales: [
        { taxCategory: 'standard10', sales: 6_654, tax: 603, netSales: 6_051 },
        { taxCategory: 'reduced8', sales: 3_380, tax: 250, netSales: 3_130 },
        { taxCategory: 'exempt', sales: 0, tax: 0, netSales: 0 },
      ],
      paymentMethods: [
        {
          code: 'cash',
          byTaxCategory: { standard10: 1_973, reduced8: 1_997, exempt: 0, nonSales: 700 },
        },
        {
          code: 'credit',
          byTaxCategory: { standard10: 3_781, reduced8: 519, exempt: 0, nonSales: 0 },
        },
        { code: 'paypay', byTaxCategory: { standard10: 0, reduced8: 864, exempt: 0, nonSales: 0 } },
        {
          code: 'giftNoChange',
          byTaxCategory: { standard10: 300, reduced8: 0, exempt: 0, nonSales: 0 },
        },
        {
          code: 'giftChange',
          byTaxCategory: { standard10: 600, reduced8: 0, exempt: 0, nonSales: 0 },
        },
      ],
    },
    cash: { float: 30_000, expected: 38_070, counted: 38_050, difference: -20 },
    unsent: {
      pending: { count: 1, amount: 880 },
      completed: { count: 0, amount: 0 },
      cancelled: { count: 0, amount: 0 },
      redone: { count: 0, amount: 0 },
      aborted: { count: 0, amount: 0 },
    },
  } as DailyReport; // amounts are literals, not checked Yen
}

/** The store opens at 10 and closes after midnight: 10時 to 25時 (= 1 a.m. the next morning). */
export function fixtureSettings(): ReportSettings {
  return {
    title: '日報',
    hourly: { enabled: true, startHour: 10, endHour: 25 },
    taxBreakdown: { sales: true, paymentMethods: true },
  };
}
