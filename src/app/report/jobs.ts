// The 日報's background work (a JobModule, listed in src/main/job-modules.ts):
//   day.closed (outbox) → job 'print-report-at-close' { eventId, payload } → handleDayClosedForPrinting:
//     records the print job (once per event) and queues 'print-report' — unless the store has no printer;
//   'print-report' { printJobId, companyId, storeId, businessDate, version? } → render + send over TCP;
//     an unreachable printer throws, and the queue retries with back-off (retryLimit, doubling delay).
import type { JobModule } from '../jobs/module.js';
import {
  handleDayClosedForPrinting,
  printReportJobName,
  printRetryDelaySeconds,
  printRetryLimit,
  type DayClosedEvent,
  type PrintReportJobData,
} from './print-jobs.js';
import { handlePrintReportJob, type PrintWorkerDeps } from './print-worker.js';

export const printAtCloseJobName = 'print-report-at-close';
export const printAtCloseConsumer = 'report.print-at-close';

export function reportJobModule(deps: PrintWorkerDeps): JobModule {
  return {
    name: 'report',
    queues: [
      // Sending takes at most 2 attempts × 10 s; a job running longer than 2 minutes is expired and retried.
      {
        name: printReportJobName,
        policy: 'standard',
        retryLimit: printRetryLimit,
        retryDelaySeconds: printRetryDelaySeconds,
        expireInSeconds: 120,
      },
      {
        name: printAtCloseJobName,
        policy: 'standard',
        retryLimit: 10,
        retryDelaySeconds: 10,
        expireInSeconds: 60,
      },
    ],
    consumers: [
      {
        name: printAtCloseConsumer,
        eventType: 'day.closed',
        toJob: (event) => ({
          queue: printAtCloseJobName,
          data: { id: event.id, payload: event.payload },
          options: { singletonKey: `print-at-close:${event.id}` },
        }),
      },
    ],
    registerWorkers: async (queue) => {
      const { source, printJobs, clock } = deps;
      await queue.work<PrintReportJobData>(printReportJobName, (data, job) =>
        handlePrintReportJob(deps, data, job),
      );
      await queue.work<DayClosedEvent>(printAtCloseJobName, async (event) => {
        await handleDayClosedForPrinting({ source, printJobs, clock, queue }, event);
      });
    },
  };
}
