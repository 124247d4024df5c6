// Render a 日報 for a store's printer and send it. The result keeps the bytes on failure
// (PrintNotDelivered.bytes): the caller stores them for a later retry.
import { renderReport } from './render.js';
import { sendToPrinter, type PrintResult, type SendToPrinterInput } from './tcp-printer.js';
import type { StorePrinter } from './printer-config.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';

export type RetryOptions = Pick<SendToPrinterInput, 'timeoutMs' | 'attemptsMax' | 'backoffMs'>;

export async function printReport(
  report: DailyReport,
  settings: ReportSettings,
  printer: StorePrinter,
  retry: RetryOptions = {},
): Promise<PrintResult> {
  const { bytes } = renderReport(report, settings, printer.kind, { cpl: printer.cpl });
  return sendToPrinter({ host: printer.host, port: printer.port, bytes, ...retry });
}
