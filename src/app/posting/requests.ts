// Posting through the job queue: the job's data and key, the handler, and requests to (re)post
// one store-day or a range of days (連携結果 再実行, the API, the close via the outbox).
//   day.closed (outbox) ──► job 'post-store-day' {companyId, storeCode, businessDate}
//   singletonKey post:<company>:<store>:<date> (policy short: one queued job per store-day; the
//   run's lease keeps runs apart: a second run ends `busy` and comes back when the lease ends). A run that must wait (throttle, maintenance,
//   ambiguous write, busy) queues the next job itself with startAfter; the handler then completes.
import { isBusinessDate } from '../../domain/calendar/business-date.js';
import { datesBetween } from '../../domain/calendar/day-arithmetic.js';
import type { Clock } from '../clock.js';
import { validationError, type FieldError } from '../errors.js';
import type { JobContext, JobQueue } from '../jobs/ports.js';
import { finalStatuses, type PostingOutcome } from './model.js';
import { postStoreDay, type PostingDeps, type PostingRequest } from './post-day.js';
import type { PostingSources, PostingStore } from './ports.js';
import type { PostingTimings } from './timings.js';

export const postingQueueName = 'posting-store-day';
/**
 * The queue before it became `short`: `stately` (one queued + one active per store-day) stalled the
 * whole queue for up to the job expiry after a killed worker (a due job whose store-day was still
 * "active" made every fetch fail). pg-boss cannot change a queue's policy, hence the new name; this
 * one is still worked so that jobs queued before an upgrade run.
 */
export const postingLegacyQueueName = 'post-store-day';
export const postingRangeDaysMax = 92;

export interface PostingJobData extends PostingRequest {
  reason: 'close' | 'retry' | 'rerun';
  /** Times the job was put back because its company had its share of runs (jobs.ts). */
  deferrals?: number;
}

export function postingSingletonKey(request: PostingRequest): string {
  return `post:${request.companyId}:${request.storeCode}:${request.businessDate}`;
}

export async function scheduleRetry(
  queue: JobQueue,
  clock: Clock,
  request: PostingRequest,
  at: Date,
  expireInSeconds: number,
): Promise<string | null> {
  const seconds = Math.max(1, Math.ceil((at.getTime() - clock.now().getTime()) / 1000));
  const data: PostingJobData = {
    companyId: request.companyId,
    storeCode: request.storeCode,
    businessDate: request.businessDate,
    reason: 'retry',
  };
  return queue.enqueue(postingQueueName, data, {
    singletonKey: postingSingletonKey(request),
    startAfterSeconds: seconds,
    expireInSeconds,
  });
}

/** The job: one run; a run that must wait queues the next one at its retry time. */
export async function handlePostingJob(
  deps: PostingDeps & { queue: JobQueue },
  data: PostingJobData,
  job: JobContext,
): Promise<PostingOutcome> {
  const request: PostingRequest = {
    companyId: data.companyId,
    storeCode: data.storeCode,
    businessDate: data.businessDate,
  };
  const result = await postStoreDay(deps, request);
  if (result.retryAt !== null && !finalStatuses.includes(result.status as never)) {
    const next = await scheduleRetry(
      deps.queue,
      deps.clock,
      request,
      result.retryAt,
      deps.timings.jobExpireSeconds,
    );
    deps.log.info(
      {
        posting: {
          ...request,
          job: job.id,
          retryAt: result.retryAt.toISOString(),
          queued: next !== null,
        },
      },
      'posting retry scheduled',
    );
  }
  return result;
}

export interface RequestDeps {
  store: PostingStore;
  sources: PostingSources;
  queue: JobQueue;
  clock: Clock;
  timings: PostingTimings;
}

export interface RangeRequest {
  companyId: string;
  storeCode: string;
  from: string;
  to: string;
}

export interface RequestedDay {
  businessDate: string;
  /** false: no close yet (nothing to send), or a job for that store-day is already waiting. */
  queued: boolean;
  reason: 'queued' | 'already_waiting' | 'not_closed';
}

export function checkRange(from: string, to: string): string[] {
  const problems: FieldError[] = [];
  if (!isBusinessDate(from))
    problems.push({
      path: 'from',
      code: 'business_date_invalid',
      message: '開始日はYYYY-MM-DD形式で指定してください。',
    });
  if (!isBusinessDate(to))
    problems.push({
      path: 'to',
      code: 'business_date_invalid',
      message: '終了日はYYYY-MM-DD形式で指定してください。',
    });
  if (problems.length === 0 && from > to)
    problems.push({
      path: 'to',
      code: 'range_reversed',
      message: '終了日は開始日以降にしてください。',
    });
  if (problems.length > 0 || !isBusinessDate(from) || !isBusinessDate(to))
    throw validationError(problems);
  const dates = datesBetween(from, to, postingRangeDaysMax);
  if (dates.length > postingRangeDaysMax) {
    throw validationError([
      {
        path: 'to',
        code: 'range_too_long',
        message: `再実行できるのは${postingRangeDaysMax}日分までです。期間を短くしてください。`,
      },
    ]);
  }
  return dates;
}

/** 再実行 of each closed day of the range (one day: from = to). Days without a close are skipped. */
export async function requestPosting(
  deps: RequestDeps,
  request: RangeRequest,
): Promise<RequestedDay[]> {
  const dates = checkRange(request.from, request.to);
  const store = await deps.sources.findStore(request.companyId, request.storeCode);
  if (!store)
    throw validationError([
      {
        path: 'store',
        code: 'store_not_found',
        message: `店舗コード「${request.storeCode}」の店舗が見つかりません。`,
      },
    ]);
  const closed = new Set(
    (
      await deps.sources.closedDates(
        request.companyId,
        store.id,
        request.from,
        request.to,
        postingRangeDaysMax,
      )
    ).map((row) => row.businessDate),
  );
  const requested: RequestedDay[] = [];
  for (const businessDate of dates) {
    if (!closed.has(businessDate)) {
      requested.push({ businessDate, queued: false, reason: 'not_closed' });
      continue;
    }
    await deps.store.markRequested({
      companyId: request.companyId,
      storeId: store.id,
      businessDate,
      manual: true,
      now: deps.clock.now(),
    });
    const day: PostingRequest = {
      companyId: request.companyId,
      storeCode: request.storeCode,
      businessDate,
    };
    const data: PostingJobData = { ...day, reason: 'rerun' };
    const jobId = await deps.queue.enqueue(postingQueueName, data, {
      singletonKey: postingSingletonKey(day),
      expireInSeconds: deps.timings.jobExpireSeconds,
    });
    requested.push({
      businessDate,
      queued: jobId !== null,
      reason: jobId !== null ? 'queued' : 'already_waiting',
    });
  }
  return requested;
}
