// The receipt (レシート) of one checkout, per the receipt spec: 適格簡易請求書 items when the issuer
// has a 登録番号 — lines with ※ on reduced-rate ones, per-rate 対象額 (S[c]) and 消費税 (tax[c]) from
// the checkout maths (daily-report spec §2; one rounding per rate per receipt), total, tenders and
// change. A checkout whose total is negative, or that has a returned line, is a 返品/返金 receipt
// (適格返還請求書 items: the same breakdown of what was returned, negative).
import { instantInZone } from '../calendar/store-zone.js';
import { computeCheckoutTotals } from '../ledger/checkout-totals.js';
import { lineAmountYen } from '../ledger/line-amounts.js';
import type { PaymentMethodIndex } from '../ledger/payment-methods.js';
import { splitTenders } from '../ledger/tender-split.js';
import {
  salesTaxCategories,
  taxRatePercent,
  type Checkout,
  type SalesTaxCategory,
} from '../ledger/types.js';
import type { RoundingMode } from '../money/rounding-mode.js';
import { assertYen, type Yen } from '../money/yen.js';

export interface ReceiptIssuer {
  name: string;
  /** `T` + 13 digits; absent: an ordinary receipt that says nothing about 登録番号. */
  registrationNumber?: string;
}

export interface ReceiptLine {
  name: string;
  quantity: number;
  amount: Yen;
  reducedRate: boolean;
}

export interface ReceiptRate {
  taxCategory: SalesTaxCategory;
  rate: number;
  targetAmount: Yen;
  tax: Yen;
}

/** The offline contract's JSON (receipt spec "Offline contract"), key for key. */
export interface Receipt {
  checkoutId: string;
  issuer: ReceiptIssuer;
  storeName: string;
  issuedAt: string;
  lines: ReceiptLine[];
  byRate: ReceiptRate[];
  total: Yen;
  payments: { method: string; amount: number }[];
  change: Yen;
}

export interface ReceiptInput {
  checkout: Checkout;
  issuer: ReceiptIssuer;
  store: { name: string; timeZone: string };
  methods: PaymentMethodIndex;
  roundingMode: RoundingMode;
}

export class ReceiptNotIssuableError extends Error {
  constructor(
    readonly checkoutId: string,
    readonly status: string,
  ) {
    super(`checkout ${checkoutId} is ${status}: only a completed checkout has a receipt`);
    this.name = 'ReceiptNotIssuableError';
  }
}

/** Statuses that went through 会計完了 (a cancelled or redone one can still be reprinted). */
const issuableStatuses: readonly string[] = ['completed', 'cancelled', 'redone'];

export function buildReceipt(input: ReceiptInput): Receipt {
  const { checkout } = input;
  if (!issuableStatuses.includes(checkout.status) || checkout.completedAt === null)
    throw new ReceiptNotIssuableError(checkout.id, checkout.status);
  const totals = computeCheckoutTotals(checkout, input.roundingMode);
  const byRate: ReceiptRate[] = [];
  for (const category of salesTaxCategories) {
    if (totals.salesYen[category] === 0) continue;
    byRate.push({
      taxCategory: category,
      rate: taxRatePercent[category],
      targetAmount: totals.salesYen[category],
      tax: totals.taxYen[category],
    });
  }
  const tenders = splitTenders(totals.totalYen, checkout.payments, input.methods);
  const issuer: ReceiptIssuer =
    input.issuer.registrationNumber === undefined
      ? { name: input.issuer.name }
      : { name: input.issuer.name, registrationNumber: input.issuer.registrationNumber };
  return {
    checkoutId: checkout.id,
    issuer,
    storeName: input.store.name,
    issuedAt: instantInZone(new Date(checkout.completedAt), input.store.timeZone),
    lines: checkout.lines.map((line) => ({
      name: line.name,
      quantity: line.quantity,
      amount: lineAmountYen(line),
      reducedRate: line.taxCategory === 'reduced8',
    })),
    byRate,
    total: totals.totalYen,
    payments: checkout.payments.map((payment) => ({
      method: payment.method,
      amount: payment.amount,
    })),
    change: assertYen(tenders.voucherChangeYen + tenders.cashChangeYen, 'change'),
  };
}

/** 返品/返金: a returned line or a negative total. */
export function isReturnReceipt(receipt: Receipt): boolean {
  return receipt.total < 0 || receipt.lines.some((line) => line.quantity < 0);
}
