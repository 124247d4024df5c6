// The whole service on real HTTP (startTestApp) with the freee sandbox mounted at /sandbox/freee,
// a freee runtime that reaches it over HTTP, a fresh secret key, and the runtime's log captured.
// On embedded PGlite the runtime and the sandbox share a ONE-connection pool: pglite-socket
// interleaves the extended-protocol messages of concurrent connections on its single backend, so a
// query can receive another's result (electric-sql/pglite#1046; same approach as the ledger's
// concurrency test). On a PostgreSQL server they use the test pool (10) and really overlap.
import { Writable } from 'node:stream';
import { Hono } from 'hono';
import type { Clock } from '../../../../src/app/clock.js';
import {
  createSecretBox,
  generateSecretKeyText,
  parseSecretKey,
  type SecretBox,
} from '../../../../src/adapters/crypto/secret-box.js';
import type { FreeeRuntime } from '../../../../src/adapters/freee/runtime.js';
import { createFreeeRuntime, type FreeeRuntimeOptions } from '../../../../src/main/freee.js';
import { createLogger } from '../../../../src/adapters/log/logger.js';
import { createPool, type Pool } from '../../../../src/adapters/db/pool.js';
import { createSandboxApp, type FaultPlan } from '../../../../src/sandbox/index.js';
import { startTestApp, type TestApp } from '../../../support/app.js';

export const sandboxPath = '/sandbox/freee';

export interface FreeeTestApp extends TestApp {
  sandboxUrl: string;
  /** The pool of the runtime and the sandbox (see above). */
  freeePool: Pool;
  runtime: FreeeRuntime;
  secretBox: SecretBox;
  /** Every line the runtime logged (JSON), at level trace. */
  logs: string[];
  /** Counts token-endpoint calls seen by the sandbox, by grant_type. */
  tokenCalls: Record<string, number>;
  /** Every freee row of a company (connections, store mapping, authorizations), as stored. */
  freeeRows(companyId: string): Promise<unknown[]>;
}

export interface FreeeTestAppOptions {
  faults?: FaultPlan;
  now?: string;
  runtime?: Partial<
    Omit<FreeeRuntimeOptions, 'pool' | 'clock' | 'logger' | 'secretBox' | 'publicUrl' | 'sandbox'>
  >;
  secretBox?: SecretBox;
}

/** The sandbox is created once the test database exists; the mount forwards to it (prefix stripped). */
function lazySandboxMount(counts: Record<string, number>): {
  mount: Hono;
  attach(app: Hono<never>): void;
} {
  let target: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> } | null =
    null;
  const mount = new Hono();
  mount.all('*', async (c) => {
    if (!target) return c.text('sandbox not ready', 503);
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(sandboxPath.length) || '/';
    if (c.req.method === 'POST' && url.pathname === '/public_api/token') {
      const grant =
        new URLSearchParams(await c.req.raw.clone().text()).get('grant_type') ?? 'unknown';
      counts[grant] = (counts[grant] ?? 0) + 1;
    }
    return target.fetch(new Request(url, c.req.raw), c.env);
  });
  return { mount, attach: (app) => (target = app as unknown as typeof target) };
}

export function testSecretBox(): SecretBox {
  return createSecretBox(parseSecretKey(generateSecretKeyText()));
}

export async function startFreeeTestApp(options: FreeeTestAppOptions = {}): Promise<FreeeTestApp> {
  const tokenCalls: Record<string, number> = {};
  const lazy = lazySandboxMount(tokenCalls);
  const app = await startTestApp({
    mounts: [{ path: sandboxPath, app: lazy.mount }],
    ...(options.now ? { now: options.now } : {}),
  });
  const sandboxUrl = `${app.url}${sandboxPath}`;
  const freeePool =
    app.db.mode === 'embedded' ? createPool(app.db.connectionString, 1) : app.db.pool;
  lazy.attach(
    createSandboxApp({
      pool: freeePool,
      clock: app.clock,
      faults: options.faults,
      baseUrl: sandboxUrl,
    }) as unknown as Hono<never>,
  );
  const logs: string[] = [];
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      logs.push(String(chunk));
      done();
    },
  });
  const secretBox = options.secretBox ?? testSecretBox();
  const runtime = createFreeeRuntime({
    pool: freeePool,
    clock: app.clock as Clock,
    logger: createLogger('trace', sink),
    secretBox,
    publicUrl: app.url,
    freee: null,
    sandbox: { baseUrl: sandboxUrl },
    retry: { attemptsMax: 3, backoffMs: [5, 10] },
    accessTokenLimits: { refreshBackoffMs: [5], leaseWaitMsMax: 25 },
    requestTimeoutMs: 10_000,
    ...options.runtime,
  });
  app.services.freee = runtime;
  const close = app.close;
  return {
    ...app,
    sandboxUrl,
    freeePool,
    runtime,
    secretBox,
    logs,
    tokenCalls,
    freeeRows: async (companyId) => {
      const rows: unknown[] = [];
      for (const table of [
        'freee_connections',
        'freee_store_connections',
        'freee_authorizations',
      ]) {
        rows.push(
          ...(await freeePool.query(`select * from ${table} where company_id = $1`, [companyId]))
            .rows,
        );
      }
      return rows;
    },
    close: async () => {
      options.faults?.close();
      if (freeePool !== app.db.pool) await freeePool.end();
      await close();
    },
  };
}
