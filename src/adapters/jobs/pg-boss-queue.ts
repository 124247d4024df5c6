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
import { startQueuePoller, type QueuePoller } from './queue-poller.js';

export interface PgBossQueueOptions {
  connectionString: string;
  logger: Logger;
  queues: readonly QueueDefinition[];
  pollingIntervalSeconds?: number;
  connectionsMax?: number;
  /** pg-boss maintenance (expiring the jobs of dead workers) interval; default 120. */
  maintenanceIntervalSeconds?: number;
}

/** Jobs of one queue running at once per process (one poller fetches for all of them). */
export const workersPerQueueMax = 32;

export class UnknownQueueError extends Error {
  constructor(readonly queueName: string) {
    super(`queue ${queueName} is not defined`);
    this.name = 'UnknownQueueError';
  }
}

/** Tries of createQueue when PostgreSQL breaks a deadlock between processes starting at once. */
export const createQueueAttemptsMax = 5;
const deadlockDetected = '40P01';

/**
 * Several `uriage worker` processes started together on a fresh database all create the queues
 * (pg-boss creates a partition per queue); PostgreSQL may break the resulting deadlock by failing
 * one of them. The queue then exists or is created on the next try.
 */
async function createQueueRetryingDeadlocks(create: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await create();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== deadlockDetected || attempt >= createQueueAttemptsMax) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
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
    await createQueueRetryingDeadlocks(() =>
      boss.createQueue(q.name, {
        name: q.name,
        policy: q.policy,
        retryLimit: q.retryLimit,
        retryDelay: q.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: q.expireInSeconds,
      }),
    );
  }
  const known = new Set(options.queues.map((q) => q.name));
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  const pollers: QueuePoller[] = [];
  const pollersByName = new Map<string, QueuePoller>();
  return {
    enqueue: async (name, data, enqueueOptions: EnqueueOptions = {}) => {
      if (!known.has(name)) throw new UnknownQueueError(name);
      const id = await boss.send(name, data, sendOptions(enqueueOptions));
      // A job queued by this process for itself starts now, not at the next poll (one poller per
      // queue polls once a second; jobs queued by other processes wait for that poll).
      if (!enqueueOptions.startAfterSeconds) pollersByName.get(name)?.wake();
      return id;
    },
    work: async <T extends object>(
      name: string,
      handler: JobHandler<T>,
      workOptions: { concurrency?: number } = {},
    ) => {
      if (!known.has(name)) throw new UnknownQueueError(name);
      const slots = Math.max(1, Math.min(workOptions.concurrency ?? 1, workersPerQueueMax));
      const poller = startQueuePoller<T>({
        boss,
        name,
        slots,
        intervalMs: pollingIntervalSeconds * 1000,
        handle: (job) => handler(job.data, { id: job.id, retryCount: job.retryCount }),
        onError: (error) => options.logger.error({ err: error, queue: name }, 'job queue error'),
      });
      pollers.push(poller);
      pollersByName.set(name, poller);
    },
    schedule: async (name, cron, data, scheduleOptions) => {
      if (!known.has(name)) throw new UnknownQueueError(name);
      await boss.schedule(name, cron, data, { tz: scheduleOptions.tz });
    },
    stop: async () => {
      await Promise.all(pollers.splice(0).map((poller) => poller.stop(10_000)));
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
