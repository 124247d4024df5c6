// The built-in freee sandbox of a process: mounted in the server at /sandbox/freee (reached
// in-process), mounted the same way in `uriage worker`, served on 127.0.0.1:0 for a CLI run, or the
// one at URIAGE_SANDBOX_URL. Its state is in the database, so any process can serve it.
import type { Clock } from '../app/clock.js';
import type { Pool } from '../adapters/db/pool.js';
import { inProcessFetch, type FetchLike } from '../adapters/freee/endpoints.js';
import {
  createSandboxApp,
  faultPlanFromEnv,
  servicePlanFromEnv,
  startSandboxServer,
} from '../sandbox/index.js';
import type { Config } from './config.js';

export const sandboxMountPath = '/sandbox/freee';

export interface ProcessSandbox {
  baseUrl: string;
  fetch?: FetchLike;
  /** The app to mount at sandboxMountPath (the server); null when it is served elsewhere. */
  app: ReturnType<typeof createSandboxApp> | null;
  close(): Promise<void>;
}

export function sandboxBaseUrlOf(config: Pick<Config, 'publicUrl'>): string {
  return `${config.publicUrl.replace(/\/+$/, '')}${sandboxMountPath}`;
}

/** The sandbox mounted in this process, reached in-process at the public base URL. */
export function mountedSandbox(pool: Pool, clock: Clock, config: Config): ProcessSandbox {
  const baseUrl = sandboxBaseUrlOf(config);
  const app = createSandboxApp({
    pool,
    clock,
    faults: faultPlanFromEnv({ URIAGE_SANDBOX_FAULTS: config.sandboxFaults }),
    service: servicePlanFromEnv({ URIAGE_SANDBOX_SERVICE: config.sandboxService }),
    baseUrl,
  });
  return { baseUrl, fetch: inProcessFetch(app, baseUrl), app, close: async () => {} };
}

/** `uriage worker`: the sandbox at URIAGE_SANDBOX_URL when set (over HTTP), else mounted. */
export function workerSandbox(pool: Pool, clock: Clock, config: Config): ProcessSandbox {
  if (config.sandboxUrl) return { baseUrl: config.sandboxUrl, app: null, close: async () => {} };
  return mountedSandbox(pool, clock, config);
}

/** A CLI run: the sandbox at URIAGE_SANDBOX_URL when set, else served by this process on port 0. */
export async function cliSandbox(
  pool: Pool,
  clock: Clock,
  config: Config,
): Promise<ProcessSandbox> {
  if (config.sandboxUrl) return { baseUrl: config.sandboxUrl, app: null, close: async () => {} };
  // Faults as in the server (URIAGE_SANDBOX_FAULTS), so that `uriage post` meets them too.
  const faults = faultPlanFromEnv({ URIAGE_SANDBOX_FAULTS: config.sandboxFaults });
  const server = await startSandboxServer({ pool, clock, port: 0, faults });
  return { baseUrl: server.url, app: null, close: () => server.close() };
}
