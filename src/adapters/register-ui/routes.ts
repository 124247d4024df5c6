// /register: the register page (issue 13 §2–3), its scripts and its service worker — plain files
// read once from browser/ (no bundler); the service worker may control all of /register.
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { validationError } from '../../app/errors.js';
import type { AppEnv } from '../http/context.js';
import { registerPageHtml } from './page.js';

const browserFiles = ['app.js', 'ui.js', 'db.js', 'sync.js', 'money.js', 'sw.js', 'register.css'];

function load(name: string): string {
  return readFileSync(new URL(`./browser/${name}`, import.meta.url), 'utf8');
}

const files = new Map(browserFiles.map((name) => [name, load(name)]));

export function registerPageRoutes(http: Hono<AppEnv>): void {
  // The register exchanges a one-time pairing code for its register token (no login: the code is it).
  http.post('/register/pair', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { code?: unknown } | null;
    if (typeof body?.code !== 'string')
      throw validationError([{ path: 'code', message: 'ペアリングコードを入力してください。' }]);
    return c.json(await c.get('app').register.exchangePairingCode(body.code), 200);
  });
  http.get('/register', (c) => {
    c.header('cache-control', 'no-cache');
    return c.html(registerPageHtml);
  });
  http.get('/register/:file', (c) => {
    const name = c.req.param('file');
    const body = files.get(name);
    if (body === undefined) return c.notFound();
    c.header(
      'content-type',
      name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    );
    c.header('cache-control', 'no-cache');
    if (name === 'sw.js') c.header('service-worker-allowed', '/register');
    return c.body(body);
  });
}
