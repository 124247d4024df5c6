// Register-side inputs, as defined in shared/spec/daily-report.md §1 and checkout.schema.json.
// Amounts here are plain numbers as received: the rules (tender-rules.ts, content-rules.ts) check
// them, and the figures computed from them are `Yen` (money/yen.ts).

export const taxCategories = ['standard10', 'reduced8', 'exempt', 'nonSales'] as const;
export type TaxCategory = (typeof taxCategories)[number];
export const salesTaxCategories = ['standard10', 'reduced8', 'exempt'] as const;
export type SalesTaxCategory = (typeof salesTaxCategories)[number];
export const taxRatePercent: Record<SalesTaxCategory, number> = {
  standard10: 10,
  reduced8: 8,
  exempt: 0,
};

export const paymentKinds = [
  'cash',
  'card',
  'emoney',
  'qr',
  'voucher',
  'receivable',
  'other',
] as const;
export type PaymentKind = (typeof paymentKinds)[number];

export interface PaymentMethod {
  code: string;
  name: string;
  kind: PaymentKind;
  givesChange: boolean;
  settlement: 'settled' | 'unsettled';
}

export const checkoutStatuses = ['pending', 'completed', 'cancelled', 'redone', 'aborted'] as const;
export type CheckoutStatus = (typeof checkoutStatuses)[number];

export interface CheckoutLine {
  sku?: string;
  name: string;
  quantity: number;
  unitPrice: number;
  taxCategory: TaxCategory;
  discount?: number;
}

export interface Payment {
  method: string;
  amount: number;
}

export interface Checkout {
  id: string;
  revision: number;
  storeCode: string;
  registerCode: string;
  staffCode?: string;
  businessDate: string;
  startedAt: string;
  completedAt: string | null;
  status: CheckoutStatus;
  redoes?: string;
  customerCount: number;
  priceMode?: 'inclusive' | 'exclusive';
  lines: CheckoutLine[];
  orderDiscount?: number;
  payments: Payment[];
}

export interface DrawerEvent {
  id: string;
  type: 'cashIn' | 'cashOut';
  storeCode: string;
  registerCode: string;
  businessDate: string;
  at: string;
  amount: number;
  reason?: string;
}

export interface DayClose {
  storeCode: string;
  businessDate: string;
  float: number;
  countedCash: number;
}
