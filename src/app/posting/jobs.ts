// Posting's background work (a JobModule, listed in src/main/job-modules.ts):
//   day.closed (outbox, consumer 'posting.day-closed') → job 'posting-store-day'
//     {companyId, storeCode, businessDate} with singletonKey post:<company>:<store>:<date>
//   (policy short: one queued per store-day; the lease keeps runs apart) → handlePostingJob,
//   at most `perCompany` runs of one company at once per process (company-gate.ts).
// A run that must wait queues its next job itself (startAfter); pg-boss's own retries only cover a
// handler that crashed or a worker that died (expireInSeconds ≥ 2 × the run's lease).
import type { JobModule } from '../jobs/module.js';
import type { JobContext, JobQueue, QueueDefinition } from '../jobs/ports.js';
import {
  createCompanyGate,
  type Admission,
  type CompanyAdmission,
  type CompanyGate,
} from './company-gate.js';
import type { PostingDeps } from './post-day.js';
import {
  handlePostingJob,
  postingLegacyQueueName,
  postingQueueName,
  postingSingletonKey,
  type PostingJobData,
} from './requests.js';
import type { PostingTimings } from './timings.js';

export const postingAtCloseConsumer = 'posting.day-closed';
export const postingCrashRetryLimit = 20;

/** The queues only (a process that enqueues posting jobs but runs no worker). */
export function postingQueues(timings: PostingTimings): QueueDefinition[] {
  const common = {
    retryLimit: postingCrashRetryLimit,
    retryDelaySeconds: Math.max(1, Math.round(timings.retryWaitMs / 1000)),
    expireInSeconds: timings.jobExpireSeconds,
  };
  return [
    { name: postingQueueName, policy: 'short', ...common },
    { name: postingLegacyQueueName, policy: 'stately', ...common },
  ];
}

export interface PostingConcurrency {
  /** Posting runs at once in this process (pg-boss pollers). */
  perProcess: number;
  /** Runs of one company at once in this process. */
  perCompany: number;
  /** The bound across processes (PostgreSQL server); none with the embedded database (one process). */
  shared: CompanyAdmission | null;
}

/** A run over its company's bound is put back this much later (the first times)… */
export const companyDeferralSeconds = 1;
/** …then twice as late every 3 put-backs, up to this: a 1,000-store chain's backlog of waiting
 * store-days must not ask for a place hundreds of times a second (each ask is a fetch, a put-back
 * and a completion in the queue). */
export const companyDeferralSecondsMax = 8;

/** A refused run's wait before asking again, by its rounds ahead in the company's waiting line
 * (company-admission.ts): the next in line asks every second, later ones less often (a round is
 * about a run's length), up to companyDeferralSecondsMax. */
export function turnSecondsOf(roundsAhead: number): number {
  return Math.min(companyDeferralSecondsMax, Math.max(companyDeferralSeconds, roundsAhead));
}

export function deferralSecondsOf(deferrals: number): number {
  return Math.min(
    companyDeferralSecondsMax,
    companyDeferralSeconds * 2 ** Math.floor(deferrals / 3),
  );
}
/** After this many put-backs the run goes ahead anyway (no job is deferred for ever). */
export const companyDeferralsMax = 600;

type Deps = () => PostingDeps;

interface Gates {
  local: CompanyGate;
  shared: CompanyAdmission | null;
}

async function putBack(
  queue: JobQueue,
  timings: PostingTimings,
  data: PostingJobData,
  startAfterSeconds: number,
  deferrals: number,
): Promise<void> {
  await queue.enqueue<PostingJobData>(
    postingQueueName,
    { ...data, deferrals },
    {
      singletonKey: postingSingletonKey(data),
      startAfterSeconds,
      expireInSeconds: timings.jobExpireSeconds,
    },
  );
}

/** The place of a run: this process's gate, then the shared one; null = put back (done here). */
async function enterGates(
  deps: Deps,
  queue: JobQueue,
  gates: Gates,
  timings: PostingTimings,
  data: PostingJobData,
): Promise<{ leave(): Promise<void> } | null> {
  const deferrals = data.deferrals ?? 0;
  const overdue = deferrals >= companyDeferralsMax;
  const leaveLocal = gates.local.enter(data.companyId);
  if (!leaveLocal && !overdue) {
    await putBack(queue, timings, data, deferralSecondsOf(deferrals), deferrals + 1);
    return null;
  }
  if (!gates.shared) return { leave: async () => leaveLocal?.() };
  const shared = gates.shared;
  let now: Date;
  let admission: Admission;
  try {
    now = deps().clock.now();
    admission = await shared.admit(
      { companyId: data.companyId, storeCode: data.storeCode, businessDate: data.businessDate },
      now,
    );
  } catch (error) {
    leaveLocal?.(); // the job fails and is retried; this process's place is not kept
    throw error;
  }
  if (admission.admitted)
    return {
      leave: async () => {
        leaveLocal?.();
        await admission.release();
      },
    };
  leaveLocal?.();
  if (admission.until) {
    // freee has locked the company out: wait for the end of the lock-out (not counted as a put-back).
    const seconds = Math.ceil((admission.until.getTime() - now.getTime()) / 1000);
    await putBack(queue, timings, data, Math.max(companyDeferralSeconds, seconds), deferrals);
    return null;
  }
  if (overdue) return { leave: async () => undefined };
  await putBack(queue, timings, data, turnSecondsOf(admission.roundsAhead), deferrals + 1);
  return null;
}

async function runGated(
  deps: Deps,
  queue: JobQueue,
  gates: Gates,
  timings: PostingTimings,
  data: PostingJobData,
  job: JobContext,
): Promise<void> {
  const place = await enterGates(deps, queue, gates, timings, data);
  if (!place) return;
  try {
    await handlePostingJob({ ...deps(), queue }, data, job);
  } finally {
    await place.leave();
  }
}

/** `deps` is read at each run: null where this process has no freee連携 (the job fails and retries). */
export function postingJobModule(
  deps: Deps,
  timings: PostingTimings,
  concurrency: Partial<PostingConcurrency> = {},
): JobModule {
  const perProcess = concurrency.perProcess ?? 4;
  const gates: Gates = {
    local: createCompanyGate(concurrency.perCompany ?? Math.max(1, Math.ceil(perProcess / 2))),
    shared: concurrency.shared ?? null,
  };
  return {
    name: 'posting',
    queues: postingQueues(timings),
    consumers: [
      {
        name: postingAtCloseConsumer,
        eventType: 'day.closed',
        toJob: ({ payload }) => {
          const data: PostingJobData = {
            companyId: payload.companyId,
            storeCode: payload.storeCode,
            businessDate: payload.businessDate,
            reason: 'close',
          };
          return {
            queue: postingQueueName,
            data,
            options: {
              singletonKey: postingSingletonKey(data),
              expireInSeconds: timings.jobExpireSeconds,
            },
          };
        },
      },
    ],
    registerWorkers: async (queue) => {
      const handler = (data: PostingJobData, job: JobContext) =>
        runGated(deps, queue, gates, timings, data, job);
      await queue.work<PostingJobData>(postingQueueName, handler, { concurrency: perProcess });
      await queue.work<PostingJobData>(postingLegacyQueueName, handler, { concurrency: 1 });
    },
  };
}
