// The ledger's records as use cases see them.
import type { PaymentMethodIndex } from '../../domain/ledger/payment-methods.js';
import type { CheckoutStatus, PaymentMethod } from '../../domain/ledger/types.js';
import type { RoundingMode } from '../../domain/money/rounding-mode.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';
import type { AppErrorKind, FieldError } from '../errors.js';
import type { Yen } from '../../domain/money/yen.js';
import type { StoredFigures } from '../../domain/report/day-sums.js';

/** Who writes: a staff session (any store of the company), a register token (its own store and
 *  register only), the CLI or an import. `label` is recorded as `closed_by`. */
export interface LedgerActor {
  companyId: string;
  register?: { storeCode: string; registerCode: string };
  label: string;
}

export interface LedgerStoreRef {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  reportSettings: ReportSettings | null;
  /** register code → register id */
  registers: ReadonlyMap<string, string>;
}

export interface CompanyLedgerContext {
  companyId: string;
  roundingMode: RoundingMode;
  /** In the company's configured order. */
  paymentMethods: readonly PaymentMethod[];
  methodIndex: PaymentMethodIndex;
  stores: ReadonlyMap<string, LedgerStoreRef>;
}

/** What a write of one checkout stores (the current row, or a superseded one in the history). */
export interface CheckoutWrite {
  checkoutId: string;
  revision: number;
  storeId: string;
  registerId: string;
  businessDate: string;
  status: CheckoutStatus;
  completedAt: string | null;
  totalYen: Yen;
  redoes: string | null;
  /** Canonical JSON text of the document. */
  documentJson: string;
  /** The same text as UTF-8, encoded once (hashed, then sent as is); absent: encoded when written. */
  documentUtf8?: Uint8Array;
  contentHash: string;
  /** The 日報 figures priced once at ingest, and the configuration key they were priced under. */
  figures?: { key: string; figures: StoredFigures } | null;
}

export interface CheckoutHead {
  checkoutId: string;
  revision: number;
  status: CheckoutStatus;
  contentHash: string;
  /** Where the checkout was rung up: a later revision must keep both (issue #10 §1). */
  storeId: string;
  registerId: string;
}

export interface StoredCheckout {
  checkoutId: string;
  revision: number;
  registerCode: string;
  businessDate: string;
  status: CheckoutStatus;
  completedAt: Date | null;
  totalYen: Yen;
  document: unknown;
  receivedAt: Date;
}

export interface DrawerEventWrite {
  eventId: string;
  storeId: string;
  registerId: string;
  businessDate: string;
  type: 'cashIn' | 'cashOut';
  at: string;
  amountYen: Yen;
  reason: string | null;
  documentJson: string;
  contentHash: string;
}

export interface DayCloseRecord {
  id: string;
  businessDate: string;
  version: number;
  floatYen: Yen;
  countedCashYen: Yen;
  expectedCashYen: Yen;
  differenceYen: Yen;
  report: DailyReport;
  reportHash: string;
  closedAt: Date;
  closedBy: string;
}

export interface ItemRejection {
  kind: AppErrorKind;
  code: string;
  message: string;
  fields: FieldError[];
}

export type ItemOutcome = 'accepted' | 'unchanged' | 'rejected';

/** The result of one item of a batch, in the batch's order. */
export interface ItemResult {
  index: number;
  id: string | null;
  revision: number | null;
  result: ItemOutcome;
  /** `unchanged`: `same` = this exact content is stored; `superseded` = a higher revision is. */
  reason?: 'same' | 'superseded';
  error?: ItemRejection;
}

export interface BatchReport {
  accepted: number;
  unchanged: number;
  rejected: number;
  results: ItemResult[];
}

export function batchReport(results: ItemResult[]): BatchReport {
  const count = (outcome: ItemOutcome) => results.filter((r) => r.result === outcome).length;
  return {
    accepted: count('accepted'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    results,
  };
}
