// freee連携 for one process: the secret key, the token store, the gateways (real freee when
// FREEE_CLIENT_ID / FREEE_CLIENT_SECRET are set, else the built-in sandbox at a base URL), the
// refresh-once token port (app/freee/access-token.ts) and the client per connection.
import type { App } from '../app/app.js';
import {
  accessTokenFor,
  type AccessTokenDeps,
  type AccessTokenLimits,
} from '../app/freee/access-token.js';
import type { Clock } from '../app/clock.js';
import type { SecretBox } from '../adapters/crypto/secret-box.js';
import { loadSecretBox } from '../adapters/crypto/secret-key.js';
import { freeeStoreOver } from '../adapters/db/freee-store.js';
import type { Pool } from '../adapters/db/pool.js';
import type { RetryPolicy } from '../adapters/freee/client.js';
import type { FetchLike, FreeeUrls } from '../adapters/freee/endpoints.js';
import {
  createFreeeGateways,
  createFreeeRuntime as freeeRuntimeOver,
  defaultSleep,
  type FreeeRuntime,
} from '../adapters/freee/runtime.js';
import type { Logger } from '../adapters/log/logger.js';
import type { Config } from './config.js';
import { ensureSandboxApp } from './sandbox-app.js';

export const demoCompanyCode = 'demo';

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

/** Builds the store, the gateways and the token port, then the runtime over them. */
export function createFreeeRuntime(options: FreeeRuntimeOptions): FreeeRuntime {
  const store = freeeStoreOver(options.pool, options.secretBox);
  const sleep = options.sleep ?? defaultSleep;
  const gateways = createFreeeGateways({
    logger: options.logger,
    publicUrl: options.publicUrl,
    freee: options.freee,
    ...(options.freeeUrls ? { freeeUrls: options.freeeUrls } : {}),
    sandbox: options.sandbox,
    sandboxApp: options.sandbox
      ? (redirectUri) =>
          ensureSandboxApp(options.pool, options.clock, options.secretBox, redirectUri)
      : null,
    sleep,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.tokenTimeoutMs ? { tokenTimeoutMs: options.tokenTimeoutMs } : {}),
  });
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
  return freeeRuntimeOver({
    store,
    gateways,
    clock: options.clock,
    logger: options.logger,
    publicUrl: options.publicUrl,
    freee: options.freee,
    ...(options.freeeUrls ? { freeeUrls: options.freeeUrls } : {}),
    sandbox: options.sandbox,
    sandboxApp: null,
    sleep,
    accessToken: (companyId, connectionId, tokenOptions) =>
      accessTokenFor(accessTokens, companyId, connectionId, tokenOptions),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
}

/** freee for a process with this configuration, reaching the sandbox at `sandbox` (or none). */
export function freeeRuntimeFor(
  parts: { pool: Pool; clock: Clock; logger: Logger },
  config: Config,
  sandbox: { baseUrl: string; fetch?: FetchLike } | null,
  warnKeyFile = true,
): FreeeRuntime {
  const secrets = loadSecretBox({
    secretKey: config.secretKey,
    previousSecretKeys: config.previousSecretKeys,
    dataDir: config.dataDir,
  });
  if (secrets.source === 'file' && warnKeyFile) {
    parts.logger.warn(
      { keyId: secrets.box.currentKeyId, keyFile: secrets.path },
      'URIAGE_SECRET_KEY is not set: freee tokens are encrypted with the key file in the data directory',
    );
  }
  return createFreeeRuntime({
    ...parts,
    secretBox: secrets.box,
    publicUrl: config.publicUrl,
    freee: config.freee,
    sandbox,
    requestTimeoutMs: config.freeeRequestTimeoutMs,
  });
}

/**
 * The demo company's stores → a new sandbox 事業所, once: skipped when real freee is configured
 * (connect in the console) or when a store is connected already. Failures are logged, not fatal.
 */
export async function connectDemoCompanyToFreee(
  app: App,
  logger: Logger,
  /** Told the sandbox user's sign-in, to print next to the demo login (a later 連携開始 asks for it). */
  onSandboxSignIn?: (signIn: { email: string; password: string }) => void,
): Promise<'connected' | 'skipped'> {
  const freee = app.freee;
  if (!freee?.connectNewSandboxCompany) return 'skipped';
  if (freee.defaultProvider === 'freee') {
    logger.info(
      'real freee credentials configured: connect the demo company in the console (運用管理 > freee連携)',
    );
    return 'skipped';
  }
  const company = await app.tenancy.read.findCompanyByCode(demoCompanyCode);
  if (!company) return 'skipped';
  const statuses = await freee.listStoreStatuses(company.id);
  if (statuses.some((s) => s.connection && s.connection.status !== 'disconnected'))
    return 'skipped';
  try {
    const { freeeCompanyId, connection, signIn } = await freee.connectNewSandboxCompany({
      companyId: company.id,
      staffId: null,
      sandboxCompanyName: 'デモ商店(サンドボックス)',
    });
    logger.info(
      { freeeCompanyId, connectionId: connection.id, stores: statuses.length },
      'demo company connected to a sandbox 事業所',
    );
    if (signIn) onSandboxSignIn?.(signIn);
    return 'connected';
  } catch (error) {
    logger.warn({ err: error }, 'demo company could not be connected to the freee sandbox');
    return 'skipped';
  }
}
