// `uriage receipt FILE --checkout ID`: the receipt of one checkout straight from a day file (daily
// report spec §6), without a database. The latest revision of that id counts; the company's
// `registrationNumber` makes it a 適格簡易請求書, its store's name and time zone are the file's.
import { DayFileContract, CheckoutContract } from '../ledger/contract.js';
import { fieldErrorsOf } from '../ledger/field-errors.js';
import { AppError, notFound, validationError } from '../errors.js';
import { indexPaymentMethods } from '../../domain/ledger/payment-methods.js';
import type { Checkout } from '../../domain/ledger/types.js';
import {
  buildReceipt,
  ReceiptNotIssuableError,
  type Receipt,
} from '../../domain/receipt/receipt.js';

export const receiptErrorsShownMax = 50;

export interface DayFileReceipt {
  receipt: Receipt;
  /** Printed names of the company's payment methods by code. */
  methodNames: Record<string, string>;
}

function latestCheckout(items: readonly unknown[], checkoutId: string): Checkout | null {
  let found: Checkout | null = null;
  items.forEach((raw, index) => {
    if ((raw as { id?: unknown } | null)?.id !== checkoutId) return;
    const parsed = CheckoutContract.safeParse(raw);
    if (!parsed.success)
      throw validationError(
        fieldErrorsOf(parsed.error.issues, `checkouts[${index}]`).slice(0, receiptErrorsShownMax),
        `会計 ${checkoutId} の形式が正しくありません。`,
      );
    if (found === null || parsed.data.revision > found.revision) found = parsed.data;
  });
  return found;
}

export function receiptFromDayFile(raw: unknown, checkoutId: string): DayFileReceipt {
  const parsed = DayFileContract.safeParse(raw);
  if (!parsed.success)
    throw validationError(
      fieldErrorsOf(parsed.error.issues).slice(0, receiptErrorsShownMax),
      '日次ファイルの形式が正しくありません。',
    );
  const file = parsed.data;
  const checkout = latestCheckout(file.checkouts, checkoutId);
  if (checkout === null)
    throw notFound('checkout', `会計 ${checkoutId} は日次ファイルにありません。`);
  const store = file.company.stores.find((s) => s.code === checkout.storeCode);
  const { registrationNumber } = file.company;
  try {
    const receipt = buildReceipt({
      checkout,
      issuer: {
        name: file.company.name ?? file.company.code,
        ...(registrationNumber === undefined ? {} : { registrationNumber }),
      },
      store: { name: store?.name ?? checkout.storeCode, timeZone: store?.timeZone ?? 'Asia/Tokyo' },
      methods: indexPaymentMethods(file.company.paymentMethods),
      roundingMode: file.company.roundingMode,
    });
    const methodNames = Object.fromEntries(
      file.company.paymentMethods.map((method) => [method.code, method.name]),
    );
    return { receipt, methodNames };
  } catch (error) {
    if (error instanceof ReceiptNotIssuableError)
      throw new AppError(
        'conflict',
        'receipt_not_issuable',
        `会計 ${checkoutId} は完了していないため、レシートを発行できません(状態: ${error.status})。`,
        [{ path: 'checkout', message: '完了した会計を指定してください。' }],
        error.message,
      );
    throw error;
  }
}
