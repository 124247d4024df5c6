// The 日報 as a receiptline document (https://github.com/receiptline/receiptline), independent of
// the printer: render.ts turns it into text, SVG, ESC/POS or StarPRNT bytes.
import { cplDefault, layoutFor } from './report-layout.js';
import {
  adjustmentsSection,
  headerSection,
  paymentMethodsSection,
  salesSection,
} from './report-sections.js';
import {
  cashSection,
  hourlySection,
  taxPaymentMethodsSection,
  taxSalesSection,
  unsentSection,
} from './report-optional-sections.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';

/** Hours 24–29 are the next calendar morning of a late business day (spec §3, hourly). */
export const hourMax = 29;
const titleDefault = '日報';

export interface ReportDocumentOptions {
  /** Characters per line: 48 for 80 mm paper (default), 32 for 58 mm. */
  cpl?: number;
  /** The date in the Japanese era (令和8年12月2日(水)) instead of 西暦. */
  era?: boolean;
}

/** Bad report settings: names the field; `userMessage` is for the shop (Japanese). */
export class ReportSettingsError extends Error {
  constructor(
    readonly field: string,
    readonly userMessage: string,
    detail: string,
  ) {
    super(`report settings: ${field} ${detail}`);
    this.name = 'ReportSettingsError';
  }
}

function assertHourlySettings(hourly: ReportSettings['hourly']): void {
  const { startHour, endHour } = hourly;
  const isHour = (hour: number): boolean => Number.isInteger(hour) && hour >= 0 && hour <= hourMax;
  if (!isHour(startHour)) {
    throw new ReportSettingsError(
      'hourly.startHour',
      `開始時間は0〜${hourMax}時で指定してください。`,
      `must be 0..${hourMax}, got ${startHour}`,
    );
  }
  if (!isHour(endHour) || endHour < startHour) {
    throw new ReportSettingsError(
      'hourly.endHour',
      `終了時間は開始時間〜${hourMax}時で指定してください。`,
      `must be ${startHour}..${hourMax}, got ${endHour}`,
    );
  }
}

/** The printed title: the store's setting, else the report's, else 日報. */
function titleOf(report: DailyReport, settings: ReportSettings): string {
  return (
    [settings.title, report.title, titleDefault].find((title) => title.trim() !== '') ??
    titleDefault
  );
}

export function reportToReceiptline(
  report: DailyReport,
  settings: ReportSettings,
  options: ReportDocumentOptions = {},
): string {
  const layout = layoutFor(options.cpl ?? cplDefault);
  if (settings.hourly.enabled) assertHourlySettings(settings.hourly);
  const lines = [
    ...headerSection(report, titleOf(report, settings), options.era ?? false),
    ...salesSection(report, layout),
    ...paymentMethodsSection(report, layout),
    ...adjustmentsSection(report, layout),
  ];
  if (settings.hourly.enabled) lines.push(...hourlySection(report.hourly, settings.hourly));
  if (settings.taxBreakdown.sales) lines.push(...taxSalesSection(report, layout));
  if (settings.taxBreakdown.paymentMethods) lines.push(...taxPaymentMethodsSection(report, layout));
  if (report.cash !== null) lines.push(...cashSection(report.cash, layout));
  if (report.unsent !== undefined) lines.push(...unsentSection(report.unsent, layout));
  return lines.join('\n');
}
