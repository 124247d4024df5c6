// 月報 of a store: the 日報 of every business day of the month (getDailyReports, the same engine
// and loading as the 日報), summed by monthlyReport. `month` is YYYY-MM.
import { dateInMonth } from '../../domain/calendar/day-arithmetic.js';
import { monthlyReport, type MonthlyReport } from '../../domain/report/monthly-report.js';
import { validationError } from '../errors.js';
import {
  getDailyReports,
  type ReportActor,
  type ReportDeps,
  type ReportView,
} from './daily-report.js';

export interface MonthlyReportView {
  report: MonthlyReport;
  days: ReportView[];
}

export function checkMonth(value: string): { year: number; month: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  const year = Number(match?.[1]);
  if (!match || year < 2000 || year > 2100)
    throw validationError([
      {
        path: 'month',
        code: 'month_invalid',
        message: '月はYYYY-MM形式(例: 2025-01)で指定してください。',
      },
    ]);
  return { year, month: Number(match[2]) };
}

export async function getMonthlyReport(
  deps: ReportDeps,
  actor: ReportActor,
  query: { storeCode: string; month: string },
): Promise<MonthlyReportView> {
  const { year, month } = checkMonth(query.month);
  const days = await getDailyReports(deps, actor, {
    storeCode: query.storeCode,
    from: dateInMonth(year, month, 1),
    to: dateInMonth(year, month, 'end'),
  });
  const store = days[0]?.store ?? { code: query.storeCode, name: query.storeCode };
  return {
    report: monthlyReport(
      store,
      query.month,
      days.map((d) => d.report),
    ),
    days,
  };
}
