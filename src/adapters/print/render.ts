// receiptline document → bytes for a printer, a browser (SVG) or a terminal (text).
// Command and encoding names are receiptline 4.0.4's (lib/receiptline.js `_commands`, `parseOption`);
// docs/printing.md says why these ones.
import { transform } from 'receiptline';
import { cplDefault } from './report-layout.js';
import { reportToReceiptline, type ReportDocumentOptions } from './report-document.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';

export const printFormats = ['text', 'escpos', 'starprnt', 'svg'] as const;
export type PrintFormat = (typeof printFormats)[number];

export interface Rendered {
  bytes: Buffer;
  contentType: string;
}

interface FormatSpec {
  /** receiptline `command`. */
  command: 'text' | 'escpos' | 'starmbcs' | 'svg';
  /** receiptline returns printer commands as a 'binary' (latin1) string, text and SVG as Unicode. */
  output: 'latin1' | 'utf8';
  contentType: string;
}

/** Japanese: cp932 (Shift_JIS, Windows-31J) for every format, so widths are measured as printed. */
export const printEncoding = 'cp932';

const formatSpecs: Record<PrintFormat, FormatSpec> = {
  text: { command: 'text', output: 'utf8', contentType: 'text/plain; charset=utf-8' },
  escpos: { command: 'escpos', output: 'latin1', contentType: 'application/octet-stream' },
  starprnt: { command: 'starmbcs', output: 'latin1', contentType: 'application/octet-stream' },
  svg: { command: 'svg', output: 'utf8', contentType: 'image/svg+xml; charset=utf-8' },
};

export function isPrintFormat(value: string): value is PrintFormat {
  return (printFormats as readonly string[]).includes(value);
}

/** Any receiptline document (a 日報, later receipts) in one of the formats. */
export function renderReceiptline(
  doc: string,
  format: PrintFormat,
  options: ReportDocumentOptions = {},
): Rendered {
  const spec = formatSpecs[format];
  if (spec === undefined)
    throw new TypeError(`format must be one of ${printFormats.join(', ')}, got ${String(format)}`);
  const output = transform(doc, {
    command: spec.command,
    encoding: printEncoding,
    cpl: options.cpl ?? cplDefault,
    cutting: true,
  });
  return { bytes: Buffer.from(output, spec.output), contentType: spec.contentType };
}

export function renderReport(
  report: DailyReport,
  settings: ReportSettings,
  format: PrintFormat,
  options: ReportDocumentOptions = {},
): Rendered {
  return renderReceiptline(reportToReceiptline(report, settings, options), format, options);
}
