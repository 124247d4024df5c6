// Goal: a caller whose connection's refresh lease is held by someone who never finishes (a worker
// killed while refreshing) gives up after leaseWaitTotalMs with TokenRefreshBusyError — it does
// not wait out the whole lease while holding a job slot — and a lease released in time is waited for.
// Method: a store double with only the two reads the waiting path makes; sleep advances a clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../clock.js';
import { accessTokenFor, type AccessTokenDeps } from './access-token.js';
import { TokenRefreshBusyError } from './errors.js';
import type { FreeeConnection } from './model.js';
import type { FreeeStore, TokenSnapshot } from './ports.js';

const now = '2025-06-15T03:00:00Z';

function snapshotAt(clockNow: Date, generation: number, leaseUntil: Date | null): TokenSnapshot {
  const connection = {
    id: 'conn-1',
    companyId: 'co-1',
    provider: 'sandbox',
    freeeCompanyId: 3000001,
    freeeCompanyName: 'テスト',
    freeeUserId: 1,
    status: 'connected',
    statusCode: null,
    statusMessage: null,
    statusChangedAt: clockNow,
    canWriteDeals: true,
    accessExpiresAt: clockNow,
    tokenGeneration: generation,
    connectedAt: clockNow,
  } satisfies FreeeConnection;
  const fresh = generation > 1;
  return {
    connection,
    tokens: {
      accessToken: `access-${generation}`,
      refreshToken: `refresh-${generation}`,
      accessExpiresAt: new Date(clockNow.getTime() + (fresh ? 6 * 3600_000 : 0)),
      refreshExpiresAt: new Date(clockNow.getTime() + 90 * 86400_000),
    },
    lease: leaseUntil ? { id: 'dead-worker', until: leaseUntil } : null,
  };
}

function depsWith(refreshedAfterMs: number | null): {
  deps: AccessTokenDeps;
  waited: () => number;
} {
  const clock = fixedClock(now);
  let waitedMs = 0;
  const leaseUntil = new Date(new Date(now).getTime() + 120_000);
  const store = {
    readTokens: async () =>
      refreshedAfterMs !== null && waitedMs >= refreshedAfterMs
        ? snapshotAt(clock.now(), 2, null)
        : snapshotAt(clock.now(), 1, leaseUntil),
    claimRefreshLease: async () => false,
  } as unknown as FreeeStore;
  const deps: AccessTokenDeps = {
    store,
    gateways: { forProvider: async () => assert.fail('no refresh by a waiter') } as never,
    clock,
    sleep: async (ms) => {
      waitedMs += ms;
      clock.advanceMs(ms);
    },
    log: { info: () => {}, warn: () => {} },
    limits: { leaseWaitTotalMs: 3_000 },
  };
  return { deps, waited: () => waitedMs };
}

test('a lease that outlives leaseWaitTotalMs: TokenRefreshBusyError after at most that wait', async () => {
  const { deps, waited } = depsWith(null);
  await assert.rejects(accessTokenFor(deps, 'co-1', 'conn-1'), TokenRefreshBusyError);
  assert.ok(waited() <= 3_000, `waited ${waited()} ms`);
  assert.ok(waited() >= 2_000, `waited ${waited()} ms, close to the bound`);
});

test('a refresh that lands within the bound is waited for and used', async () => {
  const { deps } = depsWith(1_000);
  const token = await accessTokenFor(deps, 'co-1', 'conn-1');
  assert.equal(token.token, 'access-2');
  assert.equal(token.generation, 2);
});
