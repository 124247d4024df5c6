// 日報 use-case dependencies built from a process's services (API, console, CLI). Print requests go
// to services.jobs; where a process has no queue (null), they are refused with 503, nothing recorded.
// The workers are registered by the job module src/adapters/print/report-job-module.ts.
import type { Context } from 'hono';
import type { ReportActor, ReportDeps } from '../../../app/report/daily-report.js';
import type { PrintDeps } from '../../../app/report/print-jobs.js';
import type { ReportPrinter } from '../../../app/report/ports.js';
import type { PrintWorkerDeps } from '../../../app/report/print-worker.js';
import type { ReportSettingsDeps } from '../../../app/report/report-settings.js';
import { printJobStoreOver } from '../../db/print-job-store.js';
import { reportSourceOver } from '../../db/report-source.js';
import { tcpReportPrinter } from '../../print/report-printer.js';
import { requirePrincipal } from '../auth-middleware.js';
import type { AppEnv, Principal, Services } from '../context.js';

export function reportDepsOf(services: Services): ReportDeps {
  return { source: reportSourceOver(services.pool), clock: services.clock };
}

export function printDepsOf(services: Services): PrintDeps {
  return {
    source: reportSourceOver(services.pool),
    printJobs: printJobStoreOver(services.pool),
    queue: services.jobs,
    clock: services.clock,
  };
}

export function reportSettingsDepsOf(services: Services): ReportSettingsDeps {
  return { tenancy: services.tenancy, clock: services.clock };
}

export function printWorkerDepsOf(
  services: Services,
  printer: ReportPrinter = tcpReportPrinter(),
): PrintWorkerDeps {
  return {
    source: reportSourceOver(services.pool),
    printJobs: printJobStoreOver(services.pool),
    printer,
    clock: services.clock,
    logger: services.logger,
  };
}

export function reportActorOf(principal: Principal): ReportActor {
  if (principal.kind === 'register') {
    return {
      companyId: principal.companyId,
      register: { storeCode: principal.storeCode },
      label: `register:${principal.storeCode}/${principal.registerCode}`,
    };
  }
  return { companyId: principal.companyId, label: `staff:${principal.staff.code}` };
}

export function requireReportActor(c: Context<AppEnv>): ReportActor {
  return reportActorOf(requirePrincipal(c));
}
