// The receipt rendering port over the print adapter (receiptline).
import type { ReceiptRendering } from '../app/receipt/rendering.js';
import { renderReceipt } from '../adapters/print/render-receipt.js';

export const receiptRendering: ReceiptRendering = Object.freeze<ReceiptRendering>({
  render: renderReceipt,
});
