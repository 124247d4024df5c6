// What 消込 needs from storage: imported statement lines (each once), claims on receivables (one
// application per deal), and the intent of each freee write recorded before the call.
import type { ApplyPlan } from '../../domain/reconcile/apply-plan.js';
import type { StatementLine } from '../../domain/reconcile/statement.js';

export interface ImportResult {
  added: number;
  alreadyKnown: number;
}

export type ClaimResult =
  | { ok: true; applicationId: string }
  /** Another application holds these deals: nothing was written. */
  | { ok: false; takenDealIds: string[] };

export interface PlannedApplication {
  applicationId: string;
  companyId: string;
  lineKey: string;
  walletable: { type: 'bank_account' | 'wallet' | 'credit_card'; id: number };
  plan: ApplyPlan;
  createdBy: string;
}

export interface StoredWrite {
  seq: number;
  kind: 'payment' | 'difference_deal';
  dealId: string | null;
  amountYen: number;
  freeeId: number | null;
}

export interface StoredApplication {
  companyId: string;
  state: 'applying' | 'applied' | 'undoing' | 'undone';
  walletable: PlannedApplication['walletable'];
  plan: ApplyPlan;
  writes: StoredWrite[];
}

/** An application as the 消込 screen lists it. */
export interface ApplicationRow {
  applicationId: string;
  lineKey: string;
  state: StoredApplication['state'];
  dealIds: string[];
  createdBy: string;
  createdAt: Date;
}

export interface ReconcileSettings {
  autoApplyExact: boolean;
  /** The bank account's 明細 are synced in freee (seed 000 §5-1): suggestions only, no writes. */
  bankSynced: boolean;
}

export interface ReconcileStore {
  /** Imported deposits no application holds (applying or applied), oldest first, at most `limit`. */
  openDeposits(companyId: string, limit: number): Promise<StatementLine[]>;
  /** One imported line of the company (null when unknown). */
  line(companyId: string, key: string): Promise<StatementLine | null>;
  /** The company's applications not undone, newest first. */
  applications(companyId: string, limit: number): Promise<ApplicationRow[]>;
  settings(companyId: string): Promise<ReconcileSettings>;
  saveSettings(companyId: string, settings: ReconcileSettings, now: Date): Promise<void>;
  /** The application, its plan and its writes (null when unknown). */
  application(applicationId: string): Promise<StoredApplication | null>;
  setState(applicationId: string, state: StoredApplication['state']): Promise<void>;
  /** Stores the lines not yet known (by key), in one transaction: all or none. */
  importLines(companyId: string, lines: readonly StatementLine[], now: Date): Promise<ImportResult>;
  /** Records the application, its claims and the intent of every write, in one transaction. */
  claim(application: PlannedApplication, now: Date): Promise<ClaimResult>;
  /** freee answered write `seq` with this id. */
  recordDone(applicationId: string, seq: number, freeeId: number, now: Date): Promise<void>;
  /** A user confirmed that this payer name is this partner. */
  learnAlias(companyId: string, partnerId: string, payerName: string, now: Date): Promise<void>;
  /** Learned payer names per partner id. */
  aliases(companyId: string): Promise<Map<string, string[]>>;
  /** Undo finished: the claims are released so the deals may be settled again. */
  release(applicationId: string, now: Date): Promise<void>;
}

export interface FreeePaymentSeen {
  id: number;
  date: string;
  amountYen: number;
  walletableId: number;
}

/** The freee calls 消込 makes (POST/DELETE /deals/{id}/payments, the difference deal). */
export interface ReconcileFreee {
  paymentsOf(companyId: string, dealId: string): Promise<FreeePaymentSeen[]>;
  addPayment(
    companyId: string,
    dealId: string,
    payment: { date: string; amountYen: number; walletable: PlannedApplication['walletable'] },
  ): Promise<number>;
  deletePayment(companyId: string, dealId: string, paymentId: number): Promise<void>;
  /** The deal with this ref_number issued on this date, if freee has it. */
  findDealByRef(companyId: string, refNumber: string, date: string): Promise<number | null>;
  createDifferenceDeal(
    companyId: string,
    difference: NonNullable<ApplyPlan['difference']>,
    walletable: PlannedApplication['walletable'],
    refNumber: string,
  ): Promise<number>;
  /** Deletes the deal; a deal already gone is not an error. */
  deleteDeal(companyId: string, dealId: number): Promise<void>;
}
