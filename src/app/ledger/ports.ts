// What the ledger use cases need from storage. Implemented by src/adapters/db/ledger-store.ts.
// Every method of a transaction runs on that transaction's one connection.
import type { Checkout, DrawerEvent } from '../../domain/ledger/types.js';
import type { CheckoutStatus } from '../../domain/ledger/types.js';
import type {
  CheckoutHead,
  CheckoutWrite,
  CompanyLedgerContext,
  DayCloseRecord,
  DrawerEventWrite,
  StoredCheckout,
} from './model.js';
import type { Yen } from '../../domain/money/yen.js';

export interface DayCheckoutFilter {
  status?: CheckoutStatus | undefined;
  /** Keyset paging: checkout ids greater than this one. */
  afterId?: string | undefined;
  limit: number;
}

export interface NewDayClose {
  companyId: string;
  storeId: string;
  businessDate: string;
  version: number;
  floatYen: Yen;
  countedCashYen: Yen;
  expectedCashYen: Yen;
  differenceYen: Yen;
  report: unknown;
  reportHash: string;
  closedAt: Date;
  closedBy: string;
}

export interface LedgerReads {
  /** Rounding, payment methods and stores with registers; null when the company does not exist. */
  loadCompanyContext(companyId: string): Promise<Omit<CompanyLedgerContext, 'methodIndex'> | null>;
  listDayCheckouts(
    storeId: string,
    businessDate: string,
    filter: DayCheckoutFilter,
  ): Promise<StoredCheckout[]>;
  listCloses(storeId: string, businessDate: string): Promise<DayCloseRecord[]>;
  /** Current documents of a store-day, every status; throws past `countMax`. */
  dayCheckoutDocuments(
    storeId: string,
    businessDate: string,
    countMax: number,
  ): Promise<Checkout[]>;
  dayDrawerEvents(storeId: string, businessDate: string, countMax: number): Promise<DrawerEvent[]>;
  latestClose(storeId: string, businessDate: string): Promise<DayCloseRecord | null>;
}

export interface LedgerTransaction extends LedgerReads {
  /** Current heads of these ids, locked (FOR UPDATE, in id order) until the transaction ends. */
  lockCheckoutHeads(companyId: string, checkoutIds: readonly string[]): Promise<CheckoutHead[]>;
  /** Content hashes of superseded revisions kept in the history. */
  findRevisionHashes(
    companyId: string,
    keys: readonly { checkoutId: string; revision: number }[],
  ): Promise<{ checkoutId: string; revision: number; contentHash: string }[]>;
  /** Copies the current rows of these ids into the history before they are replaced. */
  archiveCurrentRevisions(
    companyId: string,
    checkoutIds: readonly string[],
    now: Date,
  ): Promise<void>;
  /** Revisions superseded inside one batch, never stored as current. */
  insertRevisionHistory(
    companyId: string,
    rows: readonly CheckoutWrite[],
    now: Date,
  ): Promise<void>;
  /** One multi-row insert; on a conflicting id nothing is written. Returns the ids inserted. */
  insertCheckouts(companyId: string, rows: readonly CheckoutWrite[], now: Date): Promise<string[]>;
  /** Replaces locked rows by higher revisions; returns how many rows changed. */
  replaceCheckouts(companyId: string, rows: readonly CheckoutWrite[], now: Date): Promise<number>;

  insertDrawerEvents(
    companyId: string,
    rows: readonly DrawerEventWrite[],
    now: Date,
  ): Promise<string[]>;
  findDrawerEventHashes(
    companyId: string,
    eventIds: readonly string[],
  ): Promise<Map<string, string>>;

  /** Serialises closes of one store-day until the transaction ends. */
  lockDay(storeId: string, businessDate: string): Promise<void>;
  insertClose(close: NewDayClose): Promise<DayCloseRecord>;
  insertDomainEvent(companyId: string, type: string, payload: unknown, now: Date): Promise<string>;
}

/** Thrown by a transaction that lost a race (deadlock, serialization failure): safe to retry. */
export class RetryableConflictError extends Error {
  constructor(cause: unknown) {
    super('transaction conflict, retry', { cause });
    this.name = 'RetryableConflictError';
  }
}

export interface LedgerUnitOfWork {
  read: LedgerReads;
  transaction<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T>;
}
