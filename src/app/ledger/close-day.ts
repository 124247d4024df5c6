// The close (閉局) of a store's business date (issue 3 §3): float and counted cash fix the day's
// report (buildDailyReport over the stored latest revisions and drawer events) as a new version,
// and a `day.closed` domain event is written in the same transaction. Versions are never changed:
// closing again after late or corrected data makes version n + 1. A close identical to the latest
// version (same float, counted cash and report) is that version again, so a double submit or a
// re-run import adds nothing (docs/ledger.md).
import type { DayClosed, EventType } from '../events.js';
import { buildDailyReport } from '../../domain/report/build-daily-report.js';
import { InvalidCheckoutError } from '../../domain/report/day-selection.js';
import { defaultReportSettings, type DailyReport } from '../../domain/report/types.js';
import type { Checkout, DrawerEvent } from '../../domain/ledger/types.js';
import { yen } from '../../domain/money/yen.js';
import { AppError, validationError } from '../errors.js';
import { canonicalJson } from '../../domain/text/canonical-json.js';
import { sha256Hex } from './content-hash.js';
import { CloseContract } from './contract.js';
import { loadContext, storeOfDay, type LedgerDeps } from './deps.js';
import { fieldErrorsOf } from './field-errors.js';
import type { CompanyLedgerContext, DayCloseRecord, LedgerActor, LedgerStoreRef } from './model.js';
import type { LedgerReads } from './ports.js';

export const dayCheckoutsReadMax = 200_000;
export const dayDrawerEventsReadMax = 50_000;
export const dayClosedEventType = 'day.closed' satisfies EventType;

export interface CloseRequest {
  storeCode: string;
  businessDate: string;
  float: unknown;
  countedCash: unknown;
  /** A register's unsent checkouts at the close (the 日報's 未送信の会計); absent: not supplied. */
  unsent?: readonly Checkout[];
}

export type DayClosedPayload = DayClosed;

function checkedCash(request: CloseRequest): { float: number; countedCash: number } {
  const parsed = CloseContract.safeParse({
    float: request.float,
    countedCash: request.countedCash,
  });
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

/** The day's report from stored data; an unpriceable stored checkout is a named conflict, not a 500. */
export async function dayReport(
  reads: LedgerReads,
  context: CompanyLedgerContext,
  store: LedgerStoreRef,
  businessDate: string,
  cash: { float: number; countedCash: number } | null,
  printedAt: string,
  unsent?: readonly Checkout[],
): Promise<DailyReport> {
  const checkouts: Checkout[] = await reads.dayCheckoutDocuments(
    store.id,
    businessDate,
    dayCheckoutsReadMax,
  );
  const drawerEvents: DrawerEvent[] = await reads.dayDrawerEvents(
    store.id,
    businessDate,
    dayDrawerEventsReadMax,
  );
  try {
    return buildDailyReport({
      store: { code: store.code, name: store.name, timeZone: store.timeZone },
      businessDate,
      paymentMethods: context.paymentMethods,
      roundingMode: context.roundingMode,
      checkouts,
      drawerEvents,
      close: cash
        ? { storeCode: store.code, businessDate, float: cash.float, countedCash: cash.countedCash }
        : null,
      settings: store.reportSettings ?? defaultReportSettings,
      printedAt,
      ...(unsent === undefined ? {} : { unsent }),
    });
  } catch (error) {
    if (!(error instanceof InvalidCheckoutError)) throw error;
    const message = `会計「${error.checkoutId}」が現在の支払い方法の設定では計算できません。支払い方法の設定を確認してください。`;
    throw new AppError(
      'conflict',
      'day_has_unpriceable_checkout',
      message,
      error.errors.map((e) => ({
        path: `checkouts[${error.checkoutId}].${e.path}`,
        code: e.code,
        message: e.message,
      })),
      error.message,
    );
  }
}

export function reportHashOf(report: DailyReport): string {
  const { printedAt: _printedAt, ...figures } = report;
  return sha256Hex(canonicalJson(figures));
}

export interface ClosePreview {
  report: DailyReport;
  latest: DayCloseRecord | null;
  /** Confirming now would return `latest` unchanged. */
  sameAsLatest: boolean;
}

/** What a close would record, without recording it (the console shows it before 閉局). */
export async function previewClose(
  deps: LedgerDeps,
  actor: LedgerActor,
  request: CloseRequest,
): Promise<ClosePreview> {
  const context = await loadContext(deps, actor.companyId);
  const store = storeOfDay(context, actor, request.storeCode, request.businessDate);
  const cash = checkedCash(request);
  const report = await dayReport(
    deps.uow.read,
    context,
    store,
    request.businessDate,
    cash,
    deps.clock.now().toISOString(),
    request.unsent,
  );
  const latest = await deps.uow.read.latestClose(store.id, request.businessDate);
  return {
    report,
    latest,
    sameAsLatest: latest !== null && isSameClose(latest, cash, reportHashOf(report)),
  };
}

function isSameClose(
  latest: DayCloseRecord,
  cash: { float: number; countedCash: number },
  reportHash: string,
): boolean {
  return (
    latest.floatYen === cash.float &&
    latest.countedCashYen === cash.countedCash &&
    latest.reportHash === reportHash
  );
}

export async function closeDay(
  deps: LedgerDeps,
  actor: LedgerActor,
  request: CloseRequest,
): Promise<{ close: DayCloseRecord; created: boolean }> {
  const context = await loadContext(deps, actor.companyId);
  const store = storeOfDay(context, actor, request.storeCode, request.businessDate);
  const cash = checkedCash(request);
  const now = deps.clock.now();
  return deps.uow.transaction(async (tx) => {
    await tx.lockDay(store.id, request.businessDate);
    const report = await dayReport(
      tx,
      context,
      store,
      request.businessDate,
      cash,
      now.toISOString(),
      request.unsent,
    );
    const reportHash = reportHashOf(report);
    const latest = await tx.latestClose(store.id, request.businessDate);
    if (latest && isSameClose(latest, cash, reportHash)) return { close: latest, created: false };
    if (!report.cash) throw new Error('a report built with a close has cash figures');
    const close = await tx.insertClose({
      companyId: actor.companyId,
      storeId: store.id,
      businessDate: request.businessDate,
      version: (latest?.version ?? 0) + 1,
      floatYen: yen(cash.float),
      countedCashYen: yen(cash.countedCash),
      expectedCashYen: report.cash.expected,
      differenceYen: report.cash.difference,
      report,
      reportHash,
      closedAt: now,
      closedBy: actor.label,
    });
    const payload: DayClosedPayload = {
      closeId: close.id,
      companyId: actor.companyId,
      storeCode: store.code,
      businessDate: request.businessDate,
      version: close.version,
    };
    await tx.insertDomainEvent(actor.companyId, dayClosedEventType, payload, now);
    return { close, created: true };
  });
}
