// The daily report (日報), field names exactly as in shared/spec/daily-report.md §3.
// The JSON keeps every figure; report settings only shape printed and console output.
import type { Yen } from '../money/yen.js';
import type { CheckoutStatus, TaxCategory } from '../ledger/types.js';

export interface CountAmount {
  count: number;
  amount: Yen;
}

export interface PaymentMethodTotal {
  code: string;
  name: string;
  count: number;
  amount: Yen;
}

export interface HourlyRow {
  /** Hour of completedAt in the store's time zone; 24–29 are the next calendar morning of a late business day. */
  hour: number;
  salesTotal: Yen;
  checkoutCount: number;
  customerCount: number;
  itemCount: number;
}

export interface TaxRateSalesRow {
  taxCategory: Exclude<TaxCategory, 'nonSales'>;
  sales: Yen;
  tax: Yen;
  netSales: Yen;
}

export interface TaxRatePaymentRow {
  code: string;
  byTaxCategory: Record<TaxCategory, Yen>;
}

export interface CashSummary {
  float: Yen;
  expected: Yen;
  counted: Yen;
  difference: Yen;
}

export type UnsentSummary = Record<CheckoutStatus, CountAmount>;

export interface ReportSettings {
  title: string;
  hourly: { enabled: boolean; startHour: number; endHour: number };
  taxBreakdown: { sales: boolean; paymentMethods: boolean };
}

export const defaultReportSettings: ReportSettings = {
  title: '日報',
  hourly: { enabled: true, startHour: 0, endHour: 23 },
  taxBreakdown: { sales: true, paymentMethods: true },
};

export interface DailyReport {
  storeCode: string;
  storeName: string;
  businessDate: string;
  title: string;
  /** Instant with offset; supplied by the caller (the domain has no clock). */
  printedAt: string;
  salesTotal: Yen;
  sales: Yen;
  netSales: Yen;
  tax: Yen;
  nonSalesIncome: Yen;
  cashIn: CountAmount;
  cashOut: CountAmount;
  checkoutCount: number;
  customerCount: number;
  itemCount: number;
  paymentMethods: PaymentMethodTotal[];
  voucherShortfall: CountAmount;
  voucherChange: CountAmount;
  lineDiscounts: CountAmount;
  orderDiscounts: CountAmount;
  cancelled: CountAmount;
  redone: CountAmount;
  aborted: CountAmount;
  returns: { checkoutCount: number; itemCount: number; amount: Yen };
  refunds: { checkoutCount: number; paymentCount: number; amount: Yen };
  lastCheckoutAt: string | null;
  hourly: HourlyRow[];
  byTaxRate: { sales: TaxRateSalesRow[]; paymentMethods: TaxRatePaymentRow[] };
  /** Present once the day has a close (float and counted cash). */
  cash: CashSummary | null;
  unsent?: UnsentSummary;
}
