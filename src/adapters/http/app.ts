// The one HTTP application: API, OpenAPI document, console (管理画面) and static files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { consoleNotFound } from '../console/pages/not-found.js';
import { consoleRoutes } from '../console/routes.js';
import { registerPageRoutes } from '../register-ui/routes.js';
import { createApi, type ApiRouteModule } from './api.js';
import { loadPrincipal } from './auth-middleware.js';
import { smallBodyLimit } from './body-limits.js';
import { securityHeaders } from './security-headers.js';
import { requestTextGuard } from './text-guard.js';
import type { App } from '../../app/app.js';
import type { AppEnv } from './context.js';
import { errorBody, respondError } from './errors.js';

const require = createRequire(import.meta.url);
const htmxSource = readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8');

export interface HttpAppOptions {
  apiRoutes?: readonly ApiRouteModule[];
  /** Extra apps mounted at a path (e.g. the freee sandbox at /sandbox/freee). */
  // A mounted app keeps its own Env type (the sandbox's differs from ours): nothing of ours reaches it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mounts?: readonly { path: string; app: Hono<any, any, any> }[];
  /** What /healthz checks (the database answers); absent: always healthy. */
  health?: () => Promise<boolean>;
}

const confirmSource = `document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
`;

export function createHttpApp(app: App, options: HttpAppOptions = {}): OpenAPIHono<AppEnv> {
  const http = new OpenAPIHono<AppEnv>();
  http.onError((error, c) => respondError(c, error));
  http.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(errorBody('not_found', 'ページが見つかりません。'), 404)
      : consoleNotFound(c),
  );
  http.use('*', async (c, next) => {
    c.set('app', app);
    await next();
  });
  for (const mount of options.mounts ?? []) http.route(mount.path, mount.app);
  http.use('*', securityHeaders);
  // Before the idempotency hash and every parser (the sandbox keeps its own; api.ts: the ledger's).
  http.use('*', smallBodyLimit);
  http.use('*', requestTextGuard);
  http.get('/static/htmx.min.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(htmxSource);
  });
  // The console's confirmations (form[data-confirm]) without inline handlers, which the CSP forbids.
  http.get('/static/confirm.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(confirmSource);
  });
  http.get('/healthz', async (c) => {
    const ok = options.health ? await options.health() : true;
    return c.json({ ok }, ok ? 200 : 503);
  });
  registerPageRoutes(http);
  http.use('/api/v1/*', loadPrincipal);
  const api = createApi(options.apiRoutes ?? []);
  http.route('/api/v1', api);
  http.get('/api/openapi.json', (c) =>
    c.json(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Uriage API',
          version: '1',
          description: 'Uriage (売上): register ledger, 日報, freee連携 and 消込',
        },
        servers: [{ url: '/api/v1' }],
      }),
    ),
  );
  http.use('/*', loadPrincipal);
  consoleRoutes(http);
  return http;
}
