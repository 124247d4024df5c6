// Background work (printing at the close, posting to freee, master sync): a Postgres-backed queue.
// Implemented by src/adapters/jobs/pg-boss-queue.ts; handlers are registered by name at start.

export interface EnqueueOptions {
  /** At most one queued-or-active job per key (e.g. `post:<storeId>:<date>`). */
  singletonKey?: string;
  startAfterSeconds?: number;
  /** Retries after a failure, with exponential back-off. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job active longer than this is failed (and retried): how long a killed worker holds it. */
  expireInSeconds?: number;
}

export interface JobContext {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

export interface JobQueue {
  enqueue<T extends object>(
    name: string,
    data: T,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /** Registers the handler for `name` in this process (a worker). */
  work<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options?: { concurrency?: number },
  ): Promise<void>;
  /** A cron schedule sending `data` to `name` (pg-boss cron; `tz` e.g. Asia/Tokyo). */
  schedule<T extends object>(
    name: string,
    cron: string,
    data: T,
    options: { tz: string },
  ): Promise<void>;
  stop(): Promise<void>;
}

export interface QueueDefinition {
  name: string;
  /**
   * `short`: at most one queued job per singletonKey (active ones are not limited); `stately`: one
   * queued and one active — beware: a queued job whose key is active makes every fetch of the queue
   * fail until the active one ends (pg-boss 10), so one killed worker stalls the whole queue;
   * `singleton`: one active.
   */
  policy: 'standard' | 'short' | 'stately' | 'singleton';
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
}
