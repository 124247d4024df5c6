// Starts the whole service in this process: database (+ migrations), jobs, demo data, HTTP (API,
// console and the sandbox mounted at /sandbox/freee).
import { serve, type ServerType } from '@hono/node-server';
import type { App } from '../app/app.js';
import type { Clock } from '../app/clock.js';
import { previousBusinessDates, seedDemoDays } from '../app/demo/seed-demo-days.js';
import type { DemoLogin } from '../app/tenancy/demo.js';
import type { Database } from '../adapters/db/database.js';
import { createHttpApp } from '../adapters/http/app.js';
import type { Logger } from '../adapters/log/logger.js';
import type { Config } from './config.js';
import { connectDemoCompanyToFreee } from './freee.js';
import { openProcess } from './process.js';
import { databaseAnswers } from './database-watch.js';
import { sandboxMountPath } from './sandbox.js';

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  app: App;
  demoLogin: DemoLogin | null;
  /** The demo's freee sandbox user (consent-page sign-in), when this start connected the demo. */
  demoSandboxSignIn: { email: string; password: string } | null;
  close(): Promise<void>;
}

export async function startServer(options: {
  config: Config;
  clock: Clock;
  logger: Logger;
  demo: boolean;
}): Promise<RunningServer> {
  const { config, clock, logger } = options;
  const running = await openProcess({
    config,
    clock,
    logger,
    connectionsMax: 10,
    jobs: 'workers',
    sandbox: 'mounted',
    freee: true,
  });
  try {
    const { app, ports, database } = running;
    const demoLogin = options.demo ? await app.tenancy.ensureDemoCompany() : null;
    let demoSandboxSignIn: RunningServer['demoSandboxSignIn'] = null;
    if (options.demo)
      await connectDemoCompanyToFreee(app, logger, (signIn) => {
        demoSandboxSignIn = signIn;
      });
    if (demoLogin)
      await seedDemoDays(
        { uow: ports.ledger, clock },
        demoLogin.companyId,
        previousBusinessDates(clock, 3),
      );
    const mounts = running.sandbox?.app
      ? [{ path: sandboxMountPath, app: running.sandbox.app }]
      : [];
    const http = createHttpApp(app, { mounts, health: () => databaseAnswers(database.pool) });
    const { server, port } = await listen(http.fetch, config.port);
    const close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running.close();
    };
    return {
      url: `http://localhost:${port}`,
      port,
      database,
      app,
      demoLogin,
      demoSandboxSignIn,
      close,
    };
  } catch (error) {
    await running.close();
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
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `cannot listen on port ${port} (${error.code ?? error.message}): is another server running? Set PORT or --port.`,
        ),
      ),
    );
  });
}
