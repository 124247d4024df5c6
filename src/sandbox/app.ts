// The freee-compatible sandbox: OAuth under /public_api, the accounting API under /api/1.
// Mounted by the main server under /sandbox/freee, or served alone (server.ts).
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Clock } from './ports.js';
import type { Pool } from './ports.js';
import { sandboxDb } from './db/database.js';
import type { FaultPlan } from './faults.js';
import type { ServicePlan } from './service.js';
import { bearerAuth } from './http/auth.js';
import { bookRoutes } from './books/deal-page.js';
import type { SandboxDeps, SandboxEnv } from './http/env.js';
import { errorBody, SandboxHttpError } from './http/errors.js';
import { faultMiddleware } from './http/fault-middleware.js';
import { serviceMiddleware } from './http/service-middleware.js';
import { accountItemsRoutes } from './routes/account-items.js';
import { companiesRoutes } from './routes/companies.js';
import { dealPaymentsRoutes } from './routes/deal-payments.js';
import { dealsRoutes } from './routes/deals.js';
import { itemsRoutes } from './routes/items.js';
import { oauthAuthorizeRoutes } from './routes/oauth-authorize.js';
import { oauthTokenRoutes } from './routes/oauth-token.js';
import { partnersRoutes } from './routes/partners.js';
import { sectionsRoutes } from './routes/sections.js';
import { segmentsRoutes } from './routes/segments.js';
import { tagsRoutes } from './routes/tags.js';
import { taxesRoutes } from './routes/taxes.js';
import { usersRoutes } from './routes/users.js';
import { walletTxnsRoutes } from './routes/wallet-txns.js';
import { walletablesRoutes } from './routes/walletables.js';

export interface SandboxAppDeps {
  pool: Pool;
  clock: Clock;
  faults?: FaultPlan | undefined;
  /** freee-like latency, caps, lock-outs and concurrency (URIAGE_SANDBOX_SERVICE); off when absent. */
  service?: ServicePlan | undefined;
  /** The clock caps and lock-outs of `service` are measured by (default `clock`; a scale run compresses time). */
  serviceClock?: Clock | undefined;
  /** Public base URL (e.g. http://127.0.0.1:4010 or …/sandbox/freee), shown on GET /. */
  baseUrl?: string | undefined;
}

function onError(error: Error, c: Context<SandboxEnv>): Response {
  if (error instanceof SandboxHttpError) return c.json(error.body, error.status);
  console.error('freee sandbox: unexpected error', error);
  return c.json(errorBody(500), 500);
}

function apiRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const api = new Hono<SandboxEnv>();
  api.onError(onError);
  api.use('*', bearerAuth(deps));
  if (deps.service)
    api.use(
      '*',
      serviceMiddleware(deps.service, () => (deps.serviceClock ?? deps.clock).now()),
    );
  const resources = [
    usersRoutes,
    companiesRoutes,
    accountItemsRoutes,
    taxesRoutes,
    itemsRoutes,
    partnersRoutes,
    tagsRoutes,
    sectionsRoutes,
    segmentsRoutes,
    walletablesRoutes,
    walletTxnsRoutes,
    dealsRoutes,
    dealPaymentsRoutes,
  ];
  for (const routes of resources) api.route('/', routes(deps));
  // A catch-all route, not only notFound: mounted in a parent app (Uriage at /sandbox/freee), an
  // unmatched path would otherwise fall through to the parent's own middleware (its 401).
  api.all('*', (c) => c.json(errorBody(404), 404));
  api.notFound((c) => c.json(errorBody(404), 404));
  return api;
}

export function createSandboxApp(appDeps: SandboxAppDeps): Hono<SandboxEnv> {
  const deps: SandboxDeps = { ...appDeps, db: sandboxDb(appDeps.pool) };
  const app = new Hono<SandboxEnv>();
  app.onError(onError);
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Freee-Request-ID', randomUUID());
  });
  app.use('*', faultMiddleware(deps));
  app.get('/', (c) => {
    const base = deps.baseUrl ?? '';
    return c.json({
      name: 'freee会計 API sandbox (Uriage)',
      authorize_url: `${base}/public_api/authorize`,
      token_url: `${base}/public_api/token`,
      revoke_url: `${base}/public_api/revoke`,
      api_base: `${base}/api/1`,
      faults: deps.faults ? deps.faults.config : null,
      service: deps.service
        ? { ...deps.service.config, plans: Object.fromEntries(deps.service.config.plans) }
        : null,
    });
  });
  app.route('/public_api', oauthAuthorizeRoutes(deps));
  app.route('/public_api', oauthTokenRoutes(deps));
  app.route('/api/1', apiRoutes(deps));
  app.route('/books', bookRoutes(deps));
  app.all('*', (c) => c.json(errorBody(404), 404));
  app.notFound((c) => c.json(errorBody(404), 404));
  return app;
}
