// How a receipt becomes bytes (text, printer commands, SVG): a port the print adapter implements
// (src/adapters/print/render-receipt.ts), bound by src/main/.
import type { Receipt } from '../../domain/receipt/receipt.js';
import type { PrintFormat, RenderedReport } from '../report/rendering.js';

export type ReceiptLayout = 'standard' | 'simple';

export interface ReceiptRenderOptions {
  cpl?: number;
  layout?: ReceiptLayout;
  reissue?: boolean;
  methodNames?: Readonly<Record<string, string>>;
  formalReceipt?: { addressee: string; note: string };
}

export interface ReceiptRendering {
  render(receipt: Receipt, format: PrintFormat, options?: ReceiptRenderOptions): RenderedReport;
}
