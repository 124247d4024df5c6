// How a 日報 becomes bytes (text, printer commands, SVG) and reaches a printer now: a port the
// print adapter implements (src/adapters/print), bound into the App by src/main/.
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';

export type PrintFormat = 'text' | 'escpos' | 'starprnt' | 'svg';

/** Characters per line a 日報 may be laid out in (80 mm paper: 48; 58 mm: 32). src/main checks the
 *  print adapter agrees (src/main/report-rendering.ts). */
export const reportCpl = Object.freeze({ min: 24, max: 96, default: 48 });

export interface RenderedReport {
  bytes: Buffer;
  contentType: string;
}

export type PrintNowResult =
  | { ok: true; address: string; kind: string; bytesSent: number; attempts: number }
  | { ok: false; message: string };

export interface ReportRendering {
  readonly formats: readonly PrintFormat[];
  /** Characters per line: the range a printer may use, and the default. */
  readonly cpl: { readonly min: number; readonly max: number; readonly default: number };
  render(
    report: DailyReport,
    settings: ReportSettings,
    format: PrintFormat,
    /** era: the date in the Japanese era (令和8年12月2日(水)). */
    options?: { cpl?: number; era?: boolean },
  ): RenderedReport;
  /** Renders for the printer and sends it now; invalid printer settings throw a validation error. */
  printNow(
    report: DailyReport,
    settings: ReportSettings,
    printer: { host: string; port: number; kind: string; cpl?: number },
  ): Promise<PrintNowResult>;
}
