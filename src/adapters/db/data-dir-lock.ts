// PGlite is one process per data directory (electric-sql/pglite#1106: nothing stops a second
// opener, and two openers corrupt it). The owner writes `uriage.lock` with its pid and the
// address of its pglite-socket server; another process finding a live owner connects through
// that socket instead of opening the directory. The lock holds the socket's password (a new one
// per start), so the directory is 0700 and the lock 0600: only the owning OS user reads them.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LockInfo {
  pid: number;
  connectionString: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(`data directory ${dataDir} is held by process ${ownerPid}`);
    this.name = 'DataDirLockedError';
  }
}

const lockFileName = 'uriage.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLiveLock(dataDir: string): LockInfo | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, lockFileName), 'utf8');
  } catch {
    return null;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    if (info.pid === process.pid) return info;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError; a lock left by a dead process is removed. */
export function acquireLock(
  dataDir: string,
  startedAt: string,
): { publish(connectionString: string): void; release(): void } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const path = join(dataDir, lockFileName);
  const live = readLiveLock(dataDir);
  if (live && live.pid !== process.pid) throw new DataDirLockedError(dataDir, live.pid);
  rmSync(path, { force: true });
  const write = (connectionString: string, flag: 'wx' | 'w') =>
    writeFileSync(
      path,
      JSON.stringify({ pid: process.pid, connectionString, startedAt } satisfies LockInfo),
      { flag, mode: 0o600 },
    );
  try {
    write('', 'wx');
  } catch {
    const winner = readLiveLock(dataDir);
    throw new DataDirLockedError(dataDir, winner?.pid ?? -1);
  }
  return {
    publish: (connectionString) => write(connectionString, 'w'),
    release: () => {
      const current = readLiveLock(dataDir);
      if (current?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}
