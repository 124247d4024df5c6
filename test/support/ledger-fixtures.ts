// Shared data of the ledger tests: the spec's example day, a valid checkout builder, register tokens.
import { readFileSync } from 'node:fs';
import { createRegisterToken } from '../../src/app/auth/login.js';
import type { LedgerActor } from '../../src/app/ledger/model.js';
import type { LedgerDeps } from '../../src/app/ledger/deps.js';
import { ledgerDepsOver } from '../../src/main/app.js';
import type { Checkout } from '../../src/domain/ledger/types.js';
import type { TestApp, TestCompany } from './app.js';

export const exampleDayPath = new URL('../../vendor/spec/example-day.json', import.meta.url);
export const exampleDay = JSON.parse(readFileSync(exampleDayPath, 'utf8')) as {
  company: Record<string, unknown>;
  checkouts: Checkout[];
  drawer: Record<string, unknown>[];
  closes: { storeCode: string; businessDate: string; float: number; countedCash: number }[];
};

/** A valid completed checkout of store 0001 / register 01 on 2025-01-10: ¥1,100 paid ¥2,000 cash. */
export function checkout(id: string, overrides: Partial<Checkout> = {}): Checkout {
  return {
    id,
    revision: 1,
    storeCode: '0001',
    registerCode: '01',
    businessDate: '2025-01-10',
    startedAt: '2025-01-10T12:00:00+09:00',
    completedAt: '2025-01-10T12:01:00+09:00',
    status: 'completed',
    customerCount: 1,
    priceMode: 'inclusive',
    lines: [{ name: 'ランチ', quantity: 1, unitPrice: 1100, taxCategory: 'standard10' }],
    payments: [{ method: 'cash', amount: 2000 }],
    ...overrides,
  };
}

export function drawerEvent(
  id: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    type: 'cashIn',
    storeCode: '0001',
    registerCode: '01',
    businessDate: '2025-01-10',
    at: '2025-01-10T09:00:00+09:00',
    amount: 5000,
    reason: '両替',
    ...overrides,
  };
}

export async function registerToken(
  app: TestApp,
  company: TestCompany,
  storeCode = '0001',
  registerCode = '01',
): Promise<string> {
  return createRegisterToken(app.services, {
    companyId: company.companyId,
    storeCode,
    registerCode,
  });
}

export function bearer(app: TestApp, token: string) {
  return (method: string, path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

export function ledgerOf(app: TestApp): LedgerDeps {
  return ledgerDepsOver(app.db.pool, app.clock);
}

export const staffActor = (company: TestCompany): LedgerActor => ({
  companyId: company.companyId,
  label: 'staff:admin',
});

export async function countRows(
  app: TestApp,
  table: 'checkouts' | 'checkout_revisions' | 'drawer_events' | 'day_closes' | 'domain_events',
  companyId?: string,
): Promise<number> {
  const { rows } = await app.db.pool.query<{ n: number }>(
    `select count(*)::int as n from ${table}${companyId ? ' where company_id = $1' : ''}`,
    companyId ? [companyId] : [],
  );
  return rows[0]?.n ?? -1;
}

export const body = async (response: Response): Promise<any> => response.json();
