// Reads of a store-day: its checkouts (latest revisions, optionally one status, keyset pages) and
// the versions of its close.
import { checkoutStatuses, type CheckoutStatus } from '../../domain/ledger/types.js';
import { validationError } from '../errors.js';
import { loadContext, storeOfDay, type LedgerDeps } from './deps.js';
import type { DayCloseRecord, LedgerActor, StoredCheckout } from './model.js';

export const dayCheckoutsPageMax = 1000;

export interface DayCheckoutsQuery {
  storeCode: string;
  businessDate: string;
  status?: string | undefined;
  afterId?: string | undefined;
  limit?: number | undefined;
}

export interface DayCheckoutsPage {
  items: StoredCheckout[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfterId: string | null;
}

export async function listDayCheckouts(
  deps: LedgerDeps,
  actor: LedgerActor,
  query: DayCheckoutsQuery,
): Promise<DayCheckoutsPage> {
  const context = await loadContext(deps, actor.companyId);
  const store = storeOfDay(context, actor, query.storeCode, query.businessDate);
  if (query.status !== undefined && !checkoutStatuses.includes(query.status as CheckoutStatus)) {
    throw validationError([
      {
        path: 'status',
        code: 'invalid_value',
        message: `状態は ${checkoutStatuses.join('・')} のいずれかで指定してください。`,
      },
    ]);
  }
  const limit = Math.min(query.limit ?? dayCheckoutsPageMax, dayCheckoutsPageMax);
  const items = await deps.uow.read.listDayCheckouts(store.id, query.businessDate, {
    status: query.status as CheckoutStatus | undefined,
    afterId: query.afterId,
    limit: limit + 1,
  });
  const page = items.slice(0, limit);
  return {
    items: page,
    nextAfterId: items.length > limit ? (page[page.length - 1]?.checkoutId ?? null) : null,
  };
}

export async function listCloses(
  deps: LedgerDeps,
  actor: LedgerActor,
  query: { storeCode: string; businessDate: string },
): Promise<DayCloseRecord[]> {
  const context = await loadContext(deps, actor.companyId);
  const store = storeOfDay(context, actor, query.storeCode, query.businessDate);
  return deps.uow.read.listCloses(store.id, query.businessDate);
}
