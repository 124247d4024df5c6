// One process's parts, built once in this order: the database (+ migrations), the sandbox it
// reaches, freee, the stores (ports), the job queue (+ workers), and one frozen App. Nothing is set
// on any of them afterwards.
import type { App } from '../app/app.js';
import type { Clock } from '../app/clock.js';
import type { JobModule } from '../app/jobs/module.js';
import type { JobQueue } from '../app/jobs/ports.js';
import { openDatabase, type Database } from '../adapters/db/database.js';
import { runMigrations } from '../adapters/db/migrate.js';
import type { FreeeRuntime } from '../adapters/freee/runtime.js';
import { startPgBossQueue } from '../adapters/jobs/pg-boss-queue.js';
import { startJobRuntime, type JobRuntime } from './job-runtime.js';
import type { Logger } from '../adapters/log/logger.js';
import { appPortsOver, buildApp, type AppPorts } from './app.js';
import type { Config } from './config.js';
import { freeeRuntimeFor } from './freee.js';
import { jobModulesFor, postingTimingsOf } from './job-modules.js';
import { allMigrationSets } from './migration-sets.js';
import { smtpMailer } from '../adapters/mail/smtp-mailer.js';
import { sandboxConnectorOver } from './sandbox-connect.js';
import { cliSandbox, mountedSandbox, workerSandbox, type ProcessSandbox } from './sandbox.js';

export interface ProcessOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  connectionsMax: number;
  /** workers: queue + this process's handlers + the outbox loop; lazy: a queue started on first use. */
  jobs: 'workers' | 'lazy' | 'none';
  /** Where this process reaches the built-in sandbox; none = freee連携 without the sandbox. */
  sandbox: 'mounted' | 'worker' | 'cli' | 'none';
  /** Whether freee連携 is built at all (the secret key is read). */
  freee: boolean;
  /** Log that the secret key comes from the data directory's key file (not for CLI runs). */
  warnKeyFile?: boolean;
}

export interface OpenProcess {
  database: Database;
  app: App;
  /** The ports the App was bound to (for main only: the demo, tests). */
  ports: AppPorts;
  sandbox: ProcessSandbox | null;
  jobs: JobRuntime | null;
  /** How many job modules this process registered (0 without workers). */
  jobModules: number;
  close(): Promise<void>;
}

async function openSandbox(
  options: ProcessOptions,
  database: Database,
): Promise<ProcessSandbox | null> {
  const { pool } = database;
  // With real freee credentials the built-in sandbox is not served here (issue #10 item 3): it would
  // be an open, login-less freee next to the real one. A sandbox elsewhere (URIAGE_SANDBOX_URL) stays.
  if (options.config.freee !== null && options.config.sandboxUrl === undefined) return null;
  switch (options.sandbox) {
    case 'mounted':
      return mountedSandbox(pool, options.clock, options.config);
    case 'worker':
      return workerSandbox(pool, options.clock, options.config);
    case 'cli':
      return cliSandbox(pool, options.clock, options.config);
    case 'none':
      return null;
  }
}

/** A queue that starts pg-boss when first asked to enqueue (a CLI run that may queue a retry). */
function lazyQueue(start: () => Promise<JobQueue>): JobQueue & { started(): boolean } {
  let queue: Promise<JobQueue> | null = null;
  const get = () => (queue ??= start());
  return {
    enqueue: async (name, data, options) => (await get()).enqueue(name, data, options),
    work: async (name, handler, options) => (await get()).work(name, handler, options),
    schedule: async (name, cron, data, options) =>
      (await get()).schedule(name, cron, data, options),
    stop: async () => {
      if (queue) await (await queue).stop();
    },
    started: () => queue !== null,
  };
}

/** The queue of this process: with workers (handlers + outbox loop), started lazily, or none. */
async function startJobs(
  options: ProcessOptions,
  database: Database,
  modules: readonly JobModule[],
): Promise<{ jobs: JobRuntime | null; queue: JobQueue | null }> {
  if (options.jobs === 'workers') {
    const runtime = await startJobRuntime({
      connectionString: database.connectionString,
      pool: database.pool,
      clock: options.clock,
      logger: options.logger,
      modules,
      maintenanceIntervalSeconds: options.config.jobMaintenanceIntervalSeconds,
    });
    return { jobs: runtime, queue: runtime.queue };
  }
  if (options.jobs === 'lazy') {
    const queue = lazyQueue(() =>
      startPgBossQueue({
        connectionString: database.connectionString,
        logger: options.logger,
        queues: modules.flatMap((m) => m.queues),
      }),
    );
    return { jobs: null, queue };
  }
  return { jobs: null, queue: null };
}

export async function openProcess(options: ProcessOptions): Promise<OpenProcess> {
  const { config, clock, logger } = options;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    startedAt: clock.now().toISOString(),
    connectionsMax: options.connectionsMax,
  });
  const closers: (() => Promise<void>)[] = [() => database.close()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    await runMigrations(database.pool, allMigrationSets);
    const sandbox = await openSandbox(options, database);
    if (sandbox) closers.push(() => sandbox.close());
    const parts = { pool: database.pool, clock, logger };
    const freee: FreeeRuntime | null =
      options.freee || sandbox
        ? freeeRuntimeFor(
            parts,
            config,
            sandbox ? { baseUrl: sandbox.baseUrl, ...fetchOf(sandbox) } : null,
            options.warnKeyFile ?? true,
          )
        : null;
    const ports = appPortsOver({
      ...parts,
      freee,
      sandboxConnector: freee && sandbox ? sandboxConnectorOver(freee, database.pool) : null,
      postingTimings: postingTimingsOf(config),
      secureCookies: config.publicUrl.startsWith('https://'),
      publicUrl: config.publicUrl,
      ...(config.smtpUrl ? { mailer: smtpMailer(config.smtpUrl, config.mailFrom) } : {}),
    });
    const modules = jobModulesFor(ports, {
      postingConcurrency: config.postingConcurrency,
      postingCompanyConcurrency: config.postingCompanyConcurrency,
    });
    const { jobs, queue } = await startJobs(options, database, modules);
    const stopper = jobs ?? queue;
    if (stopper) closers.push(() => stopper.stop());
    const appPorts = Object.freeze({ ...ports, jobs: queue });
    const app = buildApp(appPorts);
    if (jobs) await jobs.startWorkers();
    return {
      database,
      app,
      ports: appPorts,
      sandbox,
      jobs,
      jobModules: jobs ? modules.length : 0,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function fetchOf(sandbox: ProcessSandbox) {
  return sandbox.fetch ? { fetch: sandbox.fetch } : {};
}
