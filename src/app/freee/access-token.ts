// The access token of a connection, refreshed before it expires — once per connection at a time.
//
// freee refresh tokens are single use and a refresh kills the previous access token, so two
// concurrent refreshes would lose the connection (the second gets invalid_grant). The guard is a
// lease on the connection row, claimed by a conditional UPDATE (no transaction is held while
// freee is called, and it works on the embedded database where advisory locks do not block):
//   1. read the row; a token valid for longer than `refreshSkewMs` is used as is;
//   2. otherwise claim the lease: UPDATE … WHERE generation = g AND (no lease OR lease expired);
//   3. the holder calls freee's token endpoint, then stores the new pair with generation g+1 in
//      one UPDATE (conditional on g) before anyone uses it; the lease is released with it;
//   4. everyone else waits (bounded: leaseWaitTotalMs) and re-reads until generation g+1 appears.
// A rejected refresh token (invalid_grant) turns the connection 期限切れ with the seed's message.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import {
  FreeeTemporarilyUnavailableError,
  TokenRefreshBusyError,
  unusableConnection,
  FreeeConnectionUnusableError,
} from './errors.js';
import { freeeMessages, type TokenPair } from './model.js';
import {
  transientTokenFailures,
  type FreeeGateways,
  type FreeeStore,
  type TokenGrant,
  type TokenOutcome,
  type TokenSnapshot,
} from './ports.js';

export interface AccessTokenLimits {
  /** Refresh when the access token has less than this left (freee: 6 h tokens). */
  refreshSkewMs: number;
  /** How long a lease holder may take (measured by the injected clock). */
  refreshLeaseMs: number;
  /** Token endpoint calls per refresh on transient failures. */
  refreshAttemptsMax: number;
  refreshBackoffMs: readonly number[];
  /** Re-reads while another caller holds the lease. */
  leaseRoundsMax: number;
  leaseWaitMsMax: number;
  /**
   * Longest total wait for another caller's refresh. A worker killed while refreshing leaves its
   * lease for refreshLeaseMs; waiting that out would hold this caller's job slot (and, for a busy
   * company, every slot): past this, TokenRefreshBusyError, and the caller's job retries later.
   */
  leaseWaitTotalMs: number;
}

export const defaultAccessTokenLimits: AccessTokenLimits = {
  refreshSkewMs: 5 * 60_000,
  refreshLeaseMs: 2 * 60_000,
  refreshAttemptsMax: 3,
  refreshBackoffMs: [500, 2_000],
  leaseRoundsMax: 400,
  leaseWaitMsMax: 500,
  leaseWaitTotalMs: 10_000,
};

/** freee: refresh tokens live 90 days from issue (API-NOTES §2). */
export const refreshTokenLifetimeMs = 90 * 24 * 60 * 60_000;

export interface TokenLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface AccessTokenDeps {
  store: FreeeStore;
  gateways: FreeeGateways;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  log: TokenLog;
  limits?: Partial<AccessTokenLimits>;
}

export interface AccessToken {
  token: string;
  /** Token generation it belongs to; pass it back as `rejectedGeneration` after a 401. */
  generation: number;
  freeeCompanyId: number;
  provider: TokenSnapshot['connection']['provider'];
}

export function tokenPairOf(
  grant: TokenGrant,
  now: Date,
  previousRefreshToken?: string,
): TokenPair {
  return {
    accessToken: grant.accessToken,
    // freee always rotates; keeping the old one when a reply lacks it is freee's own client's habit.
    refreshToken: grant.refreshToken || previousRefreshToken || '',
    accessExpiresAt: new Date(now.getTime() + grant.expiresInMs),
    refreshExpiresAt: new Date(now.getTime() + refreshTokenLifetimeMs),
  };
}

function needsRefresh(
  snapshot: TokenSnapshot,
  now: Date,
  skewMs: number,
  rejectedGeneration: number | undefined,
): boolean {
  if (!snapshot.tokens) return true;
  if (rejectedGeneration !== undefined && rejectedGeneration >= snapshot.connection.tokenGeneration)
    return true;
  return snapshot.tokens.accessExpiresAt.getTime() - now.getTime() <= skewMs;
}

/**
 * A usable access token for the connection. `rejectedGeneration`: freee answered 401
 * expired_access_token to the token of that generation, so it is refreshed even if not yet due.
 */
export async function accessTokenFor(
  deps: AccessTokenDeps,
  companyId: string,
  connectionId: string,
  options: { rejectedGeneration?: number } = {},
): Promise<AccessToken> {
  const limits = { ...defaultAccessTokenLimits, ...deps.limits };
  let waitedMs = 0;
  for (let round = 0; round < limits.leaseRoundsMax; round++) {
    const snapshot = await deps.store.readTokens(companyId, connectionId);
    if (!snapshot)
      throw new FreeeConnectionUnusableError(
        'freee_connection_not_found',
        'freee連携が見つかりません。',
        connectionId,
      );
    const { connection } = snapshot;
    if (connection.status !== 'connected')
      throw unusableConnection(connectionId, connection.status, connection.statusMessage);
    const now = deps.clock.now();
    if (
      snapshot.tokens &&
      !needsRefresh(snapshot, now, limits.refreshSkewMs, options.rejectedGeneration)
    ) {
      return {
        token: snapshot.tokens.accessToken,
        generation: connection.tokenGeneration,
        freeeCompanyId: connection.freeeCompanyId,
        provider: connection.provider,
      };
    }
    const leaseFree = !snapshot.lease || snapshot.lease.until.getTime() <= now.getTime();
    if (leaseFree) {
      const leaseId = randomUUID();
      const until = new Date(now.getTime() + limits.refreshLeaseMs);
      if (
        await deps.store.claimRefreshLease(
          connectionId,
          connection.tokenGeneration,
          leaseId,
          now,
          until,
        )
      ) {
        const refreshed = await refreshHoldingLease(deps, limits, snapshot, leaseId);
        if (refreshed) return refreshed;
        continue;
      }
    }
    const waitMs = Math.min(limits.leaseWaitMsMax, 10 * 2 ** Math.min(round, 6));
    if (waitedMs + waitMs > limits.leaseWaitTotalMs) break;
    waitedMs += waitMs;
    await deps.sleep(waitMs);
  }
  throw new TokenRefreshBusyError(connectionId, limits.leaseRoundsMax);
}

async function callRefresh(
  deps: AccessTokenDeps,
  limits: AccessTokenLimits,
  snapshot: TokenSnapshot,
): Promise<TokenOutcome> {
  const gateway = await deps.gateways.forProvider(snapshot.connection.provider);
  const refreshToken = snapshot.tokens?.refreshToken ?? '';
  let outcome: TokenOutcome = {
    ok: false,
    failure: { kind: 'invalid_grant', detail: 'no refresh token stored' },
  };
  if (!refreshToken) return outcome;
  for (let attempt = 0; attempt < limits.refreshAttemptsMax; attempt++) {
    outcome = await gateway.refresh(refreshToken);
    if (outcome.ok || !transientTokenFailures.includes(outcome.failure.kind)) return outcome;
    deps.log.warn(
      { connectionId: snapshot.connection.id, attempt, failure: outcome.failure.kind },
      'freee token refresh failed, retrying',
    );
    const backoff =
      limits.refreshBackoffMs[Math.min(attempt, limits.refreshBackoffMs.length - 1)] ?? 0;
    if (attempt + 1 < limits.refreshAttemptsMax) await deps.sleep(backoff);
  }
  return outcome;
}

type RefreshFailure = Extract<TokenOutcome, { ok: false }>['failure'];

/** Stores the refreshed pair as the next generation; null when a reconnect replaced the pair meanwhile. */
async function storeRefreshedPair(
  deps: AccessTokenDeps,
  snapshot: TokenSnapshot,
  leaseId: string,
  grant: TokenGrant,
  now: Date,
): Promise<AccessToken | null> {
  const { connection } = snapshot;
  const pair = tokenPairOf(grant, now, snapshot.tokens?.refreshToken);
  const stored = await deps.store.storeRefreshedTokens(
    connection.companyId,
    connection.id,
    connection.tokenGeneration,
    pair,
    now,
  );
  if (!stored) {
    // A reconnect replaced the pair while we refreshed: theirs wins; ours is dropped unused.
    deps.log.warn(
      { connectionId: connection.id },
      'freee token refreshed but the connection changed meanwhile; using the newer pair',
    );
    await deps.store.releaseRefreshLease(connection.id, leaseId);
    return null;
  }
  deps.log.info(
    { connectionId: connection.id, generation: connection.tokenGeneration + 1 },
    'freee token refreshed',
  );
  return {
    token: pair.accessToken,
    generation: connection.tokenGeneration + 1,
    freeeCompanyId: connection.freeeCompanyId,
    provider: connection.provider,
  };
}

/**
 * A refused refresh, the lease released: a rejected refresh token turns the connection 期限切れ, a
 * rejected client turns it エラー; anything else is freee being unavailable for a while.
 */
async function failRefresh(
  deps: AccessTokenDeps,
  snapshot: TokenSnapshot,
  leaseId: string,
  failure: RefreshFailure,
  now: Date,
): Promise<never> {
  const { connection } = snapshot;
  if (failure.kind === 'invalid_grant' || failure.kind === 'access_denied') {
    await deps.store.markStatus(
      connection.id,
      {
        generation: connection.tokenGeneration,
        status: 'expired',
        code: 'invalid_grant',
        message: freeeMessages.tokenRefreshFailed,
      },
      now,
    );
    await deps.store.releaseRefreshLease(connection.id, leaseId);
    deps.log.warn(
      { connectionId: connection.id, failure: failure.kind },
      'freee refresh token rejected: connection expired',
    );
    throw unusableConnection(connection.id, 'expired', freeeMessages.tokenRefreshFailed);
  }
  if (failure.kind === 'invalid_client') {
    const message =
      'freeeアプリの設定(クライアントID・シークレット)が正しくありません。管理者に連絡してください。';
    await deps.store.markStatus(
      connection.id,
      { generation: connection.tokenGeneration, status: 'error', code: 'invalid_client', message },
      now,
    );
    await deps.store.releaseRefreshLease(connection.id, leaseId);
    throw unusableConnection(connection.id, 'error', message);
  }
  await deps.store.releaseRefreshLease(connection.id, leaseId);
  throw new FreeeTemporarilyUnavailableError(
    `token refresh: ${failure.kind} (${failure.detail})`,
    failure.kind === 'maintenance' ? 5 * 60_000 : 60_000,
  );
}

/** The new token, or null when a reconnect replaced the pair meanwhile (the caller re-reads). */
async function refreshHoldingLease(
  deps: AccessTokenDeps,
  limits: AccessTokenLimits,
  snapshot: TokenSnapshot,
  leaseId: string,
): Promise<AccessToken | null> {
  const outcome = await callRefresh(deps, limits, snapshot);
  const now = deps.clock.now();
  if (outcome.ok) return storeRefreshedPair(deps, snapshot, leaseId, outcome.grant, now);
  return failRefresh(deps, snapshot, leaseId, outcome.failure, now);
}
