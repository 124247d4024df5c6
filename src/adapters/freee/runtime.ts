// freee連携 for one process: storage, the gateway per provider (real freee when FREEE_CLIENT_ID /
// FREEE_CLIENT_SECRET are set, else the built-in sandbox), the refresh-once token source and a
// client per connection. Built by wireFreee (server), the CLI and tests.
import {
  accessTokenFor,
  type AccessTokenDeps,
  type AccessTokenLimits,
} from '../../app/freee/access-token.js';
import type { ConnectDeps } from '../../app/freee/connect.js';
import {
  FreeeConnectionUnusableError,
  FreeeTemporarilyUnavailableError,
  TokenRefreshBusyError,
} from '../../app/freee/errors.js';
import { AppError } from '../../app/errors.js';
import type { Clock } from '../../app/clock.js';
import { freeeMessages, type FreeeProvider } from '../../app/freee/model.js';
import type { FreeeGateway, FreeeGateways, FreeeStore } from '../../app/freee/ports.js';
import type { SecretBox } from '../crypto/secret-box.js';
import { freeeStoreOver } from '../db/freee-store.js';
import type { Pool } from '../db/pool.js';
import type { Logger } from '../log/logger.js';
import {
  createFreeeClient,
  type AccessTokenSource,
  type FreeeClient,
  type RetryPolicy,
} from './client.js';
import { freeeEndpoints, sandboxEndpoints, type FetchLike, type FreeeUrls } from './endpoints.js';
import type { FreeeFailure } from './failures.js';
import { createFreeeGateway } from './gateway.js';
import { ensureSandboxApp } from './sandbox-app.js';

/** Where freee sends the browser back to (our console route). */
export const callbackPath = '/admin/settings/integrations/freee/callback';

export interface FreeeRuntimeOptions {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  secretBox: SecretBox;
  /** Our public address (config.publicUrl): the sandbox app's redirect URI is built from it. */
  publicUrl: string;
  /** Real freee credentials; null → new connections go to the sandbox. */
  freee: { clientId: string; clientSecret: string; redirectUrl: string } | null;
  freeeUrls?: Partial<FreeeUrls>;
  /** The sandbox this process reaches (mounted, in-process, or served alone); null = none. */
  sandbox: { baseUrl: string; fetch?: FetchLike } | null;
  sleep?: (ms: number) => Promise<void>;
  requestTimeoutMs?: number;
  tokenTimeoutMs?: number;
  retry?: RetryPolicy;
  accessTokenLimits?: Partial<AccessTokenLimits>;
}

export interface FreeeRuntime {
  readonly store: FreeeStore;
  readonly gateways: FreeeGateways;
  readonly clock: Clock;
  readonly connectDeps: ConnectDeps;
  readonly accessTokens: AccessTokenDeps;
  /** The sandbox base URL, when this process has one, and how this process reaches it. */
  readonly sandboxBaseUrl: string | null;
  readonly sandboxFetch: FetchLike;
  /** A client bound to one connection's 事業所; refuses a connection of another company. */
  clientFor(companyId: string, connectionId: string): Promise<FreeeClient>;
  /** The client of the connection a store posts to; null when the store is 未連携. */
  clientForStore(companyId: string, storeId: string): Promise<FreeeClient | null>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createFreeeRuntime(options: FreeeRuntimeOptions): FreeeRuntime {
  const store = freeeStoreOver(options.pool, options.secretBox);
  const sleep = options.sleep ?? defaultSleep;
  const gateways = createGateways(options, sleep);
  const accessTokens: AccessTokenDeps = {
    store,
    gateways,
    clock: options.clock,
    sleep,
    ...(options.accessTokenLimits ? { limits: options.accessTokenLimits } : {}),
    log: {
      info: (fields, message) => options.logger.info(fields, message),
      warn: (fields, message) => options.logger.warn(fields, message),
    },
  };
  const connectDeps: ConnectDeps = { store, gateways, clock: options.clock };

  const runtime: FreeeRuntime = {
    store,
    gateways,
    clock: options.clock,
    connectDeps,
    accessTokens,
    sandboxBaseUrl: options.sandbox?.baseUrl ?? null,
    sandboxFetch: options.sandbox?.fetch ?? fetch,
    clientFor: async (companyId, connectionId) => {
      const connection = await store.findConnection(companyId, connectionId);
      if (!connection)
        throw new FreeeConnectionUnusableError(
          'freee_connection_not_found',
          'freee連携が見つかりません。',
          connectionId,
        );
      const endpoints = endpointsFor(options, connection.provider);
      const tokens = connectionTokenSource(accessTokens, companyId, connectionId);
      const client = createFreeeClient({
        apiBaseUrl: endpoints.apiBaseUrl,
        fetch: endpoints.fetch,
        companyId: connection.freeeCompanyId,
        tokens,
        logger: options.logger,
        sleep,
        ...(options.retry ? { retry: options.retry } : {}),
        ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      });
      return withPermissionWatch(client, store, options.clock, connectionId);
    },
    clientForStore: async (companyId, storeId) => {
      const row = (await store.listStoreConnections(companyId)).find((s) => s.storeId === storeId);
      if (!row?.connection || row.connection.status === 'disconnected') return null;
      return runtime.clientFor(companyId, row.connection.id);
    },
  };
  return runtime;
}

function endpointsFor(options: FreeeRuntimeOptions, provider: FreeeProvider) {
  if (provider === 'sandbox') {
    if (!options.sandbox)
      throw new AppError(
        'unavailable',
        'freee_sandbox_unavailable',
        'freeeサンドボックスはこのプロセスでは利用できません。',
      );
    return sandboxEndpoints(options.sandbox.baseUrl, options.sandbox.fetch);
  }
  return freeeEndpoints(options.freeeUrls ?? {});
}

function createGateways(
  options: FreeeRuntimeOptions,
  sleep: (ms: number) => Promise<void>,
): FreeeGateways {
  const cache = new Map<FreeeProvider, Promise<FreeeGateway>>();
  const gatewayOptions = {
    logger: options.logger,
    sleep,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
  const build = async (provider: FreeeProvider): Promise<FreeeGateway> => {
    const endpoints = endpointsFor(options, provider);
    const timeout = options.tokenTimeoutMs ? { timeoutMs: options.tokenTimeoutMs } : {};
    if (provider === 'freee') {
      if (!options.freee)
        throw new AppError(
          'unavailable',
          'freee_not_configured',
          'freeeのクライアントIDとシークレットが設定されていません。',
        );
      const redirectUri = options.freee.redirectUrl || `${options.publicUrl}${callbackPath}`;
      return createFreeeGateway(
        {
          endpoints,
          clientId: options.freee.clientId,
          clientSecret: options.freee.clientSecret,
          redirectUri,
          ...timeout,
        },
        gatewayOptions,
      );
    }
    const app = await ensureSandboxApp(
      options.pool,
      options.clock,
      options.secretBox,
      `${options.publicUrl.replace(/\/+$/, '')}${callbackPath}`,
    );
    return createFreeeGateway(
      {
        endpoints,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri: app.redirectUri,
        ...timeout,
      },
      gatewayOptions,
    );
  };
  return {
    defaultProvider: options.freee ? 'freee' : 'sandbox',
    forProvider: (provider) => {
      let gateway = cache.get(provider);
      if (!gateway) {
        gateway = build(provider);
        cache.set(provider, gateway);
        gateway.catch(() => cache.delete(provider));
      }
      return gateway;
    },
  };
}

function unusableFailure(error: FreeeConnectionUnusableError): FreeeFailure {
  const kind = error.code === 'freee_connection_expired' ? 'invalid_grant' : 'connection_unusable';
  return {
    kind,
    status: null,
    code: error.code,
    messages: [error.userMessage],
    requestId: null,
    retryAfterMs: null,
  };
}

export function connectionTokenSource(
  deps: AccessTokenDeps,
  companyId: string,
  connectionId: string,
): AccessTokenSource {
  return {
    get: () => accessTokenFor(deps, companyId, connectionId),
    renew: (rejectedGeneration) =>
      accessTokenFor(deps, companyId, connectionId, { rejectedGeneration }),
    failureOf: (error) => {
      if (error instanceof FreeeConnectionUnusableError) return unusableFailure(error);
      if (error instanceof FreeeTemporarilyUnavailableError) {
        const kind = error.reason.includes('maintenance') ? 'maintenance' : 'network';
        return {
          kind,
          status: null,
          code: 'token_refresh',
          messages: [error.userMessage],
          requestId: null,
          retryAfterMs: error.retryAfterMs,
        };
      }
      if (error instanceof TokenRefreshBusyError)
        return {
          kind: 'network',
          status: null,
          code: error.code,
          messages: [error.userMessage],
          requestId: null,
          retryAfterMs: 30_000,
        };
      return null;
    },
  };
}

/** 401 user_do_not_have_permission: the store shows エラー with the 管理者 hint until reconnected. */
function withPermissionWatch(
  client: FreeeClient,
  store: FreeeStore,
  clock: Clock,
  connectionId: string,
): FreeeClient {
  return {
    companyId: client.companyId,
    call: async (operation, send, callOptions) => {
      const result = await client.call(operation, send, callOptions);
      if (!result.ok && result.failure.kind === 'user_do_not_have_permission') {
        await store.markStatus(
          connectionId,
          {
            generation: null,
            status: 'error',
            code: 'user_do_not_have_permission',
            message: freeeMessages.userLacksPermission,
          },
          clock.now(),
        );
      }
      return result;
    },
  };
}
