// The 日報's rendering port over the print adapter (receiptline, TCP printers).
import { AppError } from '../app/errors.js';
import { reportCpl, type ReportRendering } from '../app/report/rendering.js';
import { printReport } from '../adapters/print/print-report.js';
import { toStorePrinter } from '../adapters/print/printer-config.js';
import { PrinterSettingsError, printerAddress } from '../adapters/print/printer-errors.js';
import { printFormats, renderReport } from '../adapters/print/render.js';
import { cplDefault, cplMax, cplMin } from '../adapters/print/report-layout.js';

function storePrinterOf(input: Parameters<typeof toStorePrinter>[0]) {
  try {
    return toStorePrinter(input);
  } catch (error) {
    if (error instanceof PrinterSettingsError)
      throw new AppError(
        'validation',
        'printer_settings_invalid',
        error.userMessage,
        [{ path: `printer.${error.field}`, message: error.userMessage }],
        error.message,
      );
    throw error;
  }
}

if (reportCpl.min !== cplMin || reportCpl.max !== cplMax || reportCpl.default !== cplDefault)
  throw new Error('src/app/report/rendering.ts reportCpl differs from the print layout limits');

export const reportRendering: ReportRendering = Object.freeze<ReportRendering>({
  formats: printFormats,
  cpl: Object.freeze({ min: cplMin, max: cplMax, default: cplDefault }),
  render: renderReport,
  printNow: async (report, settings, input) => {
    const printer = storePrinterOf(input);
    const result = await printReport(report, settings, printer);
    if (!result.ok) return { ok: false as const, message: result.error.userMessage };
    return {
      ok: true as const,
      address: printerAddress(result.host, result.port),
      kind: printer.kind,
      bytesSent: result.bytesSent,
      attempts: result.attempts,
    };
  },
});
