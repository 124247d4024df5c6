// The 日報's use cases bound once to their ports.
import { bindAll } from '../bind.js';
import type { ReportRendering } from './rendering.js';
import { getDailyReport, getDailyReports, type ReportDeps } from './daily-report.js';
import { getMonthlyReport } from './monthly-report.js';
import { listPrintJobs, requestPrint, type PrintDeps } from './print-jobs.js';
import {
  getReportSettings,
  saveReportSettings,
  type ReportSettingsDeps,
} from './report-settings.js';

export interface ReportPorts {
  rendering: ReportRendering;
  report: ReportDeps;
  print: PrintDeps;
  settings: ReportSettingsDeps;
}

export function bindReport(ports: ReportPorts) {
  return Object.freeze({
    rendering: ports.rendering,
    ...bindAll(ports.report, { getDailyReport, getDailyReports, getMonthlyReport }),
    ...bindAll(ports.print, { requestPrint, listPrintJobs }),
    ...bindAll(ports.settings, { getReportSettings, saveReportSettings }),
  });
}

export type ReportApp = ReturnType<typeof bindReport>;
