// Small builders for hand-written checkouts and days in domain tests (shared by the table tests,
// the property tests and arbitraries.ts). The payment methods are those of example-day.json
// plus a QR method, in a fixed configured order.
import { indexPaymentMethods } from '../../../src/domain/ledger/payment-methods.js';
import type {
  Checkout,
  CheckoutLine,
  Payment,
  PaymentMethod,
  TaxCategory,
} from '../../../src/domain/ledger/types.js';
import type { BuildDailyReportInput } from '../../../src/domain/report/build-daily-report.js';
import { defaultReportSettings } from '../../../src/domain/report/types.js';

export const testPaymentMethods: readonly PaymentMethod[] = [
  { code: 'cash', name: '現金', kind: 'cash', givesChange: true, settlement: 'settled' },
  { code: 'credit', name: 'クレジット', kind: 'card', givesChange: false, settlement: 'unsettled' },
  {
    code: 'giftNoChange',
    name: '商品券(お釣り無し)',
    kind: 'voucher',
    givesChange: false,
    settlement: 'unsettled',
  },
  {
    code: 'giftChange',
    name: '商品券(お釣り有り)',
    kind: 'voucher',
    givesChange: true,
    settlement: 'unsettled',
  },
  { code: 'paypay', name: 'PayPay', kind: 'qr', givesChange: false, settlement: 'unsettled' },
];
export const testMethodIndex = indexPaymentMethods(testPaymentMethods);
export const noChangeMethodCodes = ['credit', 'giftNoChange', 'paypay'] as const;
export const changeGivingMethodCodes = ['giftChange'] as const;

export const testStore = { code: '0001', name: '店舗0001', timeZone: 'Asia/Tokyo' };
export const testBusinessDate = '2025-01-10';

export function line(
  quantity: number,
  unitPrice: number,
  taxCategory: TaxCategory,
  discount?: number,
): CheckoutLine {
  const base: CheckoutLine = {
    name: `${taxCategory}-${unitPrice}`,
    quantity,
    unitPrice,
    taxCategory,
  };
  return discount === undefined ? base : { ...base, discount };
}

export function pay(method: string, amount: number): Payment {
  return { method, amount };
}

type CheckoutOverrides = Partial<Checkout> & Pick<Checkout, 'id' | 'lines'>;

/** A completed checkout of store 0001 on 2025-01-10 unless overridden. */
export function checkout(overrides: CheckoutOverrides): Checkout {
  return {
    revision: 1,
    storeCode: testStore.code,
    registerCode: '01',
    businessDate: testBusinessDate,
    startedAt: '2025-01-10T00:00:00+09:00',
    completedAt: '2025-01-10T12:00:00+09:00',
    status: 'completed',
    customerCount: 1,
    priceMode: 'inclusive',
    payments: [],
    ...overrides,
  };
}

export function reportInput(
  checkouts: readonly Checkout[],
  extra: Partial<BuildDailyReportInput> = {},
): BuildDailyReportInput {
  return {
    store: testStore,
    businessDate: testBusinessDate,
    paymentMethods: testPaymentMethods,
    roundingMode: 'floor',
    checkouts,
    drawerEvents: [],
    close: null,
    settings: defaultReportSettings,
    printedAt: '2025-01-11T02:00:00+09:00',
    ...extra,
  };
}
