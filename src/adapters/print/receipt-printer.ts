// ReceiptPrinter (src/app/register/receipts.ts) over the receiptline path: render the receipt for the
// store's printer (ESC/POS or StarPRNT, its cpl) and send it over TCP, a few quick attempts while the
// register waits; a wrong setting is named, an unreachable printer gives its Japanese reason.
import type { PrintOutcome } from '../../app/report/ports.js';
import type { ReceiptPrinter } from '../../app/register/receipts.js';
import type { PrinterSetting } from '../../app/tenancy/model.js';
import { toStorePrinter } from './printer-config.js';
import { PrinterSettingsError, printerAddress } from './printer-errors.js';
import type { RetryOptions } from './print-report.js';
import { renderReceipt } from './render-receipt.js';
import { sendToPrinter } from './tcp-printer.js';

/** The register waits for the answer: two attempts, 5 s each. */
const receiptSendOptions: RetryOptions = { attemptsMax: 2, backoffMs: 500, timeoutMs: 5_000 };

export function tcpReceiptPrinter(send: RetryOptions = receiptSendOptions): ReceiptPrinter {
  return {
    print: async (receipt, options, setting: PrinterSetting): Promise<PrintOutcome> => {
      let printer;
      try {
        printer = toStorePrinter(setting);
      } catch (error) {
        if (!(error instanceof PrinterSettingsError)) throw error;
        return {
          ok: false,
          printerAddress: null,
          retryable: false,
          userMessage: `プリンターの設定が正しくありません: ${error.userMessage}`,
          error,
        };
      }
      const { bytes } = renderReceipt(receipt, printer.kind, { ...options, cpl: printer.cpl });
      const result = await sendToPrinter({
        host: printer.host,
        port: printer.port,
        bytes,
        ...send,
      });
      const address = printerAddress(result.host, result.port);
      if (result.ok) return { ok: true, printerAddress: address, bytesSent: result.bytesSent };
      return {
        ok: false,
        printerAddress: address,
        retryable: true,
        userMessage: result.error.userMessage,
        error: result.error,
      };
    },
  };
}
