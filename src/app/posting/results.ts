// 連携結果: per store and business day, the posting status (未送信 / 送信中 / 送信済 / 再送待ち / 失敗 /
// guards) with its reason and freee's messages, and the deals the books hold for it (amount, type,
// 管理番号, a link to freee). Closed days that posting never touched show 未送信. The 品目 filter
// keeps the deals whose 品目 contains the text (e.g. `POS Reg`, seed 000 §3) and the days that have one.
import { validationError } from '../errors.js';
import {
  postingStatusLabels,
  postingStatuses,
  type PostingDayRecord,
  type PostingStatus,
} from './model.js';
import type { PostedDealView, PostingSources, PostingStore, PostingStoreRef } from './ports.js';
import { checkRange } from './requests.js';
import type { Yen } from '../../domain/money/yen.js';

export const resultsRowsMax = 2_000;

export interface ResultsQuery {
  companyId: string;
  storeCode: string | null;
  from: string;
  to: string;
  status: PostingStatus | null;
  /** Keep deals whose 品目 contains this (NFKC, case-insensitive), and only days with such a deal. */
  item: string | null;
}

export interface ResultDeal {
  key: string;
  methodCode: string;
  itemName: string;
  refNumber: string;
  dealId: number | null;
  amountYen: Yen | null;
  type: string | null;
  /** A write whose answer is not recorded yet. */
  pending: boolean;
  url: string | null;
}

export interface ResultDay {
  storeCode: string;
  storeName: string;
  businessDate: string;
  status: PostingStatus;
  statusLabel: string;
  reasonCode: string | null;
  message: string | null;
  freeeMessages: string[];
  closeVersion: number | null;
  postedVersion: number | null;
  nextAttemptAt: Date | null;
  updatedAt: Date | null;
  /** When the last run ended (送信日時 of a 送信済 day). */
  finishedAt: Date | null;
  deals: ResultDeal[];
}

/** One payment method of a day: the 日報's total against what the books hold (income − expense). */
export interface MethodComparison {
  code: string;
  name: string;
  reportYen: number | null;
  sentYen: number | null;
}

export interface ResultsDeps {
  store: PostingStore;
  sources: PostingSources;
  /** Where a user sees the deal: freee's web screen, or the sandbox's API URL. */
  dealUrl(provider: 'freee' | 'sandbox', freeeCompanyId: number, dealId: number): string | null;
}

const normalized = (text: string) => text.normalize('NFKC').toLowerCase();

function dealView(deps: ResultsDeps, deal: PostedDealView): ResultDeal {
  return {
    key: deal.key,
    methodCode: deal.methodCode,
    itemName: deal.itemName,
    refNumber: deal.refNumber,
    dealId: deal.dealId,
    amountYen: deal.amountYen,
    type: deal.dealType,
    pending: deal.intent !== null,
    url:
      deal.dealId === null ? null : deps.dealUrl(deal.provider, deal.freeeCompanyId, deal.dealId),
  };
}

export function parseStatus(value: string | undefined | null): PostingStatus | null {
  if (value === undefined || value === null || value === '') return null;
  if (!(postingStatuses as readonly string[]).includes(value))
    throw validationError([
      { path: 'status', code: 'invalid_status', message: '状態の指定が正しくありません。' },
    ]);
  return value as PostingStatus;
}

type ClosedDate = Awaited<ReturnType<PostingSources['closedDates']>>[number];

/** The store the query names (null: every store); an unknown store code is a validation error. */
function queriedStore(
  stores: readonly PostingStoreRef[],
  storeCode: string | null,
): PostingStoreRef | null {
  const store = storeCode === null ? null : stores.find((s) => s.code === storeCode);
  if (storeCode !== null && !store)
    throw validationError([
      {
        path: 'store',
        code: 'store_not_found',
        message: `店舗コード「${storeCode}」の店舗が見つかりません。`,
      },
    ]);
  return store ?? null;
}

/** A closed day that posting never touched: 未送信. */
function neverSentDay(store: PostingStoreRef, closed: ClosedDate): ResultDay {
  return {
    storeCode: store.code,
    storeName: store.name,
    businessDate: closed.businessDate,
    status: 'queued',
    statusLabel: postingStatusLabels.queued,
    reasonCode: 'never_sent',
    message: null,
    freeeMessages: [],
    closeVersion: closed.version,
    postedVersion: null,
    nextAttemptAt: null,
    updatedAt: null,
    finishedAt: null,
    deals: [],
  };
}

/** A day posting has a record of, with the close version shown for it. */
function postingDayView(
  day: PostingDayRecord,
  storeName: string,
  closeVersion: number | null,
): ResultDay {
  return {
    storeCode: day.storeCode,
    storeName,
    businessDate: day.businessDate,
    status: day.status,
    statusLabel: postingStatusLabels[day.status],
    reasonCode: day.reasonCode,
    message: day.message,
    freeeMessages: day.freeeMessages,
    closeVersion,
    postedVersion: day.postedVersion,
    nextAttemptAt: day.nextAttemptAt,
    updatedAt: day.updatedAt,
    finishedAt: day.finishedAt,
    deals: [],
  };
}

/** The 品目 and status filters, then the newest business day first and by store code. */
function filteredAndSorted(rows: Iterable<ResultDay>, query: ResultsQuery): ResultDay[] {
  const item =
    query.item === null || query.item.trim() === '' ? null : normalized(query.item.trim());
  return [...rows]
    .map((row) =>
      item === null
        ? row
        : { ...row, deals: row.deals.filter((deal) => normalized(deal.itemName).includes(item)) },
    )
    .filter(
      (row) =>
        (item === null || row.deals.length > 0) &&
        (query.status === null || row.status === query.status),
    )
    .sort((left, right) =>
      left.businessDate === right.businessDate
        ? left.storeCode.localeCompare(right.storeCode)
        : right.businessDate.localeCompare(left.businessDate),
    );
}

export async function listPostingResults(
  deps: ResultsDeps,
  query: ResultsQuery,
): Promise<ResultDay[]> {
  checkRange(query.from, query.to);
  const stores = await deps.sources.listStores(query.companyId);
  const store = queriedStore(stores, query.storeCode);
  const filter = {
    storeId: store?.id ?? null,
    from: query.from,
    to: query.to,
    rowsMax: resultsRowsMax,
  };
  const closed = await deps.sources.closedDates(
    query.companyId,
    filter.storeId,
    query.from,
    query.to,
    resultsRowsMax,
  );
  const days = await deps.store.listDays(query.companyId, filter);
  const deals = await deps.store.listPostedDeals(query.companyId, filter);
  const keyOf = (storeId: string, date: string) => `${storeId}|${date}`;
  const rows = new Map<string, ResultDay>();
  const storeById = new Map(stores.map((s) => [s.id, s]));
  for (const row of closed) {
    const s = storeById.get(row.storeId);
    if (!s) continue;
    rows.set(keyOf(row.storeId, row.businessDate), neverSentDay(s, row));
  }
  for (const day of days) {
    const key = keyOf(day.storeId, day.businessDate);
    const storeName = storeById.get(day.storeId)?.name ?? day.storeCode;
    rows.set(key, postingDayView(day, storeName, rows.get(key)?.closeVersion ?? day.closeVersion));
  }
  for (const deal of deals)
    rows.get(keyOf(deal.storeId, deal.businessDate))?.deals.push(dealView(deps, deal));
  return filteredAndSorted(rows.values(), query);
}

/** Days whose 日報 figures 連携結果 reads at most per page (one close read each). */
export const comparedDaysMax = 100;

/**
 * Per payment method of each listed day (the first `comparedDaysMax`): the total of the close
 * version's 日報 and the signed sum of the deals held for that method. Keyed `storeCode|date`.
 */
export async function compareWithReports(
  deps: Pick<ResultsDeps, 'sources'>,
  companyId: string,
  days: readonly ResultDay[],
): Promise<Map<string, MethodComparison[]>> {
  const stores = new Map((await deps.sources.listStores(companyId)).map((s) => [s.code, s]));
  const out = new Map<string, MethodComparison[]>();
  for (const day of days.slice(0, comparedDaysMax)) {
    const store = stores.get(day.storeCode);
    const close =
      store && day.closeVersion !== null
        ? await deps.sources.latestClose(store.id, day.businessDate)
        : null;
    const sent = new Map<string, number>();
    for (const deal of day.deals) {
      if (deal.amountYen === null) continue;
      const signed = deal.type === 'expense' ? -deal.amountYen : deal.amountYen;
      sent.set(deal.methodCode, (sent.get(deal.methodCode) ?? 0) + signed);
    }
    const rows: MethodComparison[] = (close?.report.paymentMethods ?? []).map((m) => ({
      code: m.code,
      name: m.name,
      reportYen: m.amount,
      sentYen: sent.get(m.code) ?? null,
    }));
    for (const [code, amount] of sent)
      if (!rows.some((r) => r.code === code))
        rows.push({ code, name: code, reportYen: null, sentYen: amount });
    out.set(`${day.storeCode}|${day.businessDate}`, rows);
  }
  return out;
}
