// Runs the job system in a process: the queue, the handlers of every module, and the outbox
// dispatcher loop (a bounded batch every interval).
import type { Clock } from '../app/clock.js';
import type { JobModule } from '../app/jobs/module.js';
import { dispatchOutbox } from '../app/jobs/outbox.js';
import type { JobQueue } from '../app/jobs/ports.js';
import { outboxStoreOver } from '../adapters/db/outbox-store.js';
import type { Pool } from '../adapters/db/pool.js';
import type { Logger } from '../adapters/log/logger.js';
import { startPgBossQueue } from '../adapters/jobs/pg-boss-queue.js';

export interface JobRuntime {
  queue: JobQueue;
  /** Registers every module's handlers in this process and starts the outbox dispatcher loop. */
  startWorkers(): Promise<void>;
  /** Dispatches pending outbox events now (tests and the close call it to avoid waiting). */
  dispatchNow(): Promise<number>;
  stop(): Promise<void>;
}

export interface JobRuntimeOptions {
  connectionString: string;
  pool: Pool;
  clock: Clock;
  logger: Logger;
  modules: readonly JobModule[];
  dispatchIntervalMs?: number;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

export async function startJobRuntime(options: JobRuntimeOptions): Promise<JobRuntime> {
  const queues = options.modules.flatMap((m) => m.queues);
  const queue = await startPgBossQueue({
    connectionString: options.connectionString,
    logger: options.logger,
    queues,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
    ...(options.maintenanceIntervalSeconds
      ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
      : {}),
  });
  const consumers = options.modules.flatMap((m) => m.consumers);
  const store = outboxStoreOver(options.pool);
  let running: Promise<number> | null = null;
  const dispatchNow = async () => {
    while (running) await running.catch(() => 0);
    running = dispatchOutbox({ store, queue, clock: options.clock, consumers });
    try {
      return await running;
    } finally {
      running = null;
    }
  };
  let timer: NodeJS.Timeout | null = null;
  const startWorkers = async () => {
    if (timer) return;
    for (const module of options.modules) await module.registerWorkers(queue);
    timer = setInterval(() => {
      dispatchNow().catch((error: unknown) =>
        options.logger.error({ err: error }, 'outbox dispatch failed'),
      );
    }, options.dispatchIntervalMs ?? 1000);
  };
  return {
    queue,
    startWorkers,
    dispatchNow,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running?.catch(() => 0);
      await queue.stop();
    },
  };
}
