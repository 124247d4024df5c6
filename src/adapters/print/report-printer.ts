// ReportPrinter (src/app/report/ports.ts) over printReport: render for the store's printer and send
// over TCP. A few quick attempts per job run (the queue does the long retries with back-off); an
// unreachable printer is a retryable failure, a wrong setting is not.
import type { PrintOutcome, ReportPrinter } from '../../app/report/ports.js';
import type { PrinterSetting } from '../../app/tenancy/model.js';
import { printReport, type RetryOptions } from './print-report.js';
import { toStorePrinter } from './printer-config.js';
import { PrinterSettingsError, printerAddress } from './printer-errors.js';

export const jobSendOptions: RetryOptions = { attemptsMax: 2, backoffMs: 1_000, timeoutMs: 10_000 };

export function tcpReportPrinter(send: RetryOptions = jobSendOptions): ReportPrinter {
  return {
    print: async (report, settings, setting: PrinterSetting): Promise<PrintOutcome> => {
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
      const result = await printReport(report, settings, printer, send);
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
