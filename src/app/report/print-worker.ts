// The 'print-report' job: render the store-day's 日報 and send it to the store's printer.
// - version given: the report fixed by that close version (printedAt = now); else the report as it stands;
// - settings and printer: the store's current ones;
// - success → `printed`; printer unreachable → the row records the Japanese reason and the job throws,
//   so the queue retries it with back-off (`retrying`), and after the last attempt it is `failed`;
// - a setting that cannot work (no printer, bad address) fails at once without retrying;
// - a job delivered again after it printed does nothing (status `printed`).
import type { DailyReport } from '../../domain/report/types.js';
import type { Clock } from '../clock.js';
import type { JobContext } from '../jobs/ports.js';
import { reportOfDay, storeDayLimits, type ReportView } from './daily-report.js';
import type { PrintJobRecord, PrintJobStore, ReportPrinter, ReportSource } from './ports.js';
import { AppError } from '../errors.js';
import { allowedPrinterAddress, type PrinterNetworkDeps } from '../network/printer-network.js';
import type { PrintReportJobData } from './print-jobs.js';
import { instantInZone } from '../../domain/calendar/store-zone.js';

export interface PrintWorkerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface PrintWorkerDeps {
  source: ReportSource;
  printJobs: PrintJobStore;
  printer: ReportPrinter;
  /** The company's printer network setting, checked again before every send (issue #10 item 12). */
  network: PrinterNetworkDeps;
  clock: Clock;
  logger: PrintWorkerLogger;
}

/** The report to print: the close version's fixed report (printedAt now), or the live one; null when that version is missing. */
async function reportToPrint(
  deps: PrintWorkerDeps,
  record: PrintJobRecord,
): Promise<{ view: ReportView; report: DailyReport } | null> {
  const day = await deps.source.loadStoreDay(
    record.companyId,
    record.storeCode,
    record.businessDate,
    storeDayLimits,
  );
  if (!day) throw new Error(`store ${record.storeCode} of print job ${record.id} not found`);
  const view = reportOfDay(
    day,
    record.businessDate,
    instantInZone(deps.clock.now(), day.store.timeZone),
  );
  if (record.closeVersion === null) return { view, report: view.report };
  const fixed = await deps.source.closeReport(
    record.companyId,
    record.storeCode,
    record.businessDate,
    record.closeVersion,
  );
  return fixed ? { view, report: { ...fixed, printedAt: view.report.printedAt } } : null;
}

/** A job that cannot work as set up: failed at once, no retry. */
async function failFinally(
  deps: PrintWorkerDeps,
  record: PrintJobRecord,
  reason: string,
  detail: string,
): Promise<void> {
  await deps.printJobs.markFailed(
    record.id,
    { final: true, reason, detail, printerAddress: null },
    deps.clock.now(),
  );
}

/** The address to connect to, or null after failing the job (the setting refuses it: no retry). */
async function checkedAddress(
  deps: PrintWorkerDeps,
  record: PrintJobRecord,
  host: string,
): Promise<string | null> {
  try {
    return await allowedPrinterAddress(deps.network, record.companyId, host);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await failFinally(deps, record, error.userMessage, error.message);
    deps.logger.warn({ printJobId: record.id, err: error }, 'report not printed: address refused');
    return null;
  }
}

export async function handlePrintReportJob(
  deps: PrintWorkerDeps,
  data: PrintReportJobData,
  job: JobContext,
): Promise<void> {
  const record = await deps.printJobs.get(data.companyId, data.printJobId);
  if (!record) {
    deps.logger.warn(
      { printJobId: data.printJobId, queueJobId: job.id },
      'print job row not found; nothing to print',
    );
    return;
  }
  if (record.status === 'printed') return;
  const attempt = job.retryCount + 1;
  const final = attempt >= record.attemptsMax;
  await deps.printJobs.markPrinting(record.id, attempt, deps.clock.now());
  const printable = await reportToPrint(deps, record);
  if (!printable) {
    const reason = `第${record.closeVersion ?? ''}版の閉局が見つからないため印刷できません。`;
    await failFinally(deps, record, reason, `close version ${record.closeVersion} not found`);
    return;
  }
  const { report, view } = printable;
  const printer = view.store.printer;
  if (!printer) {
    const reason =
      'レシートプリンターが設定されていません。運用管理設定 > 店舗 で設定してから再印刷してください。';
    await failFinally(deps, record, reason, 'store has no printer');
    return;
  }
  const address = await checkedAddress(deps, record, printer.host);
  if (address === null) return;
  // Connect to the address that was checked, not to the name again.
  const outcome = await deps.printer.print(report, view.settings, { ...printer, host: address });
  if (outcome.ok) {
    await deps.printJobs.markPrinted(record.id, outcome.printerAddress, deps.clock.now());
    deps.logger.info(
      { printJobId: record.id, attempt, bytes: outcome.bytesSent },
      'report printed',
    );
    return;
  }
  const last = final || !outcome.retryable;
  await deps.printJobs.markFailed(
    record.id,
    {
      final: last,
      reason: outcome.userMessage,
      detail: outcome.error.message,
      printerAddress: outcome.printerAddress,
    },
    deps.clock.now(),
  );
  deps.logger.warn(
    { printJobId: record.id, attempt, attemptsMax: record.attemptsMax, err: outcome.error },
    last ? 'report not printed; no attempt left' : 'report not printed; the queue retries',
  );
  if (outcome.retryable) throw outcome.error;
}
