// Starts the whole service in this process: database (+ migrations), demo data, HTTP.
import { serve, type ServerType } from '@hono/node-server';
import type { Clock } from './app/clock.js';
import { ensureDemoCompany, type DemoLogin } from './app/tenancy/demo.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './adapters/db/database.js';
import { runMigrations } from './adapters/db/migrate.js';
import { allMigrationSets } from './migration-sets.js';
import { createHttpApp } from './adapters/http/app.js';
import { createSandboxApp, faultPlanFromEnv } from './sandbox/index.js';
import { wireFreee } from './adapters/freee/wire.js';
import { ledgerDepsOver } from './adapters/http/routes/ledger-deps.js';
import { previousBusinessDates, seedDemoDays } from './app/demo/seed-demo-days.js';
import type { Services } from './adapters/http/context.js';
import type { Logger } from './adapters/log/logger.js';
import { startJobRuntime } from './adapters/jobs/runtime.js';
import { jobModulesFor, postingTimingsOf } from './jobs.js';
import { buildServices } from './wiring.js';

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  services: Services;
  demoLogin: DemoLogin | null;
  close(): Promise<void>;
}

export async function startServer(options: {
  config: Config;
  clock: Clock;
  logger: Logger;
  demo: boolean;
}): Promise<RunningServer> {
  const { config, clock, logger } = options;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    startedAt: clock.now().toISOString(),
    connectionsMax: 10,
  });
  try {
    await runMigrations(database.pool, allMigrationSets);
    const jobs = await startJobRuntime({
      connectionString: database.connectionString,
      pool: database.pool,
      clock,
      logger,
      modules: jobModulesFor(config),
      maintenanceIntervalSeconds: config.jobMaintenanceIntervalSeconds,
    });
    const services = buildServices({
      pool: database.pool,
      clock,
      logger,
      secureCookies: config.publicUrl.startsWith('https://'),
      jobs: jobs.queue,
      postingTimings: postingTimingsOf(config),
    });
    await jobs.startWorkers(services);
    const demoLogin = options.demo
      ? await ensureDemoCompany({ uow: services.tenancy, clock, hasher: services.hasher })
      : null;
    const sandbox = createSandboxApp({
      pool: database.pool,
      clock,
      faults: faultPlanFromEnv({ URIAGE_SANDBOX_FAULTS: config.sandboxFaults }),
      baseUrl: `${config.publicUrl}/sandbox/freee`,
    });
    await wireFreee({ services, config, sandboxApp: sandbox, demo: options.demo });
    if (demoLogin)
      await seedDemoDays(
        ledgerDepsOver(database.pool, clock),
        demoLogin.companyId,
        previousBusinessDates(clock, 3),
      );
    const app = createHttpApp(services, { mounts: [{ path: '/sandbox/freee', app: sandbox }] });
    const { server, port } = await listen(app.fetch, config.port);
    const close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
      await database.close();
    };
    return { url: `http://localhost:${port}`, port, database, services, demoLogin, close };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  port: number,
): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '0.0.0.0' }, (info) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}
