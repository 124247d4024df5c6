// Goal: freee refresh tokens are single use, so a connection is refreshed once at a time. Method:
// 50 concurrent jobs of one company call freee (the sandbox, over HTTP) with an expired access
// token — once expired by the clock, once killed at freee (401) while we still think it valid —
// and the sandbox must see exactly one refresh and every call succeed (no invalid_grant). Then a
// revoked refresh token turns the stores 期限切れ with the seed's message, and reconnecting
// restores 連携済.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  completeAuthorization,
  listStoreStatuses,
  registerAuthorization,
  startAuthorization,
} from '../../../src/app/freee/connect.js';
import { answerSandboxConsent } from '../../../src/main/sandbox-connect.js';
import type { FreeeResult } from '../../../src/adapters/freee/failures.js';
import { startFreeeTestApp, type FreeeTestApp } from './support/freee-app.js';
import { connectedCompany, sandboxRefreshCount, sixHoursMs } from './support/connect.js';

let app: FreeeTestApp;
before(async () => {
  app = await startFreeeTestApp();
});
after(async () => {
  await app?.close();
});

const jobsCount = 50;

async function fiftyJobs(
  connected: Awaited<ReturnType<typeof connectedCompany>>,
): Promise<FreeeResult<unknown>[]> {
  return Promise.all(
    Array.from({ length: jobsCount }, async () => {
      const client = await connected.client();
      return client.call(
        'users/capabilities',
        (api) =>
          api.GET('/api/1/users/capabilities', {
            params: { query: { company_id: client.companyId } },
          }),
        { idempotent: true },
      );
    }),
  );
}

test('50 concurrent jobs, access token expired by the clock: one refresh, all succeed', async () => {
  const connected = await connectedCompany(app, 'conc1', ['0001', '0002']);
  const before = await sandboxRefreshCount(app);
  const refreshCallsBefore = app.tokenCalls.refresh_token ?? 0;
  app.clock.advanceMs(sixHoursMs + 60_000);
  const results = await fiftyJobs(connected);
  const failures = results.filter((r) => !r.ok);
  assert.deepEqual(failures, [], 'every job got an answer');
  assert.equal(
    (app.tokenCalls.refresh_token ?? 0) - refreshCallsBefore,
    1,
    'one call to the token endpoint with grant_type=refresh_token',
  );
  assert.equal(
    (await sandboxRefreshCount(app)) - before,
    1,
    'the sandbox rotated one refresh token',
  );
  const snapshot = await app.runtime.store.readTokens(
    connected.company.companyId,
    connected.connection.id,
  );
  assert.equal(snapshot?.connection.status, 'connected');
  assert.equal(snapshot?.connection.tokenGeneration, connected.connection.tokenGeneration + 1);
  assert.equal(snapshot?.lease, null, 'the lease is released with the new pair');
  assert.ok(
    (snapshot?.tokens?.accessExpiresAt.getTime() ?? 0) >
      app.clock.now().getTime() + sixHoursMs - 60_000,
    'the new pair is stored with a fresh expiry',
  );
});

test('50 concurrent jobs, token killed at freee (401 expired_access_token): one refresh, all succeed', async () => {
  const connected = await connectedCompany(app, 'conc2');
  const refreshCallsBefore = app.tokenCalls.refresh_token ?? 0;
  // freee expires the token early (our row still says it is valid for hours).
  await app.freeePool.query(
    'update freee_sandbox.oauth_tokens set access_expires_at = $1 where company_id = $2 and refreshed_at is null',
    [app.clock.now(), connected.sandbox.companyId],
  );
  const results = await fiftyJobs(connected);
  assert.deepEqual(
    results.filter((r) => !r.ok),
    [],
  );
  assert.equal((app.tokenCalls.refresh_token ?? 0) - refreshCallsBefore, 1);
});

test('a revoked refresh token: stores 期限切れ with アクセストークンの取得に失敗しました; reconnecting restores 連携済', async () => {
  const connected = await connectedCompany(app, 'revoked', ['0001', '0002']);
  const companyId = connected.company.companyId;
  const snapshot = await app.runtime.store.readTokens(companyId, connected.connection.id);
  const gateway = await app.runtime.gateways.forProvider('sandbox');
  assert.equal(
    await gateway.revoke(snapshot?.tokens?.refreshToken ?? ''),
    true,
    'revoked at freee (RFC 7009)',
  );

  const client = await connected.client();
  const result = await client.call('users/me', (api) => api.GET('/api/1/users/me'), {
    idempotent: true,
  });
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.failure.kind, 'invalid_grant');
  const statuses = await listStoreStatuses(app.runtime.connectDeps, companyId);
  assert.deepEqual(
    statuses.map((s) => [s.storeCode, s.status, s.message]),
    [
      ['0001', 'expired', 'アクセストークンの取得に失敗しました'],
      ['0002', 'expired', 'アクセストークンの取得に失敗しました'],
    ],
  );
  const refreshCalls = app.tokenCalls.refresh_token ?? 0;
  const again = await client.call('users/me', (api) => api.GET('/api/1/users/me'), {
    idempotent: true,
  });
  assert.equal(!again.ok && again.failure.kind, 'invalid_grant');
  assert.equal(
    app.tokenCalls.refresh_token ?? 0,
    refreshCalls,
    'an expired connection does not call freee again',
  );

  const deps = app.runtime.connectDeps;
  const started = await startAuthorization(deps, { companyId, staffId: null, provider: 'sandbox' });
  const callbackUrl = await answerSandboxConsent(app.runtime, started.authorizationUrl, {
    email: connected.sandbox.signIn?.email ?? '',
    password: connected.sandbox.signIn?.password ?? '',
    userId: connected.sandbox.userId,
    companyId: connected.sandbox.companyId,
  });
  const authorization = await completeAuthorization(deps, { companyId, callbackUrl });
  const storeIds = statuses.map((s) => s.storeId);
  const reconnected = await registerAuthorization(deps, {
    companyId,
    authorizationId: authorization.id,
    freeeCompanyId: connected.sandbox.companyId,
    storeIds,
  });
  assert.equal(
    reconnected.id,
    connected.connection.id,
    'the same connection row gets the new pair',
  );
  assert.deepEqual(
    (await listStoreStatuses(deps, companyId)).map((s) => s.status),
    ['connected', 'connected'],
  );
  const after = await (
    await connected.client()
  ).call('users/me', (api) => api.GET('/api/1/users/me'), { idempotent: true });
  assert.equal(after.ok, true);
});
