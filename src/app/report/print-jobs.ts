// Printing a 日報 through the job queue (docs/report.md, "Printing"):
//   1. requestPrint records the intent (print_jobs row, status queued) BEFORE the queue is asked,
//      then enqueues 'print-report' { printJobId, companyId, storeId, businessDate, version? } with a
//      retry limit and back-off;
//   2. the worker (print-worker.ts) renders and sends; a printer that is off fails the job, which the
//      queue retries; every attempt's outcome (Japanese reason) is written on the row;
//   3. after the last attempt the row stays `failed` with its reason: the console offers 再印刷.
// The close asks for a print through handleDayClosedForPrinting (the outbox dispatcher calls it).
import type { DayClosed } from '../events.js';
import type { Clock } from '../clock.js';
import { AppError, conflict, notFound } from '../errors.js';
import type { JobQueue } from '../jobs/ports.js';
import {
  checkActorStore,
  checkBusinessDate,
  storeNotFound,
  type ReportActor,
} from './daily-report.js';
import type { PrintJobRecord, PrintJobSource, PrintJobStore, ReportSource } from './ports.js';

export const printReportJobName = 'print-report';
/** Retries after the first attempt; the queue waits printRetryDelaySeconds, doubling each time. */
export const printRetryLimit = 5;
export const printRetryDelaySeconds = 30;
/** A second request for the same store-day and version while one is still pending returns that one. */
export const pendingPrintWindowMs = 5 * 60_000;
export const printJobsListedMax = 50;

export interface PrintReportJobData {
  printJobId: string;
  companyId: string;
  storeId: string;
  businessDate: string;
  /** The close version whose fixed report is printed; absent = the report as it stands. */
  version?: number;
}

export interface PrintDeps {
  source: ReportSource;
  printJobs: PrintJobStore;
  /** null when this process has no job queue: a print request is refused (503), nothing is recorded. */
  queue: JobQueue | null;
  clock: Clock;
}

export interface PrintRequest {
  storeCode: string;
  businessDate: string;
  version?: number | undefined;
  source: PrintJobSource;
  eventId?: string | undefined;
}

const queueMissing = () =>
  new AppError(
    'unavailable',
    'print_queue_unavailable',
    '印刷キューが動いていないため、印刷を受け付けられません。しばらくしてから再印刷してください。',
    [],
    'no job queue in this process',
  );

function checkVersion(version: number | undefined): void {
  if (version === undefined) return;
  if (!Number.isInteger(version) || version < 1) {
    throw new AppError('validation', 'validation_failed', '入力内容に誤りがあります。', [
      {
        path: 'version',
        code: 'invalid_version',
        message: '閉局の版は1以上の整数で指定してください。',
      },
    ]);
  }
}

/** Records the print intent, then queues it. Returns the job (an existing pending one: created = false). */
export async function requestPrint(
  deps: PrintDeps,
  actor: ReportActor,
  request: PrintRequest,
): Promise<{ job: PrintJobRecord; created: boolean }> {
  checkActorStore(actor, request.storeCode);
  checkBusinessDate('date', request.businessDate);
  checkVersion(request.version);
  const found = await deps.source.findStore(actor.companyId, request.storeCode);
  if (!found) throw storeNotFound(request.storeCode);
  if (!found.store.printer) {
    throw conflict(
      'printer_not_configured',
      `店舗「${found.store.name}」にレシートプリンターが設定されていません。運用管理設定 > 店舗 で設定してください。`,
      [
        {
          path: 'printer',
          code: 'printer_not_configured',
          message: 'レシートプリンターが設定されていません。',
        },
      ],
    );
  }
  if (
    request.version !== undefined &&
    !(await deps.source.closeReport(
      actor.companyId,
      request.storeCode,
      request.businessDate,
      request.version,
    ))
  ) {
    throw notFound(
      'close',
      `${request.businessDate} の第${request.version}版の閉局が見つかりません。`,
    );
  }
  const queue = deps.queue;
  if (!queue) throw queueMissing();
  const now = deps.clock.now();
  const version = request.version ?? null;
  if (request.eventId === undefined) {
    const pending = await deps.printJobs.findPending(
      found.store.id,
      request.businessDate,
      version,
      new Date(now.getTime() - pendingPrintWindowMs),
    );
    if (pending) return { job: pending, created: false };
  }
  const { job, created } = await deps.printJobs.insert({
    companyId: actor.companyId,
    storeId: found.store.id,
    businessDate: request.businessDate,
    closeVersion: version,
    source: request.source,
    requestedBy: actor.label,
    eventId: request.eventId ?? null,
    attemptsMax: printRetryLimit + 1,
    now,
  });
  // A redelivered event whose first delivery stopped between the insert and the enqueue: queue it now.
  if (!created && job.status === 'queued' && job.queueJobId === null)
    return { job: await enqueue(deps, queue, job), created };
  if (!created) return { job, created };
  return { job: await enqueue(deps, queue, job), created };
}

async function enqueue(
  deps: PrintDeps,
  queue: JobQueue,
  job: PrintJobRecord,
): Promise<PrintJobRecord> {
  const data: PrintReportJobData = {
    printJobId: job.id,
    companyId: job.companyId,
    storeId: job.storeId,
    businessDate: job.businessDate,
    ...(job.closeVersion !== null ? { version: job.closeVersion } : {}),
  };
  try {
    const queueJobId = await queue.enqueue(printReportJobName, data, {
      retryLimit: printRetryLimit,
      retryDelaySeconds: printRetryDelaySeconds,
    });
    await deps.printJobs.setQueueJobId(job.id, queueJobId, deps.clock.now());
    return { ...job, queueJobId };
  } catch (error) {
    const reason = '印刷キューに登録できませんでした。再印刷してください。';
    await deps.printJobs.markFailed(
      job.id,
      {
        final: true,
        reason,
        detail: `enqueue failed: ${(error as Error).message}`,
        printerAddress: null,
      },
      deps.clock.now(),
    );
    throw new AppError(
      'unavailable',
      'print_queue_unavailable',
      reason,
      [],
      `enqueue of print job ${job.id} failed: ${(error as Error).message}`,
    );
  }
}

/** The print jobs of a store-day, newest first (the console shows their status and reason). */
export async function listPrintJobs(
  deps: Pick<PrintDeps, 'source' | 'printJobs'>,
  actor: ReportActor,
  query: { storeCode: string; businessDate: string },
): Promise<PrintJobRecord[]> {
  checkActorStore(actor, query.storeCode);
  checkBusinessDate('date', query.businessDate);
  const found = await deps.source.findStore(actor.companyId, query.storeCode);
  if (!found) throw storeNotFound(query.storeCode);
  return deps.printJobs.listForDay(
    actor.companyId,
    found.store.id,
    query.businessDate,
    printJobsListedMax,
  );
}

/** What the ledger writes in the outbox at a close (src/app/ledger/close-day.ts, DayClosedPayload). */
export interface DayClosedEvent {
  /** domain_events.id: at most one print job per event, so a redelivered event prints once. */
  id: string;
  payload: Omit<DayClosed, 'closeId'>;
}

/**
 * Consumer of `day.closed`: prints the report fixed by that close version on the store's printer.
 * A store without a printer is skipped (nothing to print on). Idempotent per event id.
 */
export async function handleDayClosedForPrinting(
  deps: PrintDeps,
  event: DayClosedEvent,
): Promise<{ printed: 'queued' | 'already-queued' | 'no-printer'; job: PrintJobRecord | null }> {
  const { companyId, storeCode, businessDate, version } = event.payload;
  const found = await deps.source.findStore(companyId, storeCode);
  if (!found) throw storeNotFound(storeCode);
  if (!found.store.printer) return { printed: 'no-printer', job: null };
  const actor: ReportActor = { companyId, label: 'close' };
  const { job, created } = await requestPrint(deps, actor, {
    storeCode,
    businessDate,
    version,
    source: 'close',
    eventId: event.id,
  });
  return { printed: created ? 'queued' : 'already-queued', job };
}
