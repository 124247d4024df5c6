// 消込's freee side over the typed client (one 事業所): the open receivables and partners the engine
// reads (bounded page walks), and the writes of an application — POST/DELETE
// /deals/{id}/payments, the difference deal (POST/DELETE /deals) and the look-ups that find a
// write again after a lost answer. Reads are retried by the client; writes are sent once (the use
// case looks an unanswered write up before making it again). A refusal is thrown as
// ReconcileFreeeError with freee's failure; the use case stops and runs again later.
import type { ApplyPlan } from '../../domain/reconcile/apply-plan.js';
import type { FreeePaymentSeen, ReconcileFreee } from '../../app/reconcile/ports.js';
import type { ReconcileConnections, ReconcileFreeeSide } from '../../app/reconcile/use-cases.js';
import type { FreeeRuntime } from './runtime.js';
import type { FreeeApi, FreeeClient } from './client.js';
import type { FreeeFailure, FreeeResult } from './failures.js';
import { walkPages } from './paging.js';

/** GET /deals: freee's page maximum. */
export const receivablesPageLimit = 100;
/** Pages of open receivables read per company (100 × 100 = 10,000 deals); more is an error. */
export const receivablesPagesMax = 100;
/** Pages of one day's deals read when looking a difference deal up by ref_number. */
const refLookupPagesMax = 20;
/** Partners per page (freee: ≤ 3000) and pages read. */
const partnersPageLimit = 3_000;
const partnersPagesMax = 10;

export class ReconcileFreeeError extends Error {
  constructor(
    readonly operation: string,
    readonly failure: FreeeFailure,
  ) {
    super(`freee ${operation}: ${failure.kind} ${failure.status ?? ''} ${failure.code ?? ''}`);
    this.name = 'ReconcileFreeeError';
  }
}

type Send<T> = (api: FreeeApi) => Promise<{ data?: T; error?: unknown; response: Response }>;

interface DealBody {
  id: number;
  issue_date: string;
  ref_number?: string | null;
  payments?: {
    id: number;
    date: string;
    amount: number;
    from_walletable_type: string;
    from_walletable_id: number;
  }[];
}

function unwrap<T>(operation: string, result: FreeeResult<T>): T {
  if (!result.ok) throw new ReconcileFreeeError(operation, result.failure);
  return result.data;
}

const paymentsSeen = (deal: DealBody): FreeePaymentSeen[] =>
  (deal.payments ?? []).map((p) => ({
    id: p.id,
    date: p.date,
    amountYen: p.amount,
    walletableId: p.from_walletable_id,
  }));

/** One company's 消込 calls, plus the reads the engine needs. */
interface ReconcileFreeeReads {
  /** Income deals with due_amount > 0 (freee's `status=unsettled`), as freee answers them. */
  openReceivables(): Promise<unknown[]>;
  partners(): Promise<unknown[]>;
  bankWalletableId(): Promise<number | null>;
}

function readsOver(client: FreeeClient): ReconcileFreeeReads {
  const read = <T>(operation: string, send: Send<T>) =>
    client.call(operation, send, { idempotent: true });
  return {
    openReceivables: async () =>
      unwrap(
        'deals.list',
        await walkPages(
          'deals.list',
          async ({ offset, limit }) => {
            const r = await read('deals.list', (api) =>
              api.GET('/api/1/deals', {
                params: {
                  query: {
                    company_id: client.companyId,
                    type: 'income',
                    status: 'unsettled',
                    offset,
                    limit,
                  },
                },
              }),
            );
            return r.ok ? { ...r, data: (r.data as unknown as { deals: unknown[] }).deals } : r;
          },
          { limit: receivablesPageLimit, pagesMax: receivablesPagesMax },
        ),
      ).filter((d) => ((d as { due_amount?: number }).due_amount ?? 0) > 0),
    bankWalletableId: async () => {
      const r = await read('walletables.list', (api) =>
        api.GET('/api/1/walletables', {
          params: { query: { company_id: client.companyId, type: 'bank_account' } },
        }),
      );
      const body = unwrap('walletables.list', r) as unknown as {
        walletables: { id: number; type: string }[];
      };
      return body.walletables.find((w) => w.type === 'bank_account')?.id ?? null;
    },
    partners: async () =>
      unwrap(
        'partners.list',
        await walkPages(
          'partners.list',
          async ({ offset, limit }) => {
            const r = await read('partners.list', (api) =>
              api.GET('/api/1/partners', {
                params: { query: { company_id: client.companyId, offset, limit } },
              }),
            );
            return r.ok
              ? { ...r, data: (r.data as unknown as { partners: unknown[] }).partners }
              : r;
          },
          { limit: partnersPageLimit, pagesMax: partnersPagesMax },
        ),
      ),
  };
}

/** The 勘定科目 ids of the difference accounts, read once per gateway. */
function accountIdsOf(client: FreeeClient) {
  let known: Promise<Map<string, number>> | null = null;
  const load = async () => {
    const r = await client.call(
      'account_items.list',
      (api) =>
        api.GET('/api/1/account_items', { params: { query: { company_id: client.companyId } } }),
      { idempotent: true },
    );
    const body = unwrap('account_items.list', r) as unknown as {
      account_items: { id: number; name: string }[];
    };
    return new Map(body.account_items.map((a) => [a.name, a.id]));
  };
  return async (name: string): Promise<number> => {
    known ??= load().catch((error: unknown) => {
      known = null;
      throw error;
    });
    const id = (await known).get(name);
    if (id === undefined)
      throw new ReconcileFreeeError('account_items.list', {
        kind: 'validation',
        status: null,
        code: 'account_item_missing',
        messages: [`勘定科目「${name}」がfreeeにありません。`],
        requestId: null,
        retryAfterMs: null,
      });
    return id;
  };
}

function differenceDealBody(
  companyId: number,
  difference: NonNullable<ApplyPlan['difference']>,
  walletable: { type: string; id: number },
  refNumber: string,
  accountItemId: number,
) {
  return {
    company_id: companyId,
    issue_date: difference.date,
    type: difference.type,
    ref_number: refNumber,
    ...(difference.partnerId === null ? {} : { partner_id: Number(difference.partnerId) }),
    details: [
      {
        account_item_id: accountItemId,
        tax_code: difference.taxCode,
        amount: difference.amountYen,
      },
    ],
    payments: [
      {
        date: difference.date,
        from_walletable_type: walletable.type,
        from_walletable_id: walletable.id,
        amount: difference.amountYen,
      },
    ],
  };
}

type Calls = ReturnType<typeof callsOf>;

function callsOf(client: FreeeClient) {
  return {
    companyId: client.companyId,
    write: <T>(operation: string, send: Send<T>) => client.call(operation, send),
    read: <T>(operation: string, send: Send<T>) =>
      client.call(operation, send, { idempotent: true }),
  };
}

/** GET /deals/{id}, POST and DELETE /deals/{id}/payments. */
function paymentCalls(
  via: Calls,
): Pick<ReconcileFreee, 'paymentsOf' | 'addPayment' | 'deletePayment'> {
  const companyId = via.companyId;
  const dealOf = async (dealId: string): Promise<DealBody | null> => {
    const r = await via.read('deals.get', (api) =>
      api.GET('/api/1/deals/{id}', {
        params: { path: { id: Number(dealId) }, query: { company_id: companyId } },
      }),
    );
    if (!r.ok && r.failure.kind === 'not_found') return null;
    return (unwrap('deals.get', r) as unknown as { deal: DealBody }).deal;
  };
  return {
    paymentsOf: async (_c, dealId) => {
      const deal = await dealOf(dealId);
      return deal ? paymentsSeen(deal) : [];
    },
    addPayment: async (_c, dealId, payment) => {
      const r = await via.write('deals.payments.create', (api) =>
        api.POST('/api/1/deals/{id}/payments', {
          params: { path: { id: Number(dealId) } },
          body: {
            company_id: companyId,
            date: payment.date,
            from_walletable_type: payment.walletable.type,
            from_walletable_id: payment.walletable.id,
            amount: payment.amountYen,
          } as never,
        }),
      );
      const deal = (unwrap('deals.payments.create', r) as unknown as { deal: DealBody }).deal;
      const ours = paymentsSeen(deal).filter(
        (p) =>
          p.date === payment.date &&
          p.amountYen === payment.amountYen &&
          p.walletableId === payment.walletable.id,
      );
      const id = Math.max(...ours.map((p) => p.id));
      if (!Number.isSafeInteger(id))
        throw new Error(`freee answered deal ${dealId} without the payment just made`);
      return id;
    },
    deletePayment: async (_c, dealId, paymentId) => {
      const r = await via.write('deals.payments.delete', (api) =>
        api.DELETE('/api/1/deals/{id}/payments/{payment_id}', {
          params: {
            path: { id: Number(dealId), payment_id: paymentId },
            query: { company_id: companyId },
          },
        } as never),
      );
      if (!r.ok && r.failure.kind === 'not_found') return;
      unwrap('deals.payments.delete', r);
    },
  };
}

/** The difference deal: found again by ref_number on its date, created, deleted. */
function differenceCalls(
  via: Calls,
  accountId: (name: string) => Promise<number>,
): Pick<ReconcileFreee, 'findDealByRef' | 'createDifferenceDeal' | 'deleteDeal'> {
  const companyId = via.companyId;
  return {
    findDealByRef: async (_c, refNumber, date) => {
      const r = await walkPages(
        'deals.list',
        async ({ offset, limit }) => {
          const page = await via.read('deals.list', (api) =>
            api.GET('/api/1/deals', {
              params: {
                query: {
                  company_id: companyId,
                  start_issue_date: date,
                  end_issue_date: date,
                  offset,
                  limit,
                },
              },
            }),
          );
          return page.ok
            ? { ...page, data: (page.data as unknown as { deals: DealBody[] }).deals }
            : page;
        },
        { limit: receivablesPageLimit, pagesMax: refLookupPagesMax },
      );
      return unwrap('deals.list', r).find((d) => d.ref_number === refNumber)?.id ?? null;
    },
    createDifferenceDeal: async (_c, difference, walletable, refNumber) => {
      const accountItemId = await accountId(difference.account);
      const body = differenceDealBody(companyId, difference, walletable, refNumber, accountItemId);
      const r = await via.write('deals.create', (api) =>
        api.POST('/api/1/deals', { body: body as never }),
      );
      return (unwrap('deals.create', r) as unknown as { deal: DealBody }).deal.id;
    },
    deleteDeal: async (_c, dealId) => {
      const r = await via.write('deals.delete', (api) =>
        api.DELETE('/api/1/deals/{id}', {
          params: { path: { id: dealId }, query: { company_id: companyId } },
        }),
      );
      if (!r.ok && r.failure.kind === 'not_found') return;
      unwrap('deals.delete', r);
    },
  };
}

/** The ReconcileFreee port for the 事業所 of `client` (the companyId arguments are Uriage's). */
export function reconcileFreeeOver(client: FreeeClient): ReconcileFreeeSide {
  const via = callsOf(client);
  return {
    ...readsOver(client),
    ...paymentCalls(via),
    ...differenceCalls(via, accountIdsOf(client)),
  };
}

/** The company's freee: the connection of its first connected store (one 事業所 per company). */
export function reconcileConnectionsOver(runtime: FreeeRuntime): ReconcileConnections {
  return {
    forCompany: async (companyId) => {
      const row = (await runtime.store.listStoreConnections(companyId)).find(
        (each) => each.connection && each.connection.status === 'connected',
      );
      if (!row?.connection) return null;
      return reconcileFreeeOver(await runtime.clientFor(companyId, row.connection.id));
    },
  };
}
