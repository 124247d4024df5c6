// The real `bin/uriage.js` in child processes, as a user runs it: registers before/after hooks
// that make a fresh embedded data directory (or a fresh database of the DATABASE_URL server) and
// remove it afterwards; `uriage(...args)` answers exit code, stdout and stderr (never throws).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import { openTestDatabase, type TestDatabase } from './database.js';

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliProcesses {
  uriage(...args: string[]): Promise<CliRun>;
  /** The environment the processes get (set once the before hook ran). */
  env(): NodeJS.ProcessEnv;
  dataDir(): string;
}

export function useCliProcesses(
  name: string,
  options: { timeoutMs: number; unset?: readonly string[] },
): CliProcesses {
  let dataDir = '';
  let serverDb: TestDatabase | null = null;
  let env: NodeJS.ProcessEnv = {};
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `uriage-${name}-`));
    env = { ...process.env, URIAGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    for (const key of options.unset ?? []) delete env[key];
    if (process.env.DATABASE_URL) {
      serverDb = await openTestDatabase();
      env.DATABASE_URL = serverDb.connectionString;
    } else {
      delete env.DATABASE_URL;
    }
  });
  after(async () => {
    await serverDb?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    env: () => env,
    dataDir: () => dataDir,
    async uriage(...args) {
      try {
        const { stdout, stderr } = await run(process.execPath, ['bin/uriage.js', ...args], {
          env,
          timeout: options.timeoutMs,
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as CliRun;
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    },
  };
}
