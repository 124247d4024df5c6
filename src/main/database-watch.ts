// A long-running process (serve, worker) watches its database (issue #10 item 9): a server sharing
// the embedded data directory loses it when the owner exits, a PostgreSQL server may go away. After
// `databaseProbeFailuresMax` failed probes in a row the process is told to stop (it then exits
// non-zero with a clear message) instead of answering every request with a 500.
import type { Pool } from '../adapters/db/pool.js';

export const databaseProbeIntervalMs = 2_000;
export const databaseProbeTimeoutMs = 5_000;
export const databaseProbeFailuresMax = 3;

/** true when the database answers `select 1` within databaseProbeTimeoutMs. */
export async function databaseAnswers(pool: Pool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), databaseProbeTimeoutMs);
  });
  const probe = pool.query('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export interface DatabaseWatch {
  stop(): void;
}

/** Probes the database every databaseProbeIntervalMs; calls `onLost` once when it stays silent. */
export function watchDatabase(pool: Pool, onLost: () => void): DatabaseWatch {
  let failures = 0;
  let probing = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (probing || stopped) return;
    probing = true;
    void databaseAnswers(pool).then((ok) => {
      probing = false;
      failures = ok ? 0 : failures + 1;
      if (failures < databaseProbeFailuresMax || stopped) return;
      stopped = true;
      clearInterval(timer);
      onLost();
    });
  }, databaseProbeIntervalMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** Resolves with 'signal' on SIGINT / SIGTERM, or 'databaseLost' when the watch gives up. */
export function untilStopOrDatabaseLost(pool: Pool): Promise<'signal' | 'databaseLost'> {
  return new Promise((resolve) => {
    const watch = watchDatabase(pool, () => resolve('databaseLost'));
    const stop = () => {
      watch.stop();
      resolve('signal');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const databaseLostMessage = (mode: string) =>
  mode === 'embedded-shared'
    ? 'the database is gone: the process that owned the embedded data directory exited (データベースに接続できません。サーバーを再起動してください). Exiting.'
    : 'the database does not answer (データベースに接続できません). Exiting.';

/** Closes within `closeTimeoutMs` at most (a lost database may leave close() waiting). */
export const closeTimeoutMs = 10_000;
export async function closeWithin(close: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    close().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, closeTimeoutMs);
    }),
  ]);
  clearTimeout(timer);
}
