// One poller per queue and process (issue 15, the night): pg-boss's own `work` runs one polling
// loop per concurrent job, so a worker with 8 posting slots asked PostgreSQL for work 8 times a
// second per queue while idle (≈ 27 fetches a second for 2 idle workers in the night run). This
// loop fetches as many jobs as it has free slots — one statement — then waits for the polling
// interval or until a running job ends (a slot is free), whichever comes first. Completion and
// failure are pg-boss's (`complete` / `fail`: retries and back-off as the queue is defined); a job
// still running when its expiry passes is failed as pg-boss's `work` does.
import type PgBoss from 'pg-boss';

export interface PollerJob<T> {
  id: string;
  data: T;
  retryCount: number;
  expireInSeconds: number;
}

export interface QueuePoller {
  /** Fetches now instead of at the end of the polling interval (a job was just queued here). */
  wake(): void;
  /** Stops fetching; waits up to `timeoutMs` for running jobs, then fails the rest (retried later). */
  stop(timeoutMs: number): Promise<void>;
}

export class JobExpiredError extends Error {
  constructor(readonly seconds: number) {
    super(`job ran longer than its expiry (${seconds} s)`);
    this.name = 'JobExpiredError';
  }
}

type Boss = Pick<PgBoss, 'fetch' | 'complete' | 'fail'>;

function withinSeconds<T>(work: Promise<T>, seconds: number): Promise<T> {
  if (!(seconds > 0)) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobExpiredError(seconds)), seconds * 1000);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

interface PollerOptions<T> {
  boss: Boss;
  name: string;
  slots: number;
  intervalMs: number;
  handle: (job: PollerJob<T>) => Promise<void>;
  onError: (error: unknown) => void;
}

/** Runs one job to its end: completed, or failed (pg-boss retries it as the queue says). */
async function runJob<T>(options: PollerOptions<T>, job: PollerJob<T>): Promise<void> {
  try {
    await withinSeconds(options.handle(job), job.expireInSeconds);
    await options.boss.complete(options.name, job.id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await options.boss.fail(options.name, job.id, { message }).catch(options.onError);
  }
}

export function startQueuePoller<T extends object>(options: PollerOptions<T>): QueuePoller {
  const { boss, name, slots } = options;
  const running = new Map<string, Promise<void>>();
  let stopping = false;
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const run = (job: PollerJob<T>) => {
    const done = runJob(options, job).finally(() => {
      running.delete(job.id);
      wakeUp();
    });
    running.set(job.id, done);
  };
  const loop = (async () => {
    while (!stopping) {
      const free = slots - running.size;
      if (free > 0) {
        try {
          const jobs = (await boss.fetch<T>(name, {
            batchSize: free,
            includeMetadata: true,
          })) as unknown as PollerJob<T>[];
          for (const job of jobs) run(job);
        } catch (error) {
          options.onError(error);
        }
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve();
        }, options.intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    wake: wakeUp,
    stop: async (timeoutMs) => {
      stopping = true;
      wakeUp();
      await loop;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const result = await Promise.race([Promise.all(running.values()), timedOut]);
      clearTimeout(timer);
      if (result === 'timeout' && running.size > 0)
        await Promise.all(
          [...running.keys()].map((id) =>
            boss.fail(name, id, { message: 'worker stopped' }).catch(options.onError),
          ),
        );
    },
  };
}
