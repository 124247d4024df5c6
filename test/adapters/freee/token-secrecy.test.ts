// Goal: freee tokens, the PKCE verifier and the app's client secret never appear in the logs or
// in clear in the database. Method: the runtime logs at trace level into memory while a company
// connects, calls freee, refreshes (expired by the clock), and disconnects; every secret seen on
// the way is then searched for in the log lines and in the rows. Also pino's redaction paths.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { disconnectConnection } from '../../../src/app/freee/connect.js';
import { secretPurposes } from '../../../src/adapters/db/freee-store.js';
import { ensureSandboxApp } from '../../../src/main/sandbox-app.js';
import { callbackPath } from '../../../src/adapters/freee/runtime.js';
import { createLogger } from '../../../src/adapters/log/logger.js';
import { startFreeeTestApp, type FreeeTestApp } from './support/freee-app.js';
import { connectedCompany, sixHoursMs } from './support/connect.js';

let app: FreeeTestApp;
before(async () => {
  app = await startFreeeTestApp();
});
after(async () => {
  await app?.close();
});

test('no secret in the log or in clear in the database', async () => {
  const connected = await connectedCompany(app, 'secret1');
  const companyId = connected.company.companyId;
  const secrets: string[] = [];
  const remember = async () => {
    const snapshot = await app.runtime.store.readTokens(companyId, connected.connection.id);
    secrets.push(
      snapshot?.tokens?.accessToken ?? 'missing',
      snapshot?.tokens?.refreshToken ?? 'missing',
    );
  };
  await remember();
  const rowsBefore = JSON.stringify(await app.freeeRows(companyId));
  for (const secret of secrets)
    assert.ok(!rowsBefore.includes(secret), 'tokens are sealed at rest');
  assert.match(rowsBefore, /v1:[A-Za-z0-9_-]+:/);

  const client = await connected.client();
  assert.ok(
    (await client.call('users/me', (api) => api.GET('/api/1/users/me'), { idempotent: true })).ok,
  );
  app.clock.advanceMs(sixHoursMs);
  assert.ok(
    (await client.call('users/me', (api) => api.GET('/api/1/users/me'), { idempotent: true })).ok,
  );
  await remember();
  const verifierRows = await app.freeePool.query<{
    company_id: string;
    code_verifier_sealed: string;
  }>('select company_id, code_verifier_sealed from freee_authorizations where company_id = $1', [
    companyId,
  ]);
  for (const row of verifierRows.rows)
    secrets.push(
      app.secretBox.decrypt(row.code_verifier_sealed, {
        company: row.company_id,
        purpose: secretPurposes.codeVerifier,
      }),
    );
  secrets.push(
    (await ensureSandboxApp(app.freeePool, app.clock, app.secretBox, `${app.url}${callbackPath}`))
      .clientSecret,
  );
  await disconnectConnection(app.runtime.connectDeps, companyId, connected.connection.id);

  assert.ok(
    secrets.length >= 6 && secrets.every((s) => s.length >= 16),
    'the secrets were collected',
  );
  assert.ok(
    app.logs.some((line) => line.includes('freee token refreshed')),
    'the refresh was logged',
  );
  assert.ok(
    app.logs.some((line) => line.includes('"requestId"')),
    'calls were logged',
  );
  const log = app.logs.join('\n');
  for (const secret of secrets) assert.ok(!log.includes(secret), 'a secret reached the log');
  const rowsAfter = JSON.stringify(await app.freeeRows(companyId));
  for (const secret of secrets)
    assert.ok(!rowsAfter.includes(secret), 'a secret is stored in clear');
});

test('pino redacts token fields and authorization headers wherever they are logged', () => {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write: (chunk, _e, done) => {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  logger.info(
    {
      access_token: 'AT-secret-1',
      refresh_token: 'RT-secret-2',
      client_secret: 'CS-secret-3',
      token: 'T-secret-4',
      headers: { authorization: 'Bearer AT-secret-1' },
    },
    'token reply',
  );
  logger.info(
    {
      reply: { access_token: 'AT-secret-1', refresh_token: 'RT-secret-2' },
      request: { headers: { authorization: 'Bearer AT-secret-1' } },
    },
    'nested',
  );
  const text = lines.join('');
  for (const secret of ['AT-secret-1', 'RT-secret-2', 'CS-secret-3', 'T-secret-4'])
    assert.ok(!text.includes(secret), secret);
  assert.ok(text.includes('[redacted]'));
});
