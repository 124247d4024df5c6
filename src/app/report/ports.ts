// What the 日報 use cases need from outside: a read-only source of store-days (the ledger's tables),
// the print-job records, and a printer. Implemented by src/adapters/db/report-source.ts,
// src/adapters/db/print-job-store.ts and src/adapters/print/report-printer.ts.
import type { Checkout, DrawerEvent, PaymentMethod } from '../../domain/ledger/types.js';
import type { RoundingMode } from '../../domain/money/rounding-mode.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';
import type { DaySums } from '../../domain/report/day-sums.js';
import { AppError } from '../errors.js';
import type { PrinterSetting } from '../tenancy/model.js';

export interface ReportStoreRecord {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  /** As stored; null = defaults. */
  reportSettings: ReportSettings | null;
  printer: PrinterSetting | null;
}

export interface ReportCompanyRecord {
  roundingMode: RoundingMode;
  /** In the company's configured order. */
  paymentMethods: PaymentMethod[];
}

export interface StoreDayClose {
  version: number;
  float: number;
  countedCash: number;
}

/** Everything buildDailyReport needs for one store-day, read in one go. */
export interface StoreDay {
  company: ReportCompanyRecord;
  store: ReportStoreRecord;
  /** The latest revision of every checkout of the day, every status. */
  checkouts: Checkout[];
  drawerEvents: DrawerEvent[];
  /** The latest version of the day's close, or null. */
  close: StoreDayClose | null;
}

/** A store-day with the checkouts as sums of their stored figures (src/domain/report/day-sums.ts). */
export interface StoreDaySums extends Omit<StoreDay, 'checkouts'> {
  sums: DaySums;
}

export interface StoreDayLimits {
  checkoutsMax: number;
  drawerEventsMax: number;
}

export interface ReportSource {
  /** The store (by company and code) and its company's settings; null when the company has no such store. */
  findStore(
    companyId: string,
    storeCode: string,
  ): Promise<{ company: ReportCompanyRecord; store: ReportStoreRecord } | null>;
  /** One store-day; null when the company has no such store. Throws StoreDayTooLargeError past a limit. */
  loadStoreDay(
    companyId: string,
    storeCode: string,
    businessDate: string,
    limits: StoreDayLimits,
  ): Promise<StoreDay | null>;
  /**
   * The store-day as sums when every checkout's figures are stored under the current rounding and
   * payment methods, else the documents (as loadStoreDay; the source may then store the missing
   * figures). Optional: without it the report reads the documents.
   */
  loadStoreDaySums?(
    companyId: string,
    storeCode: string,
    businessDate: string,
    limits: StoreDayLimits,
  ): Promise<StoreDaySums | StoreDay | null>;
  /** The report fixed by one version of the close, or null. */
  closeReport(
    companyId: string,
    storeCode: string,
    businessDate: string,
    version: number,
  ): Promise<DailyReport | null>;
}

/** A store-day holds more rows than one report reads: a named error, not an out-of-memory crash. */
export class StoreDayTooLargeError extends AppError {
  constructor(what: 'checkouts' | 'drawer events', countMax: number) {
    super(
      'conflict',
      'day_too_large',
      what === 'checkouts'
        ? `この営業日の会計が多すぎます(${countMax.toLocaleString('en-US')}件まで)。`
        : `この営業日のレジ入出金が多すぎます(${countMax.toLocaleString('en-US')}件まで)。`,
      [],
      `more than ${countMax} ${what} in one store-day`,
    );
    this.name = 'StoreDayTooLargeError';
  }
}

export const printJobStatuses = ['queued', 'printing', 'retrying', 'printed', 'failed'] as const;
export type PrintJobStatus = (typeof printJobStatuses)[number];
export type PrintJobSource = 'close' | 'console' | 'api' | 'cli';

export interface PrintJobRecord {
  id: string;
  companyId: string;
  storeId: string;
  storeCode: string;
  businessDate: string;
  /** null = the report as it stands when printed. */
  closeVersion: number | null;
  source: PrintJobSource;
  requestedBy: string;
  eventId: string | null;
  status: PrintJobStatus;
  queueJobId: string | null;
  attempts: number;
  attemptsMax: number;
  /** Japanese, for the shop. */
  reason: string | null;
  /** English, for logs. */
  errorDetail: string | null;
  printerAddress: string | null;
  createdAt: Date;
  updatedAt: Date;
  printedAt: Date | null;
}

export interface NewPrintJob {
  companyId: string;
  storeId: string;
  businessDate: string;
  closeVersion: number | null;
  source: PrintJobSource;
  requestedBy: string;
  eventId: string | null;
  attemptsMax: number;
  now: Date;
}

export interface PrintFailure {
  /** No attempt is left: the job is `failed`, else `retrying`. */
  final: boolean;
  reason: string;
  detail: string;
  printerAddress: string | null;
}

/** Each method is one statement (no transaction spans a print). */
export interface PrintJobStore {
  /** Inserts a queued job; with an eventId already recorded, returns that job and created = false. */
  insert(job: NewPrintJob): Promise<{ job: PrintJobRecord; created: boolean }>;
  get(companyId: string, id: string): Promise<PrintJobRecord | null>;
  /** A queued/printing/retrying job of the same store-day and version created at or after `since`. */
  findPending(
    storeId: string,
    businessDate: string,
    closeVersion: number | null,
    since: Date,
  ): Promise<PrintJobRecord | null>;
  /** Newest first. */
  listForDay(
    companyId: string,
    storeId: string,
    businessDate: string,
    limit: number,
  ): Promise<PrintJobRecord[]>;
  setQueueJobId(id: string, queueJobId: string | null, now: Date): Promise<void>;
  markPrinting(id: string, attempt: number, now: Date): Promise<void>;
  markPrinted(id: string, printerAddress: string, now: Date): Promise<void>;
  markFailed(id: string, failure: PrintFailure, now: Date): Promise<void>;
}

export type PrintOutcome =
  | { ok: true; printerAddress: string; bytesSent: number }
  /** `retryable` false: a setting is wrong (retrying cannot help). `error` is thrown to the queue. */
  | {
      ok: false;
      printerAddress: string | null;
      retryable: boolean;
      userMessage: string;
      error: Error;
    };

export interface ReportPrinter {
  print(
    report: DailyReport,
    settings: ReportSettings,
    printer: PrinterSetting,
  ): Promise<PrintOutcome>;
}
