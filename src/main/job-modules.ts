// Every feature's background work (see src/app/jobs/module.ts), the one list. Started by
// `uriage serve` and `uriage worker`.
import type { JobModule } from '../app/jobs/module.js';
import { mastersJobModule } from '../app/masters/jobs.js';
import { mastersDepsOf } from '../app/masters/use-cases.js';
import type { CompanyAdmission } from '../app/posting/company-gate.js';
import { postingJobModule } from '../app/posting/jobs.js';
import { postingTimings, type PostingTimings } from '../app/posting/timings.js';
import { reportJobModule } from '../app/report/jobs.js';
import type { ReportPrinter } from '../app/report/ports.js';
import { tcpReportPrinter } from '../adapters/print/report-printer.js';
import { postingDepsOver, printerNetworkOf, type AppPorts } from './app.js';
import type { Config } from './config.js';

/** Posting's waits for this configuration (URIAGE_POSTING_TIME_SCALE, URIAGE_FREEE_TIMEOUT_MS). */
export function postingTimingsOf(
  config: Pick<Config, 'postingTimeScale' | 'freeeRequestTimeoutMs'>,
): PostingTimings {
  return postingTimings({
    scale: config.postingTimeScale,
    requestTimeoutMs: config.freeeRequestTimeoutMs,
  });
}

export function jobModulesFor(
  ports: AppPorts,
  options: {
    postingConcurrency?: number;
    postingCompanyConcurrency?: number;
    /** The bound across processes (PostgreSQL server). */
    postingShared?: CompanyAdmission;
    printer?: ReportPrinter;
  } = {},
): JobModule[] {
  return [
    reportJobModule({
      source: ports.reportSource,
      printJobs: ports.printJobs,
      printer: options.printer ?? tcpReportPrinter(),
      network: printerNetworkOf(ports),
      clock: ports.clock,
      logger: ports.log,
    }),
    postingJobModule(() => postingDepsOver(ports), ports.timings, {
      ...(options.postingConcurrency ? { perProcess: options.postingConcurrency } : {}),
      ...(options.postingCompanyConcurrency
        ? { perCompany: options.postingCompanyConcurrency }
        : {}),
      ...(options.postingShared ? { shared: options.postingShared } : {}),
    }),
    mastersJobModule(() => mastersDepsOf(ports.masters)),
  ];
}
