// TOP's figures, read through the App: per store today's 日報 so far and the same weekday last week,
// 30 days of 売上等, the past days with sales and no close (未閉局), the days freee refused
// (失敗 / 期限切れ / エラー) and the registers' unsent checkouts (未送信).
import type { App } from '../../../app/app.js';
import { AppError } from '../../../app/errors.js';
import type { ResultDay } from '../../../app/posting/results.js';
import type { ReportView } from '../../../app/report/daily-report.js';
import type { Store } from '../../../app/tenancy/model.js';
import type { BusinessDate } from '../../../domain/calendar/business-date.js';
import { addDays } from '../../../domain/calendar/day-arithmetic.js';
import { businessDateIn } from '../../../domain/calendar/store-zone.js';
import type { DailyReport } from '../../../domain/report/types.js';
import type { ReportActor } from '../../../app/report/daily-report.js';

export const chartDays = 30;
const attentionStatuses = new Set(['failed', 'expired', 'error']);

export interface StoreToday {
  store: Store;
  today: BusinessDate;
  report: DailyReport | null;
  lastWeek: DailyReport | null;
  unclosed: string[];
  unsentCount: number;
  error?: string;
}

export interface TopData {
  stores: StoreToday[];
  chart: { date: string; salesTotal: number }[];
  postingProblems: ResultDay[];
}

const unsentCountOf = (report: DailyReport): number =>
  report.unsent ? Object.values(report.unsent).reduce((sum, row) => sum + row.count, 0) : 0;

async function storeToday(
  app: App,
  actor: ReportActor,
  store: Store,
): Promise<{ row: StoreToday; views: ReportView[] }> {
  const today = businessDateIn(app.clock.now(), store.timeZone);
  const from = addDays(today, -(chartDays - 1));
  try {
    const views = await app.report.getDailyReports(actor, {
      storeCode: store.code,
      from,
      to: today,
    });
    const byDate = new Map(views.map((v) => [v.report.businessDate, v.report]));
    const report = byDate.get(today) ?? null;
    const unclosed = views
      .filter(
        (v) =>
          v.report.businessDate < today && v.report.checkoutCount > 0 && v.report.cash === null,
      )
      .map((v) => v.report.businessDate);
    const row: StoreToday = {
      store,
      today,
      report,
      lastWeek: byDate.get(addDays(today, -7)) ?? null,
      unclosed,
      unsentCount: report ? unsentCountOf(report) : 0,
    };
    return { row, views };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const row: StoreToday = {
      store,
      today,
      report: null,
      lastWeek: null,
      unclosed: [],
      unsentCount: 0,
      error: error.userMessage,
    };
    return { row, views: [] };
  }
}

export async function loadTopData(
  app: App,
  actor: ReportActor,
  stores: readonly Store[],
): Promise<TopData> {
  const rows: StoreToday[] = [];
  const totals = new Map<string, number>();
  for (const store of stores) {
    const { row, views } = await storeToday(app, actor, store);
    rows.push(row);
    for (const view of views)
      totals.set(
        view.report.businessDate,
        (totals.get(view.report.businessDate) ?? 0) + view.report.salesTotal,
      );
  }
  const chart = [...totals.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([date, salesTotal]) => ({ date, salesTotal }));
  const first = rows[0];
  let postingProblems: ResultDay[] = [];
  if (first) {
    try {
      const days = await app.posting.listPostingResults({
        companyId: actor.companyId,
        storeCode: null,
        from: addDays(first.today, -(chartDays - 1)),
        to: first.today,
        status: null,
        item: null,
      });
      postingProblems = days.filter((d) => attentionStatuses.has(d.status));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { stores: rows, chart, postingProblems };
}
