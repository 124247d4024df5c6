// How a server process gets freee連携: the secret key, the runtime over the mounted sandbox
// (called in-process) or real freee, and — for `npm start` — the demo company connected to a
// sandbox 事業所. The server calls wireFreee once after mounting the sandbox.
import type { Config } from '../../config.js';
import { listStoreStatuses } from '../../app/freee/connect.js';
import { loadSecretBox } from '../crypto/secret-key.js';
import type { Services } from '../http/context.js';
import { createSandboxApp, faultPlanFromEnv } from '../../sandbox/index.js';
import { inProcessFetch, type FetchableApp, type FetchLike } from './endpoints.js';
import { createFreeeRuntime, type FreeeRuntime } from './runtime.js';
import { connectToNewSandboxCompany } from './sandbox-connect.js';

export const sandboxMountPath = '/sandbox/freee';
export const demoCompanyCode = 'demo';

export interface WireFreeeInput {
  services: Services;
  config: Config;
  /** The sandbox app mounted at /sandbox/freee (createSandboxApp). */
  sandboxApp: FetchableApp;
  /** `npm start`: connect the demo company to a sandbox 事業所 (unless real freee is configured). */
  demo: boolean;
}

export async function wireFreee(input: WireFreeeInput): Promise<FreeeRuntime> {
  const { services, config } = input;
  const sandboxBaseUrl = `${config.publicUrl.replace(/\/+$/, '')}${sandboxMountPath}`;
  const runtime = runtimeFor(services, config, {
    baseUrl: sandboxBaseUrl,
    fetch: inProcessFetch(input.sandboxApp, sandboxBaseUrl),
  });
  services.freee = runtime;
  if (input.demo) await connectDemoCompanyToFreee(services, runtime);
  return runtime;
}

function runtimeFor(
  services: Services,
  config: Config,
  sandbox: { baseUrl: string; fetch?: FetchLike },
): FreeeRuntime {
  const secrets = loadSecretBox({
    secretKey: config.secretKey,
    previousSecretKeys: config.previousSecretKeys,
    dataDir: config.dataDir,
  });
  if (secrets.source === 'file') {
    services.logger.warn(
      { keyId: secrets.box.currentKeyId, keyFile: secrets.path },
      'URIAGE_SECRET_KEY is not set: freee tokens are encrypted with the key file in the data directory',
    );
  }
  return createFreeeRuntime({
    pool: services.pool,
    clock: services.clock,
    logger: services.logger,
    secretBox: secrets.box,
    publicUrl: config.publicUrl,
    freee: config.freee,
    sandbox,
    requestTimeoutMs: config.freeeRequestTimeoutMs,
  });
}

/**
 * freee for `uriage worker`: the sandbox at URIAGE_SANDBOX_URL when set (over HTTP), else a sandbox
 * app mounted in this process over the same database (as the server does; its state is in the
 * database, so any process can serve it). Real freee connections need nothing more.
 */
export function wireWorkerFreee(services: Services, config: Config): FreeeRuntime {
  const runtime = config.sandboxUrl
    ? runtimeFor(services, config, { baseUrl: config.sandboxUrl })
    : (() => {
        const sandboxBaseUrl = `${config.publicUrl.replace(/\/+$/, '')}${sandboxMountPath}`;
        const app = createSandboxApp({
          pool: services.pool,
          clock: services.clock,
          faults: faultPlanFromEnv({ URIAGE_SANDBOX_FAULTS: config.sandboxFaults }),
          baseUrl: sandboxBaseUrl,
        });
        return runtimeFor(services, config, {
          baseUrl: sandboxBaseUrl,
          fetch: inProcessFetch(app, sandboxBaseUrl),
        });
      })();
  services.freee = runtime;
  return runtime;
}

/**
 * The demo company's stores → a new sandbox 事業所, once: skipped when real freee is configured
 * (connect in the console) or when a store is connected already. Failures are logged, not fatal.
 */
export async function connectDemoCompanyToFreee(
  services: Services,
  runtime: FreeeRuntime,
): Promise<'connected' | 'skipped'> {
  if (runtime.gateways.defaultProvider === 'freee') {
    services.logger.info(
      'real freee credentials configured: connect the demo company in the console (運用管理 > freee連携)',
    );
    return 'skipped';
  }
  const company = await services.tenancy.read.findCompanyByCode(demoCompanyCode);
  if (!company) return 'skipped';
  const statuses = await listStoreStatuses(runtime.connectDeps, company.id);
  if (statuses.some((s) => s.connection && s.connection.status !== 'disconnected'))
    return 'skipped';
  try {
    const { sandbox, connection } = await connectToNewSandboxCompany(runtime, services.pool, {
      companyId: company.id,
      staffId: null,
      sandboxCompanyName: 'デモ商店(サンドボックス)',
    });
    services.logger.info(
      { freeeCompanyId: sandbox.companyId, connectionId: connection.id, stores: statuses.length },
      'demo company connected to a sandbox 事業所',
    );
    return 'connected';
  } catch (error) {
    services.logger.warn(
      { err: error },
      'demo company could not be connected to the freee sandbox',
    );
    return 'skipped';
  }
}
