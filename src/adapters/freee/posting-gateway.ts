// PostingGateway over the typed freee client (one 事業所), and PostingConnections over the runtime.
// Reads are retried by the client (idempotent); writes are sent once and never repeated here — an
// unanswered write is the posting use case's to look up (docs/posting.md). Calls are counted for the
// run's record and the bench.
import type {
  FreeeCallFailure,
  FreeeCompanyInfo,
  NamedMaster,
  Outcome,
  PostingConnections,
  PostingGateway,
} from '../../app/posting/ports.js';
import { storeStatusOf } from '../../app/freee/model.js';
import type { DealContent } from '../../domain/posting/deal-types.js';
import type { HeldDeal } from '../../domain/posting/held-deals.js';
import type { FreeeApi, FreeeClient } from './client.js';
import type { FreeeResult } from './failures.js';
import type { FreeeRuntime } from './runtime.js';

/** GET deals pages: freee's limit is 100. */
export const dealsPageLimit = 100;
export const dealsPagesMax = 50;
/** A listing whose total changes between pages is walked again, at most this often. */
export const dealsWalksMax = 3;

export const freeeDealWebUrl = (dealId: number) => `https://secure.freee.co.jp/deals/${dealId}`;

function failureOf(
  kind: FreeeCallFailure['kind'],
  code: string,
  message: string,
): FreeeCallFailure {
  return { kind, status: null, code, messages: [message], requestId: null, retryAfterMs: null };
}

function toOutcome<T, U>(result: FreeeResult<T>, map: (data: T) => U): Outcome<U> {
  return result.ok ? { ok: true, value: map(result.data) } : { ok: false, failure: result.failure };
}

interface CompanyBody {
  company: {
    fiscal_years?: FreeeCompanyInfo['fiscalYears'];
    account_items?: NamedMaster[];
    items?: NamedMaster[];
    partners?: NamedMaster[];
    sections?: NamedMaster[];
    walletables?: (NamedMaster & { type: string })[];
  };
}

function dealBody(content: DealContent, withPayments: boolean) {
  const body: Record<string, unknown> = {
    company_id: content.company_id,
    issue_date: content.issue_date,
    type: content.type,
    ref_number: content.ref_number,
    details: content.details,
  };
  if (content.partner_id !== undefined) body.partner_id = content.partner_id;
  if (content.due_date !== undefined) body.due_date = content.due_date;
  if (withPayments && content.payments !== undefined) body.payments = content.payments;
  return body;
}

type Send<T> = (api: FreeeApi) => Promise<{ data?: T; error?: unknown; response: Response }>;

/** The client with its calls counted: reads are retried by the client (idempotent), writes are sent once. */
function countedCalls(client: FreeeClient) {
  let calls = 0;
  let writes = 0;
  return {
    companyId: client.companyId,
    counts: () => ({ calls, writes }),
    read: <T>(operation: string, send: Send<T>) => {
      calls += 1;
      return client.call(operation, send, { idempotent: true });
    },
    write: <T>(operation: string, send: Send<T>) => {
      calls += 1;
      writes += 1;
      return client.call(operation, send);
    },
  };
}

type CountedCalls = ReturnType<typeof countedCalls>;

/** The deals of one issue date, page by page; walked again while the total changes underneath. */
async function walkDeals(via: CountedCalls, issueDate: string): Promise<Outcome<HeldDeal[]>> {
  for (let walkNo = 0; walkNo < dealsWalksMax; walkNo++) {
    const deals: HeldDeal[] = [];
    let total: number | null = null;
    let stable = true;
    for (let page = 0; page < dealsPagesMax; page++) {
      const result = await via.read('deals.list', (api) =>
        api.GET('/api/1/deals', {
          params: {
            query: {
              company_id: via.companyId,
              start_issue_date: issueDate,
              end_issue_date: issueDate,
              offset: page * dealsPageLimit,
              limit: dealsPageLimit,
            },
          },
        }),
      );
      if (!result.ok) return { ok: false, failure: result.failure };
      const body = result.data as unknown as { deals: HeldDeal[]; meta: { total_count: number } };
      if (total !== null && body.meta.total_count !== total) stable = false;
      total ??= body.meta.total_count;
      deals.push(...body.deals);
      if (body.deals.length < dealsPageLimit || deals.length >= total) break;
      if (page === dealsPagesMax - 1)
        return {
          ok: false,
          failure: failureOf(
            'unexpected',
            'freee_paging_limit_exceeded',
            `freeeの取引が${dealsPagesMax * dealsPageLimit}件を超えるため確認できません。`,
          ),
        };
    }
    if (stable) return { ok: true, value: deals };
  }
  return {
    ok: false,
    failure: failureOf(
      'network',
      'deals_listing_unstable',
      'freeeの取引一覧が読み取り中に変わり続けています。',
    ),
  };
}

/** The 事業所 with its masters (勘定科目, 品目, 取引先, 部門, 口座) and its tax codes. */
async function companyInfoOf(via: CountedCalls): Promise<Outcome<FreeeCompanyInfo>> {
  const companyId = via.companyId;
  const company = await via.read('companies.get', (api) =>
    api.GET('/api/1/companies/{id}', {
      params: {
        path: { id: companyId },
        query: {
          account_items: true,
          items: true,
          partners: true,
          sections: true,
          walletables: true,
        },
      },
    }),
  );
  if (!company.ok) return { ok: false, failure: company.failure };
  const taxes = await via.read('taxes.companies', (api) =>
    api.GET('/api/1/taxes/companies/{company_id}', {
      params: { path: { company_id: companyId } },
    }),
  );
  if (!taxes.ok) return { ok: false, failure: taxes.failure };
  const c = (company.data as unknown as CompanyBody).company;
  return {
    ok: true,
    value: {
      fiscalYears: c.fiscal_years ?? [],
      accountItems: c.account_items ?? [],
      items: c.items ?? [],
      partners: c.partners ?? [],
      sections: c.sections ?? [],
      walletables: c.walletables ?? [],
      taxes: (taxes.data as unknown as { taxes: FreeeCompanyInfo['taxes'] }).taxes,
    },
  };
}

/** The gateway's writes: deals (create, update, delete) and the 品目 and 取引先 it creates. */
function writesOver(
  via: CountedCalls,
): Pick<
  PostingGateway,
  'createDeal' | 'updateDeal' | 'deleteDeal' | 'createItem' | 'createPartner'
> {
  const companyId = via.companyId;
  return {
    createDeal: async (content) =>
      toOutcome(
        await via.write('deals.create', (api) =>
          api.POST('/api/1/deals', { body: dealBody(content, true) as never }),
        ),
        (data) => (data as unknown as { deal: HeldDeal }).deal,
      ),
    updateDeal: async (dealId, content) =>
      toOutcome(
        await via.write('deals.update', (api) =>
          api.PUT('/api/1/deals/{id}', {
            params: { path: { id: dealId } },
            body: dealBody(content, false) as never,
          }),
        ),
        (data) => (data as unknown as { deal: HeldDeal }).deal,
      ),
    deleteDeal: async (dealId) =>
      toOutcome(
        await via.write('deals.delete', (api) =>
          api.DELETE('/api/1/deals/{id}', {
            params: { path: { id: dealId }, query: { company_id: companyId } },
          }),
        ),
        () => null,
      ),
    createItem: async (name) =>
      toOutcome(
        await via.write('items.create', (api) =>
          api.POST('/api/1/items', { body: { company_id: companyId, name } }),
        ),
        (data) => (data as unknown as { item: NamedMaster }).item,
      ),
    createPartner: async (name) =>
      toOutcome(
        await via.write('partners.create', (api) =>
          api.POST('/api/1/partners', { body: { company_id: companyId, name } as never }),
        ),
        (data) => (data as unknown as { partner: NamedMaster }).partner,
      ),
  };
}

export function postingGatewayOver(
  client: FreeeClient,
  provider: 'freee' | 'sandbox',
): PostingGateway {
  const via = countedCalls(client);
  return {
    provider,
    freeeCompanyId: via.companyId,
    counts: via.counts,
    companyInfo: () => companyInfoOf(via),
    listDeals: (issueDate) => walkDeals(via, issueDate),
    ...writesOver(via),
  };
}

export function postingConnectionsOver(runtime: FreeeRuntime): PostingConnections {
  return {
    forStore: async (companyId, storeId) => {
      // The store's own connection: one row, also in a chain of a thousand stores.
      const connection = await runtime.store.findStoreConnection(companyId, storeId);
      if (!connection || connection.status === 'disconnected') return { kind: 'unconnected' };
      const status = storeStatusOf(connection);
      if (status.status === 'expired')
        return { kind: 'unusable', status: 'expired', message: status.message ?? '' };
      if (status.status === 'error')
        return {
          kind: 'unusable',
          status: 'error',
          message: status.message ?? 'freee連携でエラーが発生しています。',
        };
      const client = runtime.clientOver(companyId, connection);
      return { kind: 'connected', gateway: postingGatewayOver(client, connection.provider) };
    },
  };
}

export function dealUrlFor(runtime: FreeeRuntime | undefined) {
  return (provider: 'freee' | 'sandbox', freeeCompanyId: number, dealId: number): string | null => {
    if (provider === 'freee') return freeeDealWebUrl(dealId);
    const base = runtime?.sandboxBaseUrl;
    return base
      ? `${base.replace(/\/+$/, '')}/books/deals/${dealId}?company_id=${freeeCompanyId}`
      : null;
  };
}
