// Reading the books back from freee for posting checks (end-to-end tests, the fault run): every deal
// of a 発生日 (page walk), and the invariant setup rebuilt from freee's masters by NAME with the
// settings' partners and schedules — a second model that shares nothing with the posting code but the
// domain's types and dueDate.
import assert from 'node:assert/strict';
import type { PostingSettingsDocument } from '../../src/app/posting/settings.js';
import { demoPaymentMethods } from '../../src/app/tenancy/demo.js';
import type { FreeeClient } from '../../src/adapters/freee/client.js';
import type { BooksDeal } from '../../src/domain/posting/books.js';
import type { PostingMappings, WalletableType } from '../../src/domain/posting/mappings.js';
import type { SettlementSchedule } from '../../src/domain/posting/settlement-schedule.js';
import type { PaymentKind } from '../../src/domain/ledger/types.js';

export interface HeldDeal extends BooksDeal {
  id: number;
  amount: number;
  payments?: {
    id: number;
    amount: number;
    from_walletable_type: string;
    from_walletable_id: number;
    date: string;
  }[];
}

export const dealPagesMax = 50;

/** Every deal freee holds on `businessDate`. */
export async function heldDealsOn(client: FreeeClient, businessDate: string): Promise<HeldDeal[]> {
  const deals: HeldDeal[] = [];
  for (let page = 0; page < dealPagesMax; page++) {
    const result = await client.call(
      'deals.list',
      (api) =>
        api.GET('/api/1/deals', {
          params: {
            query: {
              company_id: client.companyId,
              start_issue_date: businessDate,
              end_issue_date: businessDate,
              limit: 100,
              offset: page * 100,
            },
          },
        }),
      { idempotent: true },
    );
    assert.ok(result.ok, JSON.stringify(result));
    const list = result.data.deals as unknown as HeldDeal[];
    deals.push(...list);
    if (list.length < 100) return deals;
  }
  throw new Error(`more than ${dealPagesMax * 100} deals on ${businessDate}`);
}

export const ofStore = <T extends { ref_number?: string | null }>(
  deals: readonly T[],
  storeCode: string,
  businessDate: string,
) =>
  deals.filter((deal) => {
    // `URG-<company>.<store>-…`, or `URG-<store>-…` for a legacy store (entry-keys.ts).
    const ref = (deal.ref_number ?? '').replace(/^URG-[A-Za-z0-9_-]+\./, 'URG-');
    return ref.startsWith(`URG-${storeCode}-${businessDate.replaceAll('-', '')}-`);
  });

const defaultSchedule = (kind: PaymentKind): SettlementSchedule | null => {
  if (kind === 'cash') return null;
  if (kind === 'card')
    return { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 15 };
  if (kind === 'qr' || kind === 'emoney') return { kind: 'daysAfter', bankingDays: 3 };
  return { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 'end' };
};

interface Row {
  id: number;
  name: string;
  type?: string;
  code?: number;
  name_ja?: string;
}

export async function invariantSetup(
  client: FreeeClient,
  settings: PostingSettingsDocument,
  storeCode: string,
): Promise<{ mappings: PostingMappings; paymentMethods: typeof demoPaymentMethods }> {
  const company = await client.call(
    'companies',
    (api) =>
      api.GET('/api/1/companies/{id}', {
        params: { path: { id: client.companyId }, query: { details: true } },
      }),
    { idempotent: true },
  );
  assert.ok(company.ok);
  const c = company.data.company as unknown as Record<string, Row[]>;
  const byName = (list: string, name: string) => {
    const found = (c[list] ?? []).find((row) => row.name === name);
    assert.ok(found, `${list} ${name} missing in freee`);
    return found.id;
  };
  const tax = (nameJa: string) => {
    const found = (c.tax_codes ?? []).find((row) => row.name_ja === nameJa);
    assert.ok(found, `tax ${nameJa}`);
    return found.code as number;
  };
  const store = settings.stores.find((s) => s.storeCode === storeCode);
  const cash = (c.walletables ?? []).find((w) => w.name === (store?.cashWalletableName ?? '現金'));
  assert.ok(cash);
  const methods: Record<string, PostingMappings['methods'][string]> = {};
  for (const method of demoPaymentMethods) {
    const row = settings.methods.find((m) => m.code === method.code);
    const itemId = (c.items ?? []).find(
      (i) => i.name === (row?.itemName ?? `【POS Reg】${method.name}`),
    )?.id;
    if (itemId === undefined) continue;
    const partnerName = method.kind === 'cash' ? null : (row?.partnerName ?? method.name);
    const partnerId =
      partnerName === null
        ? null
        : ((c.partners ?? []).find((p) => p.name === partnerName)?.id ?? null);
    methods[method.code] = {
      itemId,
      partnerId,
      schedule: method.kind === 'cash' ? null : (row?.schedule ?? defaultSchedule(method.kind)),
    };
  }
  const a = settings.accountNames;
  const account = (name: string) => byName('account_items', name);
  return {
    mappings: {
      store: {
        storeCode,
        companyId: client.companyId,
        sectionId: store?.sectionName ? byName('sections', store.sectionName) : null,
        cashWalletable: { type: cash.type as WalletableType, id: cash.id },
      },
      accounts: {
        sales: account(a.sales),
        receivable: account(a.receivable),
        nonSales: account(a.nonSales),
        cashOver: account(a.cashOver),
        cashShort: account(a.cashShort),
        voucherShortfall: account(a.voucherShortfall),
        voucherChange: account(a.voucherChange),
        drawerIn: account(a.drawerIn),
        drawerOut: account(a.drawerOut),
      },
      taxCodes: {
        standard10: tax('課税売上10%'),
        reduced8: tax('課税売上8%（軽）'),
        exempt: tax('非課売上'),
        outOfScope: tax('対象外'),
      },
      methods,
    },
    paymentMethods: demoPaymentMethods,
  };
}
