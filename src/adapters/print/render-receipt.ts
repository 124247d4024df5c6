// A receipt in one of the print formats, through the same receiptline path as the 日報.
import { renderReceiptline, type PrintFormat, type Rendered } from './render.js';
import { receiptToReceiptline, type ReceiptDocumentOptions } from './receipt-document.js';
import type { Receipt } from '../../domain/receipt/receipt.js';

export function renderReceipt(
  receipt: Receipt,
  format: PrintFormat,
  options: ReceiptDocumentOptions = {},
): Rendered {
  return renderReceiptline(
    receiptToReceiptline(receipt, options),
    format,
    options.cpl === undefined ? {} : { cpl: options.cpl },
  );
}
