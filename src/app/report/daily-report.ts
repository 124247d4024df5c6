// The 日報 of a store-day from stored data: the latest revision of each checkout, the drawer events,
// the latest close, the store's settings and the company's rounding and payment methods, read in one
// go through ReportSource, then buildDailyReport. printedAt is "now" from the injected clock, in the
// store's offset. A range (from–to) gives one report per day, at most `reportRangeDaysMax` days.
import { isBusinessDate, type BusinessDate } from '../../domain/calendar/business-date.js';
import { datesBetween } from '../../domain/calendar/day-arithmetic.js';
import { instantInZone } from '../../domain/calendar/store-zone.js';
import { buildDailyReport } from '../../domain/report/build-daily-report.js';
import { businessDayHours } from '../../domain/report/hourly.js';
import { HourBucketSplitError, reportFromDaySums } from '../../domain/report/day-sums.js';
import { InvalidCheckoutError } from '../../domain/report/day-selection.js';
import { PaymentMethodConfigError } from '../../domain/ledger/payment-methods.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound, validationError } from '../errors.js';
import type {
  ReportSource,
  ReportStoreRecord,
  StoreDay,
  StoreDayLimits,
  StoreDaySums,
} from './ports.js';
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

/** reportFromDaySums over a store-day read as sums; null when the sums cannot place its hours. */
function reportOfSums(
  day: StoreDaySums,
  businessDate: string,
  printedAt: string,
): ReportView | null {
  const settings = effectiveReportSettings(day.store.reportSettings);
  try {
    const report = reportFromDaySums({
      store: { code: day.store.code, name: day.store.name, timeZone: day.store.timeZone },
      businessDate,
      paymentMethods: day.company.paymentMethods,
      sums: day.sums,
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
    const shown =
      day.store.reportSettings === null
        ? { ...settings, hourly: businessDayHours(settings.hourly, report.hourly) }
        : settings;
    return { report, settings: shown, store: day.store };
  } catch (error) {
    if (error instanceof HourBucketSplitError) return null;
    throw unpriceable(error);
  }
}

/** One store-day's report: from the stored figures' sums when the source has them, else the documents. */
async function reportOfStoreDay(
  deps: ReportDeps,
  actor: ReportActor,
  storeCode: string,
  businessDate: string,
  now: Date,
): Promise<ReportView> {
  const day = deps.source.loadStoreDaySums
    ? await deps.source.loadStoreDaySums(actor.companyId, storeCode, businessDate, storeDayLimits)
    : await deps.source.loadStoreDay(actor.companyId, storeCode, businessDate, storeDayLimits);
  if (!day) throw storeNotFound(storeCode);
  const printedAt = instantInZone(now, day.store.timeZone);
  if (!('sums' in day)) return reportOfDay(day, businessDate, printedAt);
  const fromSums = reportOfSums(day, businessDate, printedAt);
  if (fromSums !== null) return fromSums;
  const documents = await deps.source.loadStoreDay(
    actor.companyId,
    storeCode,
    businessDate,
    storeDayLimits,
  );
  if (!documents) throw storeNotFound(storeCode);
  return reportOfDay(documents, businessDate, printedAt);
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
  return reportOfStoreDay(deps, actor, query.storeCode, query.businessDate, deps.clock.now());
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
  for (const businessDate of dates)
    views.push(await reportOfStoreDay(deps, actor, query.storeCode, businessDate, now));
  return views;
}
