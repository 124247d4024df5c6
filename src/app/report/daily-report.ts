// The 日報 of a store-day from stored data: the latest revision of each checkout, the drawer events,
// the latest close, the store's settings and the company's rounding and payment methods, read in one
// go through ReportSource, then buildDailyReport. printedAt is "now" from the injected clock, in the
// store's offset. A range (from–to) gives one report per day, at most `reportRangeDaysMax` days.
import { isBusinessDate, type BusinessDate } from '../../domain/calendar/business-date.js';
import { datesBetween } from '../../domain/calendar/day-arithmetic.js';
import { instantInZone } from '../../domain/calendar/store-zone.js';
import { buildDailyReport } from '../../domain/report/build-daily-report.js';
import { businessDayHours } from '../../domain/report/hourly.js';
import { InvalidCheckoutError } from '../../domain/report/day-selection.js';
import { PaymentMethodConfigError } from '../../domain/ledger/payment-methods.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound, validationError } from '../errors.js';
import type { ReportSource, ReportStoreRecord, StoreDay, StoreDayLimits } from './ports.js';
import { effectiveReportSettings } from './report-settings.js';

export const reportRangeDaysMax = 92;
export const storeDayLimits: StoreDayLimits = { checkoutsMax: 200_000, drawerEventsMax: 50_000 };

export interface ReportDeps {
  source: ReportSource;
  clock: Clock;
}

/** Who asks: staff see every store of their company; a register token sees its own store only. */
export interface ReportActor {
  companyId: string;
  register?: { storeCode: string } | undefined;
  label: string;
}

export interface ReportView {
  report: DailyReport;
  /** The settings that shape the printout and the console (defaults filled in). */
  settings: ReportSettings;
  store: ReportStoreRecord;
}

export function checkBusinessDate(path: string, value: string): asserts value is BusinessDate {
  if (!isBusinessDate(value)) {
    throw validationError([
      {
        path,
        code: 'business_date_invalid',
        message: '営業日はYYYY-MM-DD形式の日付で指定してください。',
      },
    ]);
  }
}

export function checkActorStore(actor: ReportActor, storeCode: string): void {
  if (actor.register && actor.register.storeCode !== storeCode)
    throw forbidden('この端末のAPIトークンでは、他の店舗の日報は扱えません。');
}

export const storeNotFound = (storeCode: string) =>
  notFound('store', `店舗コード「${storeCode}」の店舗が見つかりません。`);

/** buildDailyReport over one loaded store-day; data the current configuration cannot price is a named conflict. */
export function reportOfDay(day: StoreDay, businessDate: string, printedAt: string): ReportView {
  const settings = effectiveReportSettings(day.store.reportSettings);
  try {
    const report = buildDailyReport({
      store: { code: day.store.code, name: day.store.name, timeZone: day.store.timeZone },
      businessDate,
      paymentMethods: day.company.paymentMethods,
      roundingMode: day.company.roundingMode,
      checkouts: day.checkouts,
      drawerEvents: day.drawerEvents,
      close: day.close
        ? {
            storeCode: day.store.code,
            businessDate,
            float: day.close.float,
            countedCash: day.close.countedCash,
          }
        : null,
      settings,
      printedAt,
    });
    // Default settings print the whole business day, after midnight included.
    const shown =
      day.store.reportSettings === null
        ? { ...settings, hourly: businessDayHours(settings.hourly, report.hourly) }
        : settings;
    return { report, settings: shown, store: day.store };
  } catch (error) {
    throw unpriceable(error);
  }
}

function unpriceable(error: unknown): unknown {
  if (error instanceof InvalidCheckoutError) {
    const fields = error.errors.map((e) => ({
      path: `checkouts[${error.checkoutId}].${e.path}`,
      code: e.code,
      message: e.message,
    }));
    return new AppError(
      'conflict',
      'day_has_unpriceable_checkout',
      `会計「${error.checkoutId}」が現在の支払い方法の設定では計算できません。支払い方法の設定を確認してください。`,
      fields,
      error.message,
    );
  }
  if (error instanceof PaymentMethodConfigError) {
    return new AppError(
      'conflict',
      'payment_methods_not_configured',
      '支払い方法の設定が不完全です(現金をちょうど1つ登録してください)。',
      [],
      error.message,
    );
  }
  return error;
}

export async function getDailyReport(
  deps: ReportDeps,
  actor: ReportActor,
  query: { storeCode: string; businessDate: string },
): Promise<ReportView> {
  checkActorStore(actor, query.storeCode);
  checkBusinessDate('date', query.businessDate);
  const day = await deps.source.loadStoreDay(
    actor.companyId,
    query.storeCode,
    query.businessDate,
    storeDayLimits,
  );
  if (!day) throw storeNotFound(query.storeCode);
  return reportOfDay(day, query.businessDate, instantInZone(deps.clock.now(), day.store.timeZone));
}

/** One report per business date from `from` to `to` (inclusive), oldest first. */
export async function getDailyReports(
  deps: ReportDeps,
  actor: ReportActor,
  query: { storeCode: string; from: string; to: string },
): Promise<ReportView[]> {
  checkActorStore(actor, query.storeCode);
  checkBusinessDate('from', query.from);
  checkBusinessDate('to', query.to);
  if (query.from > query.to) {
    throw validationError([
      {
        path: 'to',
        code: 'report_range_reversed',
        message: '終了日(to)は開始日(from)以降の日付にしてください。',
      },
    ]);
  }
  const dates = datesBetween(query.from, query.to, reportRangeDaysMax);
  if (dates.length > reportRangeDaysMax) {
    throw validationError([
      {
        path: 'to',
        code: 'report_range_too_long',
        message: `日報をまとめて取得できるのは${reportRangeDaysMax}日分までです。期間を短くしてください。`,
      },
    ]);
  }
  const now = deps.clock.now();
  const views: ReportView[] = [];
  for (const businessDate of dates) {
    const day = await deps.source.loadStoreDay(
      actor.companyId,
      query.storeCode,
      businessDate,
      storeDayLimits,
    );
    if (!day) throw storeNotFound(query.storeCode);
    views.push(reportOfDay(day, businessDate, instantInZone(now, day.store.timeZone)));
  }
  return views;
}
