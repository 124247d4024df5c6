// What driving adapters (HTTP API, console, CLI) reach: each feature's use cases and queries, bound
// once to their ports by src/main/app.ts. Built once per process and frozen.
import type { AccountsApp } from './accounts/use-cases.js';
import type { AuthApp } from './auth/use-cases.js';
import type { Clock } from './clock.js';
import type { FreeeApp } from './freee/use-cases.js';
import type { IdempotencyStore } from './idempotency.js';
import type { LedgerApp } from './ledger/use-cases.js';
import type { MastersApp } from './masters/use-cases.js';
import type { NetworkApp } from './network/use-cases.js';
import type { AppLog } from './log.js';
import type { PostingApp } from './posting/use-cases.js';
import type { RegisterApp } from './register/use-cases.js';
import type { ReconcileApp } from './reconcile/use-cases.js';
import type { ReportApp } from './report/use-cases.js';
import type { TenancyApp } from './tenancy/use-cases.js';

export interface App {
  readonly clock: Clock;
  readonly log: AppLog;
  /** Session cookies are Secure (served behind https). */
  readonly secureCookies: boolean;
  readonly tenancy: TenancyApp;
  /** Company network settings: where printers may be (issue #10 item 12). */
  readonly network: NetworkApp;
  readonly auth: AuthApp;
  readonly ledger: LedgerApp;
  readonly report: ReportApp;
  readonly posting: PostingApp;
  /** マスター同期 (sync needs freee; records, runs and the outbox are always readable). */
  readonly masters: MastersApp;
  /** The register (レジ): 商品マスター, 登録番号. */
  readonly register: RegisterApp;
  /** null: freee連携 is not available in this process. */
  readonly freee: FreeeApp | null;
  /** 消込: statements, suggestions against freee's open receivables, apply and undo. */
  readonly reconcile: ReconcileApp;
  readonly idempotency: IdempotencyStore;
  /** Password change and reset (by the user, by an admin, by mail). */
  readonly accounts: AccountsApp;
}
