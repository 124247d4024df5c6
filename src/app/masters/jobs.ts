// Master sync's background work (a JobModule, listed in src/main/job-modules.ts):
//   cron 'masters-sync-tick' every hour on the hour (Asia/Tokyo) → the companies whose schedule is
//   enabled for this hour → a 'masters-sync' job each → syncMasters (trigger 'schedule'). A job due
//   while the company's run is still running records a skipped run (syncMasters: one at a time).
import { hourIn } from '../../domain/masters/hours.js';
import type { JobModule } from '../jobs/module.js';
import type { JobQueue } from '../jobs/ports.js';
import { mastersZone, syncMasters, type MastersDeps } from './sync.js';

export const mastersTickQueue = 'masters-sync-tick';
export const mastersSyncQueue = 'masters-sync';
export const mastersTickCron = '0 * * * *';
/** A run of 30,000 partners takes seconds; an hour covers throttle pauses (3 × 15 min). */
export const mastersSyncExpireSeconds = 60 * 60;

interface SyncJobData {
  companyId: string;
  dueHour: number;
}

export async function enqueueDueSyncs(deps: MastersDeps, queue: JobQueue): Promise<number> {
  const hour = hourIn(deps.clock.now(), mastersZone);
  const due = await deps.store.enabledSchedulesAt(hour);
  for (const schedule of due)
    await queue.enqueue<SyncJobData>(
      mastersSyncQueue,
      { companyId: schedule.companyId, dueHour: hour },
      { expireInSeconds: mastersSyncExpireSeconds },
    );
  return due.length;
}

export function mastersJobModule(deps: () => MastersDeps): JobModule {
  return {
    name: 'masters',
    queues: [
      {
        name: mastersTickQueue,
        policy: 'singleton',
        retryLimit: 0,
        retryDelaySeconds: 60,
        expireInSeconds: 300,
      },
      {
        name: mastersSyncQueue,
        policy: 'standard',
        retryLimit: 0,
        retryDelaySeconds: 60,
        expireInSeconds: mastersSyncExpireSeconds,
      },
    ],
    consumers: [],
    registerWorkers: async (queue) => {
      await queue.work(mastersTickQueue, async () => {
        await enqueueDueSyncs(deps(), queue);
      });
      await queue.work<SyncJobData>(
        mastersSyncQueue,
        async (data) => {
          await syncMasters(deps(), {
            companyId: data.companyId,
            trigger: 'schedule',
            requestedBy: 'schedule',
          });
        },
        { concurrency: 2 },
      );
      await queue.schedule(mastersTickQueue, mastersTickCron, {}, { tz: mastersZone });
    },
  };
}
