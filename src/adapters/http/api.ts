// The JSON API under /api/v1, validated by the schemas that also generate /api/openapi.json.
import { OpenAPIHono } from '@hono/zod-openapi';
import { validationError } from '../../app/errors.js';
import { requireApiPrincipal } from './auth-middleware.js';
import { ledgerBodyLimit } from './body-limits.js';
import { ledgerTextGuard } from './text-guard.js';
import type { AppEnv } from './context.js';
import { fieldErrorsFromIssues } from './errors.js';
import { idempotency } from './idempotency.js';
import { companyRoutes } from './routes/company.js';
import { ledgerDayRoutes } from './routes/ledger-days.js';
import { ledgerWriteRoutes } from './routes/ledger-writes.js';
import { staffRoutes } from './routes/staff.js';
import { reportRoutes } from './routes/report.js';
import { postingRoutes } from './routes/posting.js';
import { registerProductRoutes } from './routes/register-products.js';
import { registerTillRoutes } from './routes/register-till.js';
import { storeRoutes } from './routes/stores.js';

export type ApiRouteModule = (api: OpenAPIHono<AppEnv>) => void;

export function createApi(extraRoutes: readonly ApiRouteModule[] = []): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const target = result.target === 'json' ? '' : result.target;
        throw validationError(
          fieldErrorsFromIssues(result.error.issues, target === 'param' ? '' : target),
        );
      }
    },
  });
  api.use('*', requireApiPrincipal);
  api.use('/checkouts', ledgerBodyLimit);
  api.use('/drawer-events', ledgerBodyLimit);
  api.use('/checkouts', ledgerTextGuard);
  api.use('/drawer-events', ledgerTextGuard);
  api.use('*', idempotency);
  for (const register of [
    companyRoutes,
    storeRoutes,
    staffRoutes,
    ledgerWriteRoutes,
    ledgerDayRoutes,
    reportRoutes,
    postingRoutes,
    registerProductRoutes,
    registerTillRoutes,
    ...extraRoutes,
  ])
    register(api);
  return api;
}
