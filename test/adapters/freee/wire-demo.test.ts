// Goal: `npm start` connects the demo company to a sandbox 事業所 through the mounted sandbox,
// called in-process (wireFreee), once; with real freee credentials the same code sends users to
// freee's own authorize URL and the demo is left for the console. Method: the pieces startServer
// wires, over a test database and a temp data dir (the key file lands there).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../src/app/clock.js';
import { listStoreStatuses, startAuthorization } from '../../../src/app/freee/connect.js';
import { ensureDemoCompany } from '../../../src/app/tenancy/demo.js';
import { readConfig } from '../../../src/main/config.js';
import { createPool, type Pool } from '../../../src/adapters/db/pool.js';
import { inProcessFetch } from '../../../src/adapters/freee/endpoints.js';
import { appOver } from '../../../src/main/app.js';
import {
  connectDemoCompanyToFreee,
  createFreeeRuntime,
  freeeRuntimeFor,
} from '../../../src/main/freee.js';
import { sandboxConnectorOver } from '../../../src/main/sandbox-connect.js';
import { sandboxBaseUrlOf } from '../../../src/main/sandbox.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { createSandboxApp } from '../../../src/sandbox/index.js';
import { buildServices } from '../../support/app.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { testSecretBox } from './support/freee-app.js';

let db: TestDatabase;
let pool: Pool;
let dataDir: string;
const clock = fixedClock('2025-01-10T09:00:00+09:00');

before(async () => {
  db = await openTestDatabase();
  pool = db.mode === 'embedded' ? createPool(db.connectionString, 1) : db.pool;
  dataDir = mkdtempSync(join(tmpdir(), 'uriage-wire-'));
});
after(async () => {
  if (pool !== db.pool) await pool.end();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('demo: the demo company is connected to a sandbox 事業所 once, through the in-process sandbox', async () => {
  const config = readConfig({ URIAGE_DATA_DIR: dataDir, PORT: '3999' });
  const services = buildServices({ pool, clock, logger: silentLogger });
  await ensureDemoCompany({ uow: services.tenancy, clock, hasher: services.hasher });
  const baseUrl = sandboxBaseUrlOf(config);
  const sandboxApp = createSandboxApp({ pool, clock, baseUrl });
  const runtime = freeeRuntimeFor({ pool, clock, logger: silentLogger }, config, {
    baseUrl,
    fetch: inProcessFetch(sandboxApp, baseUrl),
  });
  const app = appOver({
    pool,
    clock,
    logger: silentLogger,
    freee: runtime,
    sandboxConnector: sandboxConnectorOver(runtime, pool),
  });
  const signIns: { email: string; password: string }[] = [];
  assert.equal(
    await connectDemoCompanyToFreee(app, silentLogger, (signIn) => signIns.push(signIn)),
    'connected',
  );
  // The demo's sandbox user can sign in to the consent page later (issue #10 item 3): printed by serve.
  assert.equal(signIns.length, 1);
  assert.match(signIns[0]?.email ?? '', /@sandbox\.example$/);
  assert.ok((signIns[0]?.password ?? '').length >= 16);
  assert.ok(
    existsSync(join(dataDir, 'secret.key')),
    'no URIAGE_SECRET_KEY: the key file is created in the data dir',
  );
  const company = await services.tenancy.read.findCompanyByCode('demo');
  const statuses = await listStoreStatuses(runtime.connectDeps, company?.id ?? '');
  assert.deepEqual(
    statuses.map((s) => [s.storeCode, s.status]),
    [['0001', 'connected']],
  );
  assert.equal(statuses[0]?.connection?.provider, 'sandbox');
  const client = await runtime.clientForStore(company?.id ?? '', statuses[0]?.storeId ?? '');
  assert.ok(client, 'the store posts to its connection');
  const me = await client!.call(
    'users/me',
    (api) => api.GET('/api/1/users/me', { params: { query: { companies: true } } }),
    { idempotent: true },
  );
  assert.ok(me.ok);
  assert.ok(me.data.user.companies?.some((c) => c.id === client?.companyId));
  assert.equal(
    await runtime.clientForStore(company?.id ?? '', '00000000-0000-4000-8000-000000000000'),
    null,
    'an unknown store has no client',
  );
  assert.equal(
    await connectDemoCompanyToFreee(app, silentLogger),
    'skipped',
    'a second start does not connect again',
  );
  assert.equal((await runtime.store.listConnections(company?.id ?? '')).length, 1);
});

test('real freee configured: authorize URL on accounts.secure.freee.co.jp with state, PKCE S256 and prompt=select_company; no demo connection', async () => {
  const config = readConfig({
    URIAGE_DATA_DIR: dataDir,
    PORT: '3999',
    FREEE_CLIENT_ID: 'real-client',
    FREEE_CLIENT_SECRET: 'real-secret',
    FREEE_REDIRECT_URL: 'https://uriage.example.jp/admin/settings/integrations/freee/callback',
  });
  const services = buildServices({ pool, clock, logger: silentLogger });
  const runtime = createFreeeRuntime({
    pool,
    clock,
    logger: silentLogger,
    secretBox: testSecretBox(),
    publicUrl: config.publicUrl,
    freee: config.freee,
    sandbox: null,
  });
  assert.equal(runtime.gateways.defaultProvider, 'freee');
  const app = appOver({ pool, clock, logger: silentLogger, freee: runtime });
  assert.equal(await connectDemoCompanyToFreee(app, silentLogger), 'skipped');
  const company = await services.tenancy.read.findCompanyByCode('demo');
  const started = await startAuthorization(runtime.connectDeps, {
    companyId: company?.id ?? '',
    staffId: null,
  });
  const url = new URL(started.authorizationUrl);
  assert.equal(
    `${url.origin}${url.pathname}`,
    'https://accounts.secure.freee.co.jp/public_api/authorize',
  );
  assert.equal(url.searchParams.get('client_id'), 'real-client');
  assert.equal(
    url.searchParams.get('redirect_uri'),
    'https://uriage.example.jp/admin/settings/integrations/freee/callback',
  );
  assert.equal(url.searchParams.get('response_type'), 'code');
  assert.equal(url.searchParams.get('prompt'), 'select_company');
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  assert.match(url.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
  assert.ok((url.searchParams.get('state') ?? '').length >= 32);
});
