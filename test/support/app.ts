// A real HTTP server over a fresh test database, plus helpers to create companies and log in.
import { serve, type ServerType } from '@hono/node-server';
import { fixedClock } from '../../src/app/clock.js';
import { login } from '../../src/app/auth/login.js';
import { demoPaymentMethods } from '../../src/app/tenancy/demo.js';
import { saveCompany } from '../../src/app/tenancy/service.js';
import { createHttpApp, type HttpAppOptions } from '../../src/adapters/http/app.js';
import type { Services } from '../../src/adapters/http/context.js';
import { silentLogger } from '../../src/adapters/log/logger.js';
import { buildServices } from '../../src/wiring.js';
import { openTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  url: string;
  db: TestDatabase;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: HttpAppOptions & { now?: string } = {},
): Promise<TestApp> {
  const db = await openTestDatabase();
  const clock = fixedClock(options.now ?? '2025-01-10T09:00:00+09:00');
  const services = buildServices({ pool: db.pool, clock, logger: silentLogger });
  const app = createHttpApp(services, options);
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s, port: info.port }),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    services,
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
