// Test helpers: a Uriage company connected to a new sandbox 事業所 through the real flow.
import {
  connectToNewSandboxCompany,
  type SandboxConnectResult,
} from '../../../../src/main/sandbox-connect.js';
import type { FreeeClient } from '../../../../src/adapters/freee/client.js';
import { createTestCompany, type TestCompany } from '../../../support/app.js';
import type { FreeeTestApp } from './freee-app.js';

export interface Connected extends SandboxConnectResult {
  company: TestCompany;
  client(): Promise<FreeeClient>;
}

export async function connectedCompany(
  app: FreeeTestApp,
  code: string,
  storeCodes: string[] = ['0001'],
): Promise<Connected> {
  const company = await createTestCompany(app, code, storeCodes);
  const result = await connectToNewSandboxCompany(app.runtime, app.freeePool, {
    companyId: company.companyId,
    staffId: null,
    sandboxCompanyName: `${code} サンドボックス`,
  });
  return {
    ...result,
    company,
    client: () => app.runtime.clientFor(company.companyId, result.connection.id),
  };
}

export async function sandboxRefreshCount(app: FreeeTestApp): Promise<number> {
  const rows = await app.freeePool.query<{ n: string }>(
    'select count(*)::text as n from freee_sandbox.oauth_tokens where refreshed_at is not null',
  );
  return Number(rows.rows[0]?.n ?? '0');
}

export const sixHoursMs = 6 * 60 * 60_000;
