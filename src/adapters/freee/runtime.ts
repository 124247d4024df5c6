// freee連携 for one process: the gateway per provider (real freee when FREEE_CLIENT_ID /
// FREEE_CLIENT_SECRET are set, else a sandbox at a base URL), and a client per connection over the
// token port (refresh-once lives in the app). Built by src/main/freee.ts; knows nothing of the sandbox
// but its base URL, its fetch and the OAuth application it is given.
import type { AccessToken } from '../../app/freee/access-token.js';
import type { ConnectDeps } from '../../app/freee/connect.js';
import {
  FreeeConnectionUnusableError,
  FreeeTemporarilyUnavailableError,
  TokenRefreshBusyError,
} from '../../app/freee/errors.js';
import { AppError } from '../../app/errors.js';
import type { Clock } from '../../app/clock.js';
import {
  callbackPath,
  freeeMessages,
  type FreeeConnection,
  type FreeeProvider,
} from '../../app/freee/model.js';
import type { FreeeGateway, FreeeGateways, FreeeStore } from '../../app/freee/ports.js';
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

export { callbackPath };

/** The current access token of a connection (renewed once when `rejectedGeneration` is given). */
export type AccessTokenLookup = (
  companyId: string,
  connectionId: string,
  options?: { rejectedGeneration?: number },
) => Promise<AccessToken>;

/** The sandbox's OAuth application registered for a redirect URI (client id and secret). */
export type SandboxAppLookup = (
  redirectUri: string,
) => Promise<{ clientId: string; clientSecret: string; redirectUri: string }>;

export interface FreeeGatewaysOptions {
  logger: Logger;
  /** Our public address (config.publicUrl): the sandbox app's redirect URI is built from it. */
  publicUrl: string;
  /** Real freee credentials; null → new connections go to the sandbox. */
  freee: { clientId: string; clientSecret: string; redirectUrl: string } | null;
  freeeUrls?: Partial<FreeeUrls>;
  /** The sandbox this process reaches (mounted, in-process, or served alone); null = none. */
  sandbox: { baseUrl: string; fetch?: FetchLike } | null;
  /** The sandbox's OAuth application (src/main/sandbox-app.ts); null = no sandbox here. */
  sandboxApp: SandboxAppLookup | null;
  sleep?: (ms: number) => Promise<void>;
  requestTimeoutMs?: number;
  tokenTimeoutMs?: number;
}

export interface FreeeRuntimeOptions extends FreeeGatewaysOptions {
  store: FreeeStore;
  gateways: FreeeGateways;
  clock: Clock;
  accessToken: AccessTokenLookup;
  retry?: RetryPolicy;
}

export interface FreeeRuntime {
  readonly store: FreeeStore;
  readonly gateways: FreeeGateways;
  readonly clock: Clock;
  readonly connectDeps: ConnectDeps;
  /** The sandbox base URL, when this process has one, and how this process reaches it. */
  readonly sandboxBaseUrl: string | null;
  readonly sandboxFetch: FetchLike;
  /** A client bound to one connection's 事業所; refuses a connection of another company. */
  clientFor(companyId: string, connectionId: string): Promise<FreeeClient>;
  /** A client bound to a connection of `companyId` the caller has just read (no second read). */
  clientOver(companyId: string, connection: FreeeConnection): FreeeClient;
  /** The client of the connection a store posts to; null when the store is 未連携. */
  clientForStore(companyId: string, storeId: string): Promise<FreeeClient | null>;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createFreeeRuntime(options: FreeeRuntimeOptions): FreeeRuntime {
  const { store, gateways } = options;
  const sleep = options.sleep ?? defaultSleep;
  const connectDeps: ConnectDeps = { store, gateways, clock: options.clock };

  const runtime: FreeeRuntime = {
    store,
    gateways,
    clock: options.clock,
    connectDeps,
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
      return runtime.clientOver(companyId, connection);
    },
    clientOver: (companyId, connection) => {
      const connectionId = connection.id;
      if (connection.companyId !== companyId)
        throw new FreeeConnectionUnusableError(
          'freee_connection_not_found',
          'freee連携が見つかりません。',
          connectionId,
        );
      const endpoints = endpointsFor(options, connection.provider);
      const tokens = connectionTokenSource(options.accessToken, companyId, connectionId);
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
      const connection = await store.findStoreConnection(companyId, storeId);
      if (!connection || connection.status === 'disconnected') return null;
      return runtime.clientOver(companyId, connection);
    },
  };
  return runtime;
}

function endpointsFor(options: FreeeGatewaysOptions, provider: FreeeProvider) {
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

export function createFreeeGateways(options: FreeeGatewaysOptions): FreeeGateways {
  const sleep = options.sleep ?? defaultSleep;
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
    if (!options.sandboxApp)
      throw new AppError(
        'unavailable',
        'freee_sandbox_unavailable',
        'freeeサンドボックスはこのプロセスでは利用できません。',
      );
    const app = await options.sandboxApp(`${options.publicUrl.replace(/\/+$/, '')}${callbackPath}`);
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
  accessToken: AccessTokenLookup,
  companyId: string,
  connectionId: string,
): AccessTokenSource {
  return {
    get: () => accessToken(companyId, connectionId),
    renew: (rejectedGeneration) => accessToken(companyId, connectionId, { rejectedGeneration }),
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
