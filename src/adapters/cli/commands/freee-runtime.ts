// freee連携 for a CLI run: the secret key as the server finds it, and the sandbox served in this
// process on 127.0.0.1:0 over the same database (whether or not the server runs), or the one at
// URIAGE_SANDBOX_URL when set.
import type { Company } from '../../../app/tenancy/model.js';
import { AppError } from '../../../app/errors.js';
import { loadSecretBox } from '../../crypto/secret-key.js';
import { createFreeeRuntime, type FreeeRuntime } from '../../freee/runtime.js';
import { startSandboxServer, type SandboxServer } from '../../../sandbox/index.js';
import type { CliContext } from '../command.js';

export interface CliFreee {
  runtime: FreeeRuntime;
  close(): Promise<void>;
}

export async function openCliFreee(
  ctx: CliContext,
  options: { sandbox: boolean },
): Promise<CliFreee> {
  const services = await ctx.services();
  const secrets = loadSecretBox({
    secretKey: ctx.config.secretKey,
    previousSecretKeys: ctx.config.previousSecretKeys,
    dataDir: ctx.config.dataDir,
  });
  let sandbox: SandboxServer | null = null;
  if (options.sandbox && !ctx.config.sandboxUrl)
    sandbox = await startSandboxServer({ pool: services.pool, clock: ctx.clock, port: 0 });
  const sandboxUrl = sandbox?.url ?? (options.sandbox ? ctx.config.sandboxUrl : undefined);
  const runtime = createFreeeRuntime({
    pool: services.pool,
    clock: ctx.clock,
    logger: services.logger,
    secretBox: secrets.box,
    publicUrl: ctx.config.publicUrl,
    freee: ctx.config.freee,
    sandbox: sandboxUrl ? { baseUrl: sandboxUrl } : null,
    requestTimeoutMs: ctx.config.freeeRequestTimeoutMs,
  });
  return { runtime, close: async () => sandbox?.close() };
}

export async function companyByCode(ctx: CliContext, code: string): Promise<Company> {
  const services = await ctx.services();
  const company = await services.tenancy.read.findCompanyByCode(code);
  if (!company)
    throw new AppError(
      'not_found',
      'company_not_found',
      `企業コード ${code} の企業が見つかりません。`,
    );
  return company;
}
