// What posting needs from outside: storage (src/adapters/db/posting-store.ts), the store-day's close
// and company configuration, and freee per store (src/adapters/freee/posting-gateway.ts).
import type { DealContent } from '../../domain/posting/deal-types.js';
import type { FiscalYearFacts } from '../../domain/posting/fiscal-guard.js';
import type { HeldDeal } from '../../domain/posting/held-deals.js';
import type { PaymentMethod } from '../../domain/ledger/types.js';
import type { DailyReport } from '../../domain/report/types.js';
import type { EntryRecord, IntentOp, PostingDayRecord, PostingStatus } from './model.js';
import type { Yen } from '../../domain/money/yen.js';

export type FreeeCallFailureKind =
  | 'expired_access_token'
  | 'invalid_grant'
  | 'user_do_not_have_permission'
  | 'throttled'
  | 'maintenance'
  | 'validation'
  | 'network'
  | 'server'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unauthorized'
  | 'connection_unusable'
  | 'unexpected';

/** freee's answer as a named result (same shape as the freee adapter's FreeeFailure). */
export interface FreeeCallFailure {
  kind: FreeeCallFailureKind;
  status: number | null;
  code: string | null;
  messages: string[];
  requestId: string | null;
  retryAfterMs: number | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: FreeeCallFailure };

export interface NamedMaster {
  id: number;
  name: string;
  available?: boolean;
}

/** GET companies/{id} (fiscal years and masters) + GET taxes/companies/{id}. */
export interface FreeeCompanyInfo {
  fiscalYears: FiscalYearFacts[];
  accountItems: NamedMaster[];
  items: NamedMaster[];
  partners: NamedMaster[];
  sections: NamedMaster[];
  walletables: (NamedMaster & { type: string })[];
  taxes: { code: number; name: string; name_ja: string; available: boolean }[];
}

/** freee for one store's 事業所. Writes are sent once (never repeated by the adapter). */
export interface PostingGateway {
  readonly provider: 'freee' | 'sandbox';
  readonly freeeCompanyId: number;
  companyInfo(): Promise<Outcome<FreeeCompanyInfo>>;
  /** Every deal freee holds with this 発生日 (page walk, bounded). */
  listDeals(issueDate: string): Promise<Outcome<HeldDeal[]>>;
  createDeal(content: DealContent): Promise<Outcome<HeldDeal>>;
  updateDeal(dealId: number, content: DealContent): Promise<Outcome<HeldDeal>>;
  deleteDeal(dealId: number): Promise<Outcome<null>>;
  createItem(name: string): Promise<Outcome<NamedMaster>>;
  createPartner(name: string): Promise<Outcome<NamedMaster>>;
  /** Calls made through this gateway so far. */
  counts(): { calls: number; writes: number };
}

export type StoreFreee =
  | { kind: 'connected'; gateway: PostingGateway }
  | { kind: 'unconnected' }
  | { kind: 'unusable'; status: 'expired' | 'error'; message: string };

export interface PostingConnections {
  forStore(companyId: string, storeId: string): Promise<StoreFreee>;
}

export interface PostingStoreRef {
  id: string;
  code: string;
  name: string;
  /** The store's part of its freee ref_numbers (domain/posting/entry-keys.ts refScopeOf). */
  refScope: string;
}

export interface LatestClose {
  version: number;
  report: DailyReport;
}

/** What a run reads before it calls freee, in one round trip (post-day.ts). */
export interface DayInputs {
  /** The latest close of the store-day; null when never closed. */
  close: LatestClose | null;
  /** The company's payment methods, in their display order. */
  methods: PaymentMethod[];
  /** The company's store codes, in order (the settings' defaults fill one row per store). */
  storeCodes: string[];
  /** The company's posting settings as stored (parsed by settings.ts), null when none. */
  settings: unknown;
}

/** Reads of the ledger and tenancy posting needs. */
export interface PostingSources {
  dayInputs(companyId: string, storeId: string, businessDate: string): Promise<DayInputs>;
  findStore(companyId: string, storeCode: string): Promise<PostingStoreRef | null>;
  listStores(companyId: string): Promise<PostingStoreRef[]>;
  paymentMethods(companyId: string): Promise<PaymentMethod[]>;
  /** The report fixed by the latest close version of the store-day; null when never closed. */
  latestClose(storeId: string, businessDate: string): Promise<LatestClose | null>;
  /** Business dates with a close in [from, to], for 連携結果. */
  closedDates(
    companyId: string,
    storeId: string | null,
    from: string,
    to: string,
    rowsMax: number,
  ): Promise<{ storeId: string; businessDate: string; version: number }[]>;
}

export interface Lease {
  storeId: string;
  businessDate: string;
  leaseId: string;
}

export interface DayFinish {
  status: PostingStatus;
  reasonCode: string | null;
  message: string | null;
  freeeMessages: string[];
  closeVersion: number | null;
  /** Set when the books now hold this close version. */
  postedVersion: number | null;
  nextAttemptAt: Date | null;
  /** 'reset' after a success, 'increment' when an automatic retry is scheduled. */
  autoRetries: 'reset' | 'increment' | 'keep';
  calls: number;
  writes: number;
  /** Entry records still to write (the last deal's answer), with the finish under the lease. */
  entries: readonly RecordWrite[];
}

/** Entry records one `writeEntries` statement writes at most. */
export const entryWritesMax = 20;

export class EntryWritesLimitError extends Error {
  constructor(readonly count: number) {
    super(`${count} entry records in one statement, more than ${entryWritesMax}`);
    this.name = 'EntryWritesLimitError';
  }
}

export interface RecordWrite {
  key: string;
  freeeCompanyId: number;
  provider: 'freee' | 'sandbox';
  methodCode: string;
  itemName: string;
  refNumber: string;
  dealId: number | null;
  content: DealContent | null;
  hasPayments: boolean;
  intent: { op: IntentOp; content: DealContent | null } | null;
}

export interface DayListFilter {
  storeId: string | null;
  from: string;
  to: string;
  rowsMax: number;
}

export interface PostedDealView extends EntryRecord {
  storeId: string;
  businessDate: string;
  freeeCompanyId: number;
  provider: 'freee' | 'sandbox';
  amountYen: Yen | null;
  dealType: string | null;
}

export type DayClaim =
  { claimed: true; autoRetries: number } | { claimed: false; leaseUntil: Date };

export interface PostingStore {
  readSettings(companyId: string): Promise<unknown | null>;
  saveSettings(companyId: string, settings: unknown, updatedBy: string, now: Date): Promise<void>;

  /**
   * The store of `storeCode` and, when the company has it, its store-day taken (status sending)
   * unless another lease is live: the claim or the live lease's end. One statement; null when the
   * company has no such store (nothing written).
   */
  claimStoreDay(input: {
    companyId: string;
    storeCode: string;
    businessDate: string;
    leaseId: string;
    now: Date;
    until: Date;
  }): Promise<{ store: PostingStoreRef; claim: DayClaim } | null>;
  /** Extends the lease; false when it is no longer ours. */
  renewLease(lease: Lease, now: Date, until: Date): Promise<boolean>;
  /** Records how the run ended and releases the lease (only if still ours). */
  finishDay(lease: Lease, finish: DayFinish, now: Date): Promise<void>;
  /** A request (close, re-run): status queued unless a run holds the day; retries counter reset when `manual`. */
  markRequested(input: {
    companyId: string;
    storeId: string;
    businessDate: string;
    manual: boolean;
    now: Date;
  }): Promise<void>;
  getDay(
    companyId: string,
    storeId: string,
    businessDate: string,
  ): Promise<PostingDayRecord | null>;
  listDays(companyId: string, filter: DayListFilter): Promise<PostingDayRecord[]>;

  /** Our record of the store-day in that 事業所. */
  listEntries(
    storeId: string,
    businessDate: string,
    freeeCompanyId: number,
  ): Promise<EntryRecord[]>;
  /**
   * Upserts the entries' records (1 to `entryWritesMax`, distinct keys) if the lease is still ours
   * (false otherwise, nothing written). One statement: a run records the answer of one deal and the
   * intent of the next together.
   */
  writeEntries(
    lease: Lease,
    writes: readonly RecordWrite[],
    now: Date,
    leaseUntil: Date,
  ): Promise<boolean>;
  /** Removes one entry's record if the lease is still ours. */
  removeEntry(
    lease: Lease,
    freeeCompanyId: number,
    key: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<boolean>;
  /** The deals of store-days for 連携結果. */
  listPostedDeals(companyId: string, filter: DayListFilter): Promise<PostedDealView[]>;
}
