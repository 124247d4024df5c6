// Posting's background work (a JobModule, listed in src/main/job-modules.ts):
//   day.closed (outbox, consumer 'posting.day-closed') → job 'post-store-day'
//     {companyId, storeCode, businessDate} with singletonKey post:<company>:<store>:<date>
//   (policy stately: one queued + one active per store-day) → handlePostingJob.
// A run that must wait queues its next job itself (startAfter); pg-boss's own retries only cover a
// handler that crashed or a worker that died (expireInSeconds ≥ 2 × the run's lease).
import type { JobModule } from '../jobs/module.js';
import type { PostingDeps } from './post-day.js';
import {
  handlePostingJob,
  postingQueueName,
  postingSingletonKey,
  type PostingJobData,
} from './requests.js';
import type { PostingTimings } from './timings.js';

export const postingAtCloseConsumer = 'posting.day-closed';
export const postingCrashRetryLimit = 20;

/** The queues only (a process that enqueues posting jobs but runs no worker). */
export function postingQueues(timings: PostingTimings) {
  return [
    {
      name: postingQueueName,
      policy: 'stately' as const,
      retryLimit: postingCrashRetryLimit,
      retryDelaySeconds: Math.max(1, Math.round(timings.retryWaitMs / 1000)),
      expireInSeconds: timings.jobExpireSeconds,
    },
  ];
}

/** `deps` is read at each run: null where this process has no freee連携 (the job fails and retries). */
export function postingJobModule(
  deps: () => PostingDeps,
  timings: PostingTimings,
  concurrency = 4,
): JobModule {
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
      await queue.work<PostingJobData>(
        postingQueueName,
        async (data, job) => {
          await handlePostingJob({ ...deps(), queue }, data, job);
        },
        { concurrency },
      );
    },
  };
}
