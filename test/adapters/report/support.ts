// Shared data of the 日報 adapter tests: the hand-worked day (test/domain/report/hand-worked-day.ts,
// every figure worked out by hand) as a day file, imported into a test company; a fake printer on
// 127.0.0.1 that records the bytes; an in-memory job queue with retries, standing in for the lead's
// pg-boss queue behind the same port (src/app/jobs/ports.ts).
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { importDayFile } from '../../../src/app/ledger/import-day-file.js';
import type { EnqueueOptions, JobHandler, JobQueue } from '../../../src/app/jobs/ports.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import { buildDailyReport } from '../../../src/domain/report/build-daily-report.js';
import {
  defaultReportSettings,
  type DailyReport,
  type ReportSettings,
} from '../../../src/domain/report/types.js';
import { businessDayHours } from '../../../src/domain/report/hourly.js';
import type { TestApp, TestCompany } from '../../support/app.js';
import { testPaymentMethods } from '../../support/domain/fixtures.js';
import {
  handWorkedCheckouts,
  handWorkedClose,
  handWorkedDrawer,
  handWorkedInput,
} from '../../support/domain/hand-worked-day.js';

export const knownDate = '2025-01-10';

/** The hand-worked day as a day file (spec §6) of company `code`. */
export function handWorkedDayFile(code: string): Record<string, unknown> {
  return {
    company: {
      code,
      name: `企業${code}`,
      roundingMode: 'floor',
      paymentMethods: testPaymentMethods,
      stores: [
        { code: '0001', name: '店舗0001', timeZone: 'Asia/Tokyo', registers: ['01'] },
        { code: '0002', name: '店舗0002', timeZone: 'Asia/Tokyo', registers: ['01'] },
      ],
    },
    // The ledger checks startedAt ≤ completedAt (c12 completes on the 9th); startedAt is no figure of the report.
    checkouts: structuredClone(handWorkedCheckouts).map((c) => ({
      ...c,
      startedAt: '2025-01-09T08:00:00+09:00',
    })),
    drawer: structuredClone(handWorkedDrawer),
    closes: [{ ...handWorkedClose }],
  };
}

export async function importHandWorkedDay(app: TestApp, code: string): Promise<void> {
  const services = app.services;
  await importDayFile(
    {
      tenancy: { uow: services.tenancy, clock: services.clock, hasher: services.hasher },
      ledger: ledgerDepsOver(services.pool, services.clock),
    },
    handWorkedDayFile(code),
  );
}

/** What the engine gives for the hand-worked day with the store's default settings (no unsent). */
export function expectedHandWorkedReport(printedAt: string): DailyReport {
  return buildDailyReport(
    handWorkedInput({ unsent: null, settings: defaultReportSettings, printedAt }),
  );
}

export interface FakePrinter {
  port: number;
  /** Bytes of each finished connection, in order. */
  received: Buffer[];
  close(): Promise<void>;
}

/** A printer on 127.0.0.1:0 that reads until the client closes, then closes too (like a TM on 9100). */
export async function fakePrinter(port = 0): Promise<FakePrinter> {
  const sockets = new Set<Socket>();
  const received: Buffer[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      received.push(Buffer.concat(chunks));
      socket.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return {
    port: address.port,
    received,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (a printer that is switched off): bound, then released. */
export async function offPrinterPort(): Promise<number> {
  const printer = await fakePrinter();
  await printer.close();
  return printer.port;
}

interface QueuedJob {
  id: string;
  name: string;
  data: object;
  options: EnqueueOptions;
  retryCount: number;
  state: 'created' | 'completed' | 'failed';
  errors: string[];
}

/** JobQueue in memory: `drain()` runs due jobs; a throwing handler is retried up to retryLimit. */
export interface MemoryQueue extends JobQueue {
  jobs: QueuedJob[];
  /** Runs the next job due; false when none is. */
  runNext(): Promise<boolean>;
  /** Runs jobs until none is left to run (bounded); returns how many handler calls it made. */
  drain(runsMax?: number): Promise<number>;
}

export function memoryQueue(options: { failEnqueue?: boolean } = {}): MemoryQueue {
  const handlers = new Map<string, JobHandler<object>>();
  const jobs: QueuedJob[] = [];
  let nextId = 1;
  return {
    jobs,
    enqueue: async (name, data, enqueueOptions = {}) => {
      if (options.failEnqueue) throw new Error('queue is down');
      const id = `job-${nextId++}`;
      jobs.push({
        id,
        name,
        data,
        options: enqueueOptions,
        retryCount: 0,
        state: 'created',
        errors: [],
      });
      return id;
    },
    work: async <T extends object>(name: string, handler: JobHandler<T>) => {
      handlers.set(name, handler as JobHandler<object>);
    },
    schedule: async () => {},
    stop: async () => undefined,
    runNext: async () => {
      const job = jobs.find((j) => j.state === 'created');
      if (!job) return false;
      const handler = handlers.get(job.name);
      assert.ok(handler, `no handler for ${job.name}`);
      try {
        await handler(job.data, { id: job.id, retryCount: job.retryCount });
        job.state = 'completed';
      } catch (error) {
        job.errors.push((error as Error).name);
        if (job.retryCount < (job.options.retryLimit ?? 0)) job.retryCount += 1;
        else job.state = 'failed';
      }
      return true;
    },
    drain: async function (this: MemoryQueue, runsMax = 100) {
      let runs = 0;
      while (await this.runNext()) {
        runs += 1;
        if (runs > runsMax) throw new Error(`more than ${runsMax} job runs`);
      }
      return runs;
    },
  };
}

/** The settings a store with default settings prints with: its whole business day (0 to the latest hour with a sale). */
export function printedSettingsOf(report: DailyReport): ReportSettings {
  return {
    ...defaultReportSettings,
    hourly: businessDayHours(defaultReportSettings.hourly, report.hourly),
  };
}

/**
 * The fake printer listens on loopback, which the network setting refuses by default (issue #10
 * item 12): the tests allow it explicitly through the company's setting, as an admin would.
 */
export async function allowLoopbackPrinters(app: TestApp, company: TestCompany): Promise<void> {
  await app.app().network.savePrinterNetworks(company.companyId, ['127.0.0.1/32']);
}
