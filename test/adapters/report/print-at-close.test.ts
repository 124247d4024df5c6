// Goal: end to end through the real job runtime (pg-boss + outbox dispatcher): a close (閉局) prints
// the report it fixed on the store's printer, once, and the print job ends `printed`.
// Method: real database and pg-boss; the ledger's closeDay writes `day.closed`; dispatchNow hands it
// to the report module's consumer; a TCP listener on 127.0.0.1 records the bytes.
import { allowLoopbackPrinters, printedSettingsOf } from './support.js';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { closeDay } from '../../../src/app/ledger/close-day.js';
import { startJobRuntime, type JobRuntime } from '../../../src/main/job-runtime.js';
import { ledgerDepsOver } from '../../../src/main/app.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { reportJobModule } from '../../../src/app/report/jobs.js';
import { printWorkerDepsOf } from '../../support/deps.js';
import { tcpReportPrinter } from '../../../src/adapters/print/report-printer.js';
import { renderReport } from '../../../src/adapters/print/render.js';
import type { DailyReport } from '../../../src/domain/report/types.js';
import { fakePrinter, importHandWorkedDay, knownDate, type FakePrinter } from './support.js';
import { waitFor } from '../../support/wait.js';

const now = '2025-01-11T02:00:00+09:00';
let app: TestApp;
let alpha: TestCompany;
let printer: FakePrinter;
let runtime: JobRuntime;

before(async () => {
  app = await startTestApp({ now });
  alpha = await createTestCompany(app, 'alpha', ['0001']);
  await allowLoopbackPrinters(app, alpha);
  printer = await fakePrinter();
  const session = await apiSession(app, alpha);
  const put = await session.request('PUT', '/api/v1/stores/0001', {
    name: '店舗0001',
    timeZone: 'Asia/Tokyo',
    printer: { kind: 'starprnt', host: '127.0.0.1', port: printer.port },
  });
  assert.equal(put.status, 200);
  const module = reportJobModule(
    printWorkerDepsOf(
      app.services,
      tcpReportPrinter({ attemptsMax: 1, backoffMs: 0, timeoutMs: 2_000 }),
    ),
  );
  runtime = await startJobRuntime({
    connectionString: app.db.connectionString,
    pool: app.db.pool,
    clock: app.clock,
    logger: silentLogger,
    modules: [module],
    pollingIntervalSeconds: 0.5,
    dispatchIntervalMs: 60_000,
  });
  app.services.jobs = runtime.queue;
  await runtime.startWorkers();
});
after(async () => {
  await runtime?.stop();
  await printer?.close();
  await app?.close();
});

test('a close prints its fixed report once on the store printer (StarPRNT)', async () => {
  await importHandWorkedDay(app, 'alpha');
  const ledger = ledgerDepsOver(app.services.pool, app.services.clock);
  const { close } = await closeDay(
    ledger,
    { companyId: alpha.companyId, label: 'staff:admin' },
    { storeCode: '0001', businessDate: knownDate, float: 30000, countedCash: 37000 },
  );
  const dispatched = await runtime.dispatchNow();
  assert.ok(dispatched >= 2, 'the import made a close too: both day.closed events are dispatched');
  assert.equal(await runtime.dispatchNow(), 0, 'each event once');
  const printedJobs = async () =>
    (
      await app.db.pool.query<{ close_version: number; status: string }>(
        `select close_version, status from print_jobs where company_id = $1 order by seq`,
        [alpha.companyId],
      )
    ).rows;
  await waitFor(
    async () => (await printedJobs()).filter((j) => j.status === 'printed').length === 2,
    20_000,
  );
  assert.deepEqual(
    (await printedJobs()).map((j) => j.close_version),
    [1, close.version].sort(),
  );
  assert.equal(printer.received.length, 2);
  const expected = renderReport(
    { ...(close.report as DailyReport), printedAt: now },
    printedSettingsOf(close.report as DailyReport),
    'starprnt',
  ).bytes;
  assert.ok(
    printer.received.some((bytes) => bytes.equals(expected)),
    'the bytes of the version the close fixed',
  );
});
