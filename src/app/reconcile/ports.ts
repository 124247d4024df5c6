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

export interface ReconcileStore {
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
