// A real HTTP server over a fresh test database, plus helpers to create companies and log in.
import type { Mailer } from '../../src/app/mail/ports.js';
import { serve, type ServerType } from '@hono/node-server';
import { fixedClock } from '../../src/app/clock.js';
import { login } from '../../src/app/auth/login.js';
import { demoPaymentMethods } from '../../src/app/tenancy/demo.js';
import { saveCompany } from '../../src/app/tenancy/service.js';
import type { App } from '../../src/app/app.js';
import type { Clock } from '../../src/app/clock.js';
import type { AccessStore } from '../../src/app/auth/ports.js';
import type { JobQueue } from '../../src/app/jobs/ports.js';
import type { PostingTimings } from '../../src/app/posting/timings.js';
import type { PasswordHasher, TenancyUnitOfWork } from '../../src/app/tenancy/ports.js';
import { argon2Hasher } from '../../src/adapters/crypto/argon2-hasher.js';
import { accessStoreOver } from '../../src/adapters/db/access-store.js';
import type { Pool } from '../../src/adapters/db/pool.js';
import { tenancyUnitOfWork } from '../../src/adapters/db/tenancy-store.js';
import type { FreeeRuntime } from '../../src/adapters/freee/runtime.js';
import { createHttpApp, type HttpAppOptions } from '../../src/adapters/http/app.js';
import { silentLogger, type Logger } from '../../src/adapters/log/logger.js';
import { appOver } from '../../src/main/app.js';
import { openTestDatabase, type TestDatabase } from './database.js';

/**
 * The parts a test process is built from. Tests may swap `jobs`, `freee` and `postingTimings`
 * between requests: the App (frozen) is rebuilt from them when one changed.
 */
export interface TestServices {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  hasher: PasswordHasher;
  tenancy: TenancyUnitOfWork;
  access: AccessStore;
  jobs: JobQueue | null;
  freee?: FreeeRuntime;
  postingTimings?: PostingTimings;
  secureCookies?: boolean;
  /** SMTP in mail tests; the outbox otherwise. */
  mailer?: Mailer;
}

export function buildServices(parts: {
  pool: Pool;
  clock: Clock;
  logger?: Logger;
  jobs?: JobQueue | null;
  postingTimings?: PostingTimings;
}): TestServices {
  return {
    pool: parts.pool,
    clock: parts.clock,
    logger: parts.logger ?? silentLogger,
    hasher: argon2Hasher,
    tenancy: tenancyUnitOfWork(parts.pool),
    access: accessStoreOver(parts.pool),
    jobs: parts.jobs ?? null,
    ...(parts.postingTimings ? { postingTimings: parts.postingTimings } : {}),
  };
}

/** The App over the parts as they are now (rebuilt when jobs, freee or timings were swapped). */
export function appOfServices(services: TestServices): () => App {
  let built: { key: unknown[]; app: App } | null = null;
  return () => {
    const key = [
      services.jobs,
      services.freee,
      services.postingTimings,
      services.clock,
      services.mailer,
    ];
    if (!built || built.key.some((part, i) => part !== key[i]))
      built = {
        key,
        app: appOver({
          pool: services.pool,
          clock: services.clock,
          logger: services.logger,
          hasher: services.hasher,
          jobs: services.jobs,
          freee: services.freee ?? null,
          ...(services.postingTimings ? { postingTimings: services.postingTimings } : {}),
          secureCookies: services.secureCookies ?? false,
          ...(services.mailer ? { mailer: services.mailer, publicUrl: 'http://console.test' } : {}),
        }),
      };
    return built.app;
  };
}

/** An HTTP app that follows the App of `services` (see appOfServices). */
export function httpAppOver(services: TestServices, options: HttpAppOptions = {}) {
  const appNow = appOfServices(services);
  let built: { app: App; http: ReturnType<typeof createHttpApp> } | null = null;
  const current = () => {
    const app = appNow();
    if (built?.app !== app) built = { app, http: createHttpApp(app, options) };
    return built.http;
  };
  // The node server's bindings (incoming/outgoing) pass through: the sandbox's faults use them.
  return {
    fetch: (...args: Parameters<ReturnType<typeof createHttpApp>['fetch']>) =>
      current().fetch(...args),
  };
}

export interface TestApp {
  url: string;
  db: TestDatabase;
  services: TestServices;
  /** The App the server answers with now. */
  app(): App;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: HttpAppOptions & { now?: string } = {},
): Promise<TestApp> {
  const db = await openTestDatabase();
  const clock = fixedClock(options.now ?? '2025-01-10T09:00:00+09:00');
  const services = buildServices({ pool: db.pool, clock });
  const app = httpAppOver(services, options);
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s, port: info.port }),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    services,
    app: appOfServices(services),
    clock,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

export interface TestCompany {
  code: string;
  companyId: string;
  adminPassword: string;
}

/** A company with the demo payment methods, the given stores (register 01 each) and admin `admin`. */
export async function createTestCompany(
  app: TestApp,
  code: string,
  storeCodes: string[] = ['0001'],
): Promise<TestCompany> {
  const adminPassword = `pw-${code}-secret`;
  const { company } = await saveCompany(
    { uow: app.services.tenancy, clock: app.clock, hasher: app.services.hasher },
    {
      code,
      name: `企業${code}`,
      roundingMode: 'floor',
      paymentMethods: demoPaymentMethods,
      stores: storeCodes.map((s) => ({
        code: s,
        name: `店舗${s}`,
        timeZone: 'Asia/Tokyo',
        registers: ['01'],
      })),
      admin: { code: 'admin', name: '管理者', password: adminPassword },
    },
  );
  return { code, companyId: company.id, adminPassword };
}

export interface ApiSession {
  cookie: string;
  csrfToken: string;
  /** fetch with the session cookie and CSRF header; JSON bodies are encoded. */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

export async function apiSession(
  app: TestApp,
  company: TestCompany,
  staffCode = 'admin',
  password = company.adminPassword,
): Promise<ApiSession> {
  const services = app.services;
  const result = await login(
    {
      tenancy: services.tenancy.read,
      access: services.access,
      hasher: services.hasher,
      clock: services.clock,
    },
    { companyCode: company.code, staffCode, password },
  );
  const cookie = `uriage_session=${result.sessionToken}`;
  const csrfToken = result.session.csrfToken;
  return {
    cookie,
    csrfToken,
    request: (method, path, body, headers = {}) =>
      fetch(`${app.url}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}
