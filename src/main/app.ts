// Ports → App: the stores over one database pool, the outside clients the process built, and each
// feature's use cases bound once. The result is frozen: nothing is set on it afterwards.
import { accountsStoreOver } from '../adapters/db/accounts-store.js';
import type { AccountsStore } from '../app/accounts/ports.js';
import { bindAccounts } from '../app/accounts/use-cases.js';
import type { App } from '../app/app.js';
import type { AccessStore } from '../app/auth/ports.js';
import { bindAuth } from '../app/auth/use-cases.js';
import type { Clock } from '../app/clock.js';
import type { ConnectDeps } from '../app/freee/connect.js';
import { bindFreee, type SandboxConnector } from '../app/freee/use-cases.js';
import type { IdempotencyStore } from '../app/idempotency.js';
import type { JobQueue } from '../app/jobs/ports.js';
import type { LedgerDeps } from '../app/ledger/deps.js';
import type { LedgerUnitOfWork } from '../app/ledger/ports.js';
import { bindLedger } from '../app/ledger/use-cases.js';
import type { AppLog } from '../app/log.js';
import type { Mailer } from '../app/mail/ports.js';
import { syncedNamesOf } from '../app/masters/synced-names.js';
import { postingNeedsOver } from '../app/masters/push.js';
import { bindMasters, type MastersPorts } from '../app/masters/use-cases.js';
import type { PostingDeps } from '../app/posting/post-day.js';
import {
  createCompanyInfoCache,
  type CompanyInfoCache,
} from '../app/posting/company-info-cache.js';
import type { PostingConnections, PostingSources, PostingStore } from '../app/posting/ports.js';
import type { ResultsDeps } from '../app/posting/results.js';
import { postingTimings, type PostingTimings } from '../app/posting/timings.js';
import { bindPosting } from '../app/posting/use-cases.js';
import { AppError } from '../app/errors.js';
import type { PairingStore, ReceiptIssueStore, RegisterStore } from '../app/register/ports.js';
import type { ReceiptPrinter } from '../app/register/receipts.js';
import { bindRegister } from '../app/register/use-cases.js';
import { bindReconcile, type ReconcileDeps } from '../app/reconcile/use-cases.js';
import { reconcileStoreOver } from '../adapters/db/reconcile-store.js';
import { reconcileConnectionsOver } from '../adapters/freee/reconcile-gateway.js';
import { statementReading } from './statement-reading.js';
import type { PrintJobStore, ReportSource } from '../app/report/ports.js';
import { bindReport } from '../app/report/use-cases.js';
import type { ReportRendering } from '../app/report/rendering.js';
import type { PasswordHasher, TenancyUnitOfWork } from '../app/tenancy/ports.js';
import type { HostResolver, NetworkSettingsStore } from '../app/network/printer-network.js';
import { bindNetwork } from '../app/network/use-cases.js';
import { networkSettingsStoreOver } from '../adapters/db/network-settings-store.js';
import { dnsHostResolver } from '../adapters/print/host-resolver.js';
import { bindTenancy } from '../app/tenancy/use-cases.js';
import { argon2Hasher } from '../adapters/crypto/argon2-hasher.js';
import { accessStoreOver } from '../adapters/db/access-store.js';
import { idempotencyStoreOver } from '../adapters/db/idempotency-store.js';
import { ledgerUnitOfWork } from '../adapters/db/ledger-store.js';
import type { Pool } from '../adapters/db/pool.js';
import { postingSourcesOver, postingStoreOver } from '../adapters/db/posting-store.js';
import { printJobStoreOver } from '../adapters/db/print-job-store.js';
import { pairingStoreOver } from '../adapters/db/register-pairing-store.js';
import { registerStoreOver } from '../adapters/db/register-store.js';
import { receiptIssueStoreOver } from '../adapters/db/register-receipt-store.js';
import { tcpReceiptPrinter } from '../adapters/print/receipt-printer.js';
import { reportSourceOver } from '../adapters/db/report-source.js';
import { tenancyUnitOfWork } from '../adapters/db/tenancy-store.js';
import { dealUrlFor, postingConnectionsOver } from '../adapters/freee/posting-gateway.js';
import type { FreeeRuntime } from '../adapters/freee/runtime.js';
import type { Logger } from '../adapters/log/logger.js';
import { outboxMailer } from '../adapters/mail/outbox-mailer.js';
import { companyNameOver, mastersStoreOver } from '../adapters/db/masters-store.js';
import { mastersConnectionsOver } from '../adapters/freee/masters-gateway.js';
import { mastersWriterFor } from '../adapters/freee/masters-writer.js';
import { reportRendering } from './report-rendering.js';

/** Every port the App binds its use cases to. */
export interface AppPorts {
  clock: Clock;
  log: AppLog;
  secureCookies: boolean;
  hasher: PasswordHasher;
  tenancy: TenancyUnitOfWork;
  access: AccessStore;
  ledger: LedgerUnitOfWork;
  reportSource: ReportSource;
  printJobs: PrintJobStore;
  rendering: ReportRendering;
  jobs: JobQueue | null;
  postingStore: PostingStore;
  postingSources: PostingSources;
  postingConnections: PostingConnections | null;
  /** The job's runs reuse a 事業所's masters a short while (one per process). */
  postingCompanyInfo: CompanyInfoCache;
  dealUrl: ResultsDeps['dealUrl'];
  timings: PostingTimings;
  freee: ConnectDeps | null;
  sandboxConnector: SandboxConnector | null;
  idempotency: IdempotencyStore;
  mailer: Mailer;
  accounts: AccountsStore;
  /** The console's public base URL (links in mails). */
  publicUrl: string;
  masters: MastersPorts;
  register: RegisterStore;
  pairing: PairingStore;
  receiptIssues: ReceiptIssueStore;
  receiptPrinter: ReceiptPrinter;
  reconcile: ReconcileDeps;
  networkSettings: NetworkSettingsStore;
  resolveHost: HostResolver;
}

export function buildApp(ports: AppPorts): App {
  const { clock, log } = ports;
  const printerNetwork = printerNetworkOf(ports);
  const tenancyDeps = { uow: ports.tenancy, clock, hasher: ports.hasher, printerNetwork };
  const source = ports.reportSource;
  return Object.freeze({
    clock,
    log,
    secureCookies: ports.secureCookies,
    tenancy: bindTenancy(tenancyDeps),
    network: bindNetwork(printerNetwork),
    auth: bindAuth({
      tenancy: ports.tenancy.read,
      access: ports.access,
      hasher: ports.hasher,
      clock,
    }),
    ledger: bindLedger({ uow: ports.ledger, clock }, tenancyDeps),
    report: bindReport({
      rendering: ports.rendering,
      report: { source, clock },
      print: { source, printJobs: ports.printJobs, queue: ports.jobs, clock },
      settings: { tenancy: ports.tenancy, clock },
    }),
    posting: bindPosting({
      store: ports.postingStore,
      sources: ports.postingSources,
      connections: ports.postingConnections,
      queue: ports.jobs,
      clock,
      timings: ports.timings,
      log,
      dealUrl: ports.dealUrl,
      syncedNames: (companyId) => syncedNamesOf(ports.masters.store, companyId),
    }),
    register: bindRegister({
      store: ports.register,
      pairing: ports.pairing,
      access: ports.access,
      issues: ports.receiptIssues,
      tenancyRead: ports.tenancy.read,
      receiptPrinter: ports.receiptPrinter,
      network: printerNetwork,
      clock,
    }),
    freee: ports.freee ? bindFreee(ports.freee, ports.sandboxConnector) : null,
    idempotency: ports.idempotency,
    masters: bindMasters(ports.masters),
    accounts: bindAccounts({
      uow: ports.tenancy,
      accounts: ports.accounts,
      hasher: ports.hasher,
      clock,
      mailer: ports.mailer,
      publicUrl: ports.publicUrl,
    }),
    reconcile: bindReconcile(ports.reconcile),
  });
}

/** The printer network check's ports (issue #10 item 12): the setting and the resolver. */
export function printerNetworkOf(ports: AppPorts) {
  return { store: ports.networkSettings, resolve: ports.resolveHost, clock: ports.clock };
}

/** What a process has built before its App: the database pool and the outside clients. */
export interface ProcessParts {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  jobs?: JobQueue | null;
  freee?: FreeeRuntime | null;
  sandboxConnector?: SandboxConnector | null;
  postingTimings?: PostingTimings;
  secureCookies?: boolean;
  hasher?: PasswordHasher;
  /** SMTP (SMTP_URL) or, by default, the console outbox. */
  mailer?: Mailer;
  /** The console's public base URL (URIAGE_PUBLIC_URL), for links in mails. */
  publicUrl?: string;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function mastersPortsOver(parts: ProcessParts, mailer: Mailer): MastersPorts {
  return {
    store: mastersStoreOver(parts.pool),
    connections: parts.freee ? mastersConnectionsOver(parts.freee) : null,
    clock: parts.clock,
    sleep: parts.sleep ?? realSleep,
    mailer,
    log: parts.logger,
    companyName: companyNameOver(parts.pool),
    push: parts.freee
      ? {
          writerFor: mastersWriterFor(parts.freee),
          wanted: postingNeedsOver(postingStoreOver(parts.pool), postingSourcesOver(parts.pool)),
        }
      : null,
  };
}

export function appPortsOver(parts: ProcessParts): AppPorts {
  const { pool, clock, logger } = parts;
  const freee = parts.freee ?? null;
  const mailer = parts.mailer ?? outboxMailer(pool, clock);
  return {
    clock,
    log: logger,
    secureCookies: parts.secureCookies ?? false,
    hasher: parts.hasher ?? argon2Hasher,
    tenancy: tenancyUnitOfWork(pool),
    access: accessStoreOver(pool),
    ledger: ledgerUnitOfWork(pool),
    reportSource: reportSourceOver(pool),
    printJobs: printJobStoreOver(pool),
    rendering: reportRendering,
    jobs: parts.jobs ?? null,
    postingStore: postingStoreOver(pool),
    postingSources: postingSourcesOver(pool),
    postingConnections: freee ? postingConnectionsOver(freee) : null,
    postingCompanyInfo: createCompanyInfoCache(),
    dealUrl: dealUrlFor(freee ?? undefined),
    timings: parts.postingTimings ?? postingTimings(),
    freee: freee ? freee.connectDeps : null,
    sandboxConnector: parts.sandboxConnector ?? null,
    idempotency: idempotencyStoreOver(pool),
    mailer,
    accounts: accountsStoreOver(pool),
    publicUrl: parts.publicUrl ?? 'http://localhost:3000',
    masters: mastersPortsOver(parts, mailer),
    register: registerStoreOver(pool),
    pairing: pairingStoreOver(pool),
    receiptIssues: receiptIssueStoreOver(pool),
    receiptPrinter: tcpReceiptPrinter(),
    reconcile: {
      store: reconcileStoreOver(pool),
      connections: freee ? reconcileConnectionsOver(freee) : null,
      reading: statementReading,
      clock,
    },
    networkSettings: networkSettingsStoreOver(pool),
    resolveHost: dnsHostResolver(),
  };
}

export function appOver(parts: ProcessParts): App {
  return buildApp(appPortsOver(parts));
}

/** Posting's ports for its job handler; refused (the job fails and retries) without freee here. */
export function postingDepsOver(ports: AppPorts): PostingDeps {
  if (!ports.postingConnections)
    throw new AppError(
      'unavailable',
      'freee_unavailable_here',
      'このプロセスではfreee連携が設定されていません。',
    );
  return {
    store: ports.postingStore,
    sources: ports.postingSources,
    connections: ports.postingConnections,
    clock: ports.clock,
    timings: ports.timings,
    log: ports.log,
    companyInfo: ports.postingCompanyInfo,
  };
}

/** The ledger's ports over a pool (the demo seeding, tests and benches). */
export function ledgerDepsOver(pool: Pool, clock: Clock): LedgerDeps {
  return { uow: ledgerUnitOfWork(pool), clock };
}
