// Goal: a 日報 print goes through the job queue to the store's printer and is never lost:
// printed bytes are exactly the rendered report; a switched-off printer fails the job, which is
// retried with back-off and ends `failed` with a Japanese reason; 再印刷 after the printer is back
// prints it; the close's `day.closed` event prints that version once, however often it is delivered;
// a replayed Idempotency-Key makes no second job; a queue that refuses leaves a failed row, not nothing.
// Method: real HTTP and database; a TCP listener on 127.0.0.1 records the bytes; an in-memory queue
// (same port as pg-boss) runs the registered 'print-report' handler with its retry limit.
import { allowLoopbackPrinters, printedSettingsOf } from './support.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// First: the HTTP app extends zod with .openapi() before the ledger's contract schemas are built.
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { closeDay } from '../../../src/app/ledger/close-day.js';
import {
  handleDayClosedForPrinting,
  printReportJobName,
  printRetryLimit,
  requestPrint,
} from '../../../src/app/report/print-jobs.js';
import { printDepsOf, printWorkerDepsOf } from '../../support/deps.js';
import { reportJobModule } from '../../../src/app/report/jobs.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import { tcpReportPrinter } from '../../../src/adapters/print/report-printer.js';
import { renderReport } from '../../../src/adapters/print/render.js';
import type { DailyReport } from '../../../src/domain/report/types.js';
import { readJson } from '../../support/json.js';
import {
  expectedHandWorkedReport,
  fakePrinter,
  importHandWorkedDay,
  knownDate,
  memoryQueue,
  offPrinterPort,
  type FakePrinter,
  type MemoryQueue,
} from './support.js';

const now = '2025-01-11T02:00:00+09:00';
let app: TestApp;
let alpha: TestCompany;
let session: ApiSession;
let printer: FakePrinter;
let queue: MemoryQueue;

/** One quick attempt per job run: the queue's retries are what is tested. */
const quickPrinter = tcpReportPrinter({ attemptsMax: 1, backoffMs: 0, timeoutMs: 2_000 });

before(async () => {
  app = await startTestApp({ now });
  alpha = await createTestCompany(app, 'alpha', ['0001', '0002']);
  await allowLoopbackPrinters(app, alpha);
  await importHandWorkedDay(app, 'alpha');
  session = await apiSession(app, alpha);
  printer = await fakePrinter();
  queue = memoryQueue();
  app.services.jobs = queue;
  await reportJobModule(printWorkerDepsOf(app.services, quickPrinter)).registerWorkers(queue);
});
after(async () => {
  await printer?.close();
  await app?.close();
});

const dayPath = `/api/v1/stores/0001/days/${knownDate}`;

async function setPrinter(storeCode: string, port: number | null): Promise<void> {
  const body = {
    name: `店舗${storeCode}`,
    timeZone: 'Asia/Tokyo',
    printer: port === null ? null : { kind: 'escpos', host: '127.0.0.1', port },
  };
  const response = await session.request('PUT', `/api/v1/stores/${storeCode}`, body);
  assert.equal(response.status, 200, await response.clone().text());
}

async function printJobs(): Promise<
  { status: string; attempts: number; reason: string | null; version: number | null }[]
> {
  return (await readJson(await session.request('GET', `${dayPath}/print-jobs`))).items;
}

const escposOf = (report: DailyReport) =>
  renderReport(report, printedSettingsOf(report), 'escpos').bytes;

describe('printing on demand', () => {
  it('queues a job, and the worker sends exactly the rendered report to the printer', async () => {
    await setPrinter('0001', printer.port);
    const response = await session.request('POST', `${dayPath}/print`, {});
    assert.equal(response.status, 202);
    const { printJob } = await readJson(response);
    assert.equal(printJob.status, 'queued');
    assert.equal(printJob.attemptsMax, printRetryLimit + 1);
    const queued = queue.jobs.at(-1);
    assert.equal(queued?.name, printReportJobName);
    assert.equal(queued?.options.retryLimit, printRetryLimit);
    assert.deepEqual(queued?.data, {
      printJobId: printJob.id,
      companyId: alpha.companyId,
      storeId: (queued?.data as { storeId: string }).storeId,
      businessDate: knownDate,
    });

    assert.equal(await queue.drain(), 1);
    assert.equal(printer.received.length, 1);
    assert.deepEqual(printer.received[0], escposOf(expectedHandWorkedReport(now)));
    const [job] = await printJobs();
    assert.equal(job?.status, 'printed');
    assert.equal(job?.attempts, 1);
  });

  it('a replayed Idempotency-Key returns the first answer and queues nothing more', async () => {
    const before = queue.jobs.length;
    const first = await session.request(
      'POST',
      `${dayPath}/print`,
      {},
      { 'idempotency-key': 'print-once-1' },
    );
    const again = await session.request(
      'POST',
      `${dayPath}/print`,
      {},
      { 'idempotency-key': 'print-once-1' },
    );
    assert.equal(again.headers.get('idempotency-hit'), 'true');
    assert.deepEqual(await readJson(again), await readJson(first));
    assert.equal(queue.jobs.length, before + 1);
    const pending = await session.request('POST', `${dayPath}/print`, {});
    assert.equal(
      pending.status,
      200,
      'a second click while the first job is pending returns that job',
    );
    assert.equal((await readJson(pending)).created, false);
    assert.equal(queue.jobs.length, before + 1);
    await queue.drain();
  });

  it('printer off: retried with back-off, then failed with a Japanese reason; 再印刷 prints once it is back', async () => {
    const port = await offPrinterPort();
    await setPrinter('0001', port);
    const received = printer.received.length;
    assert.equal((await session.request('POST', `${dayPath}/print`, {})).status, 202);
    assert.ok(await queue.runNext());
    const [retrying] = await printJobs();
    assert.equal(retrying?.status, 'retrying');
    assert.match(
      retrying?.reason ?? '',
      new RegExp(`プリンター\\(127\\.0\\.0\\.1:${port}\\)に接続できません`),
    );
    assert.equal(await queue.drain(), printRetryLimit);
    const [failed] = await printJobs();
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.attempts, printRetryLimit + 1);
    const queued = queue.jobs.at(-1);
    assert.equal(queued?.state, 'failed');
    assert.deepEqual(queued?.errors, Array(printRetryLimit + 1).fill('PrinterUnreachableError'));

    const revived = await fakePrinter(port);
    try {
      assert.equal((await session.request('POST', `${dayPath}/print`, {})).status, 202);
      await queue.drain();
      assert.equal(revived.received.length, 1);
      assert.deepEqual(revived.received[0], escposOf(expectedHandWorkedReport(now)));
      assert.equal((await printJobs())[0]?.status, 'printed');
    } finally {
      await revived.close();
    }
    assert.equal(printer.received.length, received);
  });

  it('no printer configured: refused with the field named, nothing recorded', async () => {
    const response = await session.request('POST', '/api/v1/stores/0002/days/2025-01-10/print', {});
    assert.equal(response.status, 409);
    const error = (await readJson(response)).error;
    assert.equal(error.code, 'printer_not_configured');
    assert.equal(error.fields[0].path, 'printer');
    assert.deepEqual(
      (
        await readJson(
          await session.request('GET', '/api/v1/stores/0002/days/2025-01-10/print-jobs'),
        )
      ).items,
      [],
    );
  });

  it('a queue that refuses: 503, and the row stays as failed with a reason (not lost)', async () => {
    await setPrinter('0001', printer.port);
    const deps = { ...printDepsOf(app.services), queue: memoryQueue({ failEnqueue: true }) };
    await assert.rejects(
      requestPrint(
        deps,
        { companyId: alpha.companyId, label: 'staff:admin' },
        { storeCode: '0001', businessDate: '2025-01-09', source: 'console' },
      ),
      { code: 'print_queue_unavailable' },
    );
    const jobs = (
      await readJson(await session.request('GET', '/api/v1/stores/0001/days/2025-01-09/print-jobs'))
    ).items;
    assert.equal(jobs[0].status, 'failed');
    assert.match(jobs[0].reason, /再印刷/);
    const noQueue = { ...printDepsOf(app.services), queue: null };
    await assert.rejects(
      requestPrint(
        noQueue,
        { companyId: alpha.companyId, label: 'staff:admin' },
        { storeCode: '0001', businessDate: '2025-01-08', source: 'console' },
      ),
      { code: 'print_queue_unavailable' },
    );
    assert.deepEqual(
      (
        await readJson(
          await session.request('GET', '/api/v1/stores/0001/days/2025-01-08/print-jobs'),
        )
      ).items,
      [],
    );
  });
});

describe('printing at the close (day.closed)', () => {
  it('prints the version the close fixed, once per event however often it is delivered', async () => {
    await setPrinter('0001', printer.port);
    const ledger = ledgerDepsOver(app.services.pool, app.services.clock);
    const { close } = await closeDay(
      ledger,
      { companyId: alpha.companyId, label: 'staff:admin' },
      { storeCode: '0001', businessDate: knownDate, float: 30000, countedCash: 37705 },
    );
    const { rows } = await app.services.pool.query<{
      id: string;
      payload: { companyId: string; storeCode: string; businessDate: string; version: number };
    }>(
      `select id, payload from domain_events where type = 'day.closed' and company_id = $1 and payload->>'closeId' = $2`,
      [alpha.companyId, close.id],
    );
    const event = rows[0];
    assert.ok(event);
    assert.equal(event.payload.version, close.version);
    const deps = printDepsOf(app.services);
    const first = await handleDayClosedForPrinting(deps, event);
    const second = await handleDayClosedForPrinting(deps, event);
    assert.equal(first.printed, 'queued');
    assert.equal(second.printed, 'already-queued');
    assert.equal(second.job?.id, first.job?.id);
    const received = printer.received.length;
    await queue.drain();
    assert.equal(printer.received.length, received + 1);
    const fixed = { ...(close.report as DailyReport), printedAt: now };
    assert.deepEqual(printer.received.at(-1), escposOf(fixed));
    assert.equal(fixed.cash?.difference, 0);
    const jobs = await printJobs();
    assert.equal(jobs.filter((j) => j.version === close.version).length, 1);
    assert.equal(jobs[0]?.status, 'printed');
  });

  it('a store without a printer is skipped', async () => {
    const deps = printDepsOf(app.services);
    const result = await handleDayClosedForPrinting(deps, {
      id: '00000000-0000-4000-8000-000000000001',
      payload: {
        companyId: alpha.companyId,
        storeCode: '0002',
        businessDate: knownDate,
        version: 1,
      },
    });
    assert.equal(result.printed, 'no-printer');
  });
});
