// JobQueue on pg-boss 10 (the last major for Node 20): jobs live in PostgreSQL (schema `pgboss`),
// polled (no LISTEN/NOTIFY, which pglite-socket does not carry across connections).
import PgBoss from 'pg-boss';
import type {
  EnqueueOptions,
  JobHandler,
  JobQueue,
  QueueDefinition,
} from '../../app/jobs/ports.js';
import type { Logger } from '../log/logger.js';

export interface PgBossQueueOptions {
  connectionString: string;
  logger: Logger;
  queues: readonly QueueDefinition[];
  pollingIntervalSeconds?: number;
  connectionsMax?: number;
  /** pg-boss maintenance (expiring the jobs of dead workers) interval; default 120. */
  maintenanceIntervalSeconds?: number;
}

export class UnknownQueueError extends Error {
  constructor(readonly queueName: string) {
    super(`queue ${queueName} is not defined`);
    this.name = 'UnknownQueueError';
  }
}

function sendOptions(enqueueOptions: EnqueueOptions): PgBoss.SendOptions {
  return {
    ...(enqueueOptions.singletonKey ? { singletonKey: enqueueOptions.singletonKey } : {}),
    ...(enqueueOptions.startAfterSeconds ? { startAfter: enqueueOptions.startAfterSeconds } : {}),
    ...(enqueueOptions.retryLimit !== undefined ? { retryLimit: enqueueOptions.retryLimit } : {}),
    ...(enqueueOptions.retryDelaySeconds !== undefined
      ? { retryDelay: enqueueOptions.retryDelaySeconds }
      : {}),
    ...(enqueueOptions.expireInSeconds !== undefined
      ? { expireInSeconds: enqueueOptions.expireInSeconds }
      : {}),
  };
}

export async function startPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: options.connectionsMax ?? 4,
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    ...(options.maintenanceIntervalSeconds
      ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
      : {}),
  });
  boss.on('error', (error: Error) => options.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const q of options.queues) {
    await boss.createQueue(q.name, {
      name: q.name,
      policy: q.policy,
      retryLimit: q.retryLimit,
      retryDelay: q.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: q.expireInSeconds,
    });
  }
  const known = new Set(options.queues.map((q) => q.name));
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  return {
    enqueue: async (name, data, enqueueOptions: EnqueueOptions = {}) => {
      if (!known.has(name)) throw new UnknownQueueError(name);
      return boss.send(name, data, sendOptions(enqueueOptions));
    },
    work: async <T extends object>(
      name: string,
      handler: JobHandler<T>,
      workOptions: { concurrency?: number } = {},
    ) => {
      if (!known.has(name)) throw new UnknownQueueError(name);
      const workers = Math.max(1, Math.min(workOptions.concurrency ?? 1, 8));
      for (let i = 0; i < workers; i += 1) {
        await boss.work<T>(
          name,
          { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
          async (jobs: PgBoss.JobWithMetadata<T>[]) => {
            for (const job of jobs)
              await handler(job.data, { id: job.id, retryCount: job.retryCount });
          },
        );
      }
    },
    schedule: async (name, cron, data, scheduleOptions) => {
      if (!known.has(name)) throw new UnknownQueueError(name);
      await boss.schedule(name, cron, data, { tz: scheduleOptions.tz });
    },
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
