// Posting's background work (a JobModule, listed in src/jobs.ts):
//   day.closed (outbox, consumer 'posting.day-closed') → job 'post-store-day'
//     {companyId, storeCode, businessDate} with singletonKey post:<company>:<store>:<date>
//   (policy stately: one queued + one active per store-day) → handlePostingJob (src/app/posting).
// A run that must wait queues its next job itself (startAfter); pg-boss's own retries only cover a
// handler that crashed or a worker that died (expireInSeconds ≥ 2 × the run's lease).
import type { JobModule } from '../../app/jobs/module.js';
import {
  handlePostingJob,
  postingQueueName,
  postingSingletonKey,
  type PostingJobData,
} from '../../app/posting/requests.js';
import type { PostingTimings } from '../../app/posting/timings.js';
import type { Services } from '../http/context.js';
import { postingDepsOf } from './deps.js';

export const postingAtCloseConsumer = 'posting.day-closed';
export const postingCrashRetryLimit = 20;

interface DayClosedPayload {
  companyId: string;
  storeCode: string;
  businessDate: string;
}

export function postingJobModuleWith(
  timings: PostingTimings,
  concurrency = 4,
): JobModule<Services> {
  return {
    name: 'posting',
    queues: [
      {
        name: postingQueueName,
        policy: 'stately',
        retryLimit: postingCrashRetryLimit,
        retryDelaySeconds: Math.max(1, Math.round(timings.retryWaitMs / 1000)),
        expireInSeconds: timings.jobExpireSeconds,
      },
    ],
    consumers: [
      {
        name: postingAtCloseConsumer,
        eventType: 'day.closed',
        toJob: (event) => {
          const payload = event.payload as DayClosedPayload;
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
    registerWorkers: async (queue, services) => {
      await queue.work<PostingJobData>(
        postingQueueName,
        async (data, job) => {
          // Read at run time: services.freee is wired by the process, possibly after the workers were
          // registered; the process's timings (services.postingTimings) win over the module's defaults.
          await handlePostingJob(
            {
              ...postingDepsOf({ ...services, postingTimings: services.postingTimings ?? timings }),
              queue,
            },
            data,
            job,
          );
        },
        { concurrency },
      );
    },
  };
}
