// Use-case ports built from a test's parts, for tests that call use cases and job handlers directly.
import type { PostingDeps } from '../../src/app/posting/post-day.js';
import type { RequestDeps } from '../../src/app/posting/requests.js';
import type { PostingSettingsDeps } from '../../src/app/posting/settings.js';
import type { PostingTimings } from '../../src/app/posting/timings.js';
import type { PrintDeps } from '../../src/app/report/print-jobs.js';
import type { ReportPrinter } from '../../src/app/report/ports.js';
import type { PrintWorkerDeps } from '../../src/app/report/print-worker.js';
import { tcpReportPrinter } from '../../src/adapters/print/report-printer.js';
import {
  appPortsOver,
  postingDepsOver,
  printerNetworkOf,
  type AppPorts,
} from '../../src/main/app.js';
import type { TestServices } from './app.js';

export function portsOf(services: TestServices, timings?: PostingTimings): AppPorts {
  const postingTimings = services.postingTimings ?? timings;
  return appPortsOver({
    pool: services.pool,
    clock: services.clock,
    logger: services.logger,
    hasher: services.hasher,
    jobs: services.jobs,
    freee: services.freee ?? null,
    ...(postingTimings ? { postingTimings } : {}),
  });
}

/** Posting's ports as the job handler gets them (the parts' timings win over `timings`). */
export function postingDepsOf(services: TestServices, timings?: PostingTimings): PostingDeps {
  return postingDepsOver(portsOf(services, timings));
}

export function postingSettingsDepsOf(services: TestServices): PostingSettingsDeps {
  const ports = portsOf(services);
  return { store: ports.postingStore, sources: ports.postingSources, clock: ports.clock };
}

export function printDepsOf(services: TestServices): PrintDeps {
  const ports = portsOf(services);
  return {
    source: ports.reportSource,
    printJobs: ports.printJobs,
    queue: ports.jobs,
    clock: ports.clock,
  };
}

export function printWorkerDepsOf(
  services: TestServices,
  printer: ReportPrinter = tcpReportPrinter(),
): PrintWorkerDeps {
  const ports = portsOf(services);
  return {
    source: ports.reportSource,
    printJobs: ports.printJobs,
    printer,
    network: printerNetworkOf(ports),
    clock: ports.clock,
    logger: services.logger,
  };
}

export function postingRequestDepsOf(services: TestServices): RequestDeps {
  const ports = portsOf(services);
  if (!ports.jobs) throw new Error('no job queue in this test');
  return {
    store: ports.postingStore,
    sources: ports.postingSources,
    queue: ports.jobs,
    clock: ports.clock,
    timings: ports.timings,
  };
}
