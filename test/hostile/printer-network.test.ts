// Goal (issue #10 §12, printers): a printer may only be on an address the company's network setting
// allows. By default the private LAN ranges; loopback, link-local (cloud metadata) and "this host"
// are refused unless a range inside them is listed — 0.0.0.0/0 does not open them. A host name is
// resolved and its addresses checked. Checked when the store is saved (400 naming printer.host in
// Japanese, nothing written) and again when a print job is sent (the job fails, nothing reaches the
// address). The setting is edited by the admin on 運用管理設定 > ネットワーク (a bad range: 400
// naming printerNetworks). Method: real HTTP, the API and console routes; a TCP listener on
// 127.0.0.1 as the printer; an in-memory queue running the registered print worker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../support/app.js';
import { printWorkerDepsOf } from '../support/deps.js';
import { readJson } from '../support/json.js';
import { bearer, checkout, registerToken } from '../support/ledger-fixtures.js';
import { reportJobModule } from '../../src/app/report/jobs.js';
import { tcpReportPrinter } from '../../src/adapters/print/report-printer.js';
import {
  fakePrinter,
  importHandWorkedDay,
  knownDate,
  memoryQueue,
  type FakePrinter,
  type MemoryQueue,
} from '../adapters/report/support.js';

const now = '2025-01-11T02:00:00+09:00';
let app: TestApp;
let company: TestCompany;
let admin: ApiSession;
let printer: FakePrinter;
let queue: MemoryQueue;

before(async () => {
  app = await startTestApp({ now });
  company = await createTestCompany(app, 'netw', ['0001']);
  await importHandWorkedDay(app, 'netw');
  admin = await apiSession(app, company);
  printer = await fakePrinter();
  queue = memoryQueue();
  app.services.jobs = queue;
  await reportJobModule(
    printWorkerDepsOf(
      app.services,
      tcpReportPrinter({ attemptsMax: 1, backoffMs: 0, timeoutMs: 2_000 }),
    ),
  ).registerWorkers(queue);
});
after(async () => {
  await printer?.close();
  await app?.close();
});

function putPrinter(host: string, port = 9100) {
  return admin.request('PUT', '/api/v1/stores/0001', {
    name: '店舗0001',
    timeZone: 'Asia/Tokyo',
    printer: { kind: 'escpos', host, port },
  });
}

async function storedPrinter(): Promise<unknown> {
  const rows = await app.db.pool.query(
    `select s.printer from stores s join companies c on c.id = s.company_id
      where c.code = 'netw' and s.code = '0001'`,
  );
  return (rows.rows[0] as { printer: unknown }).printer;
}

function postForm(path: string, fields: Record<string, string>) {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: admin.csrfToken, ...fields }),
  });
}

async function refusedOnHost(host: string): Promise<string> {
  const before = await storedPrinter();
  const response = await putPrinter(host);
  const body = await readJson(response);
  assert.equal(response.status, 400, `${host}: ${JSON.stringify(body)}`);
  const fields = JSON.stringify(body);
  assert.match(fields, /printer\.host/, host);
  assert.match(fields, /プリンター/, host);
  assert.deepEqual(await storedPrinter(), before, `${host}: nothing written`);
  return fields;
}

test('by default loopback, link-local, metadata, "this host" and public addresses are refused; a LAN printer is saved', async () => {
  for (const host of [
    '127.0.0.1',
    '127.1.2.3',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    '169.254.169.254',
    'fe80::1',
    '0.0.0.0',
    '8.8.8.8',
  ])
    await refusedOnHost(host);
  const ok = await putPrinter('192.168.1.50');
  assert.equal(ok.status, 200, await ok.clone().text());
  assert.deepEqual(await storedPrinter(), { kind: 'escpos', host: '192.168.1.50', port: 9100 });
});

test('a host name is resolved first: localhost is refused like its addresses', async () => {
  const refused = await refusedOnHost('localhost');
  assert.match(refused, /localhost/);
  await refusedOnHost('no-such-printer.invalid');
});

test('a broad range does not open loopback or link-local; listing them explicitly does', async () => {
  await app.app().network.savePrinterNetworks(company.companyId, ['0.0.0.0/0', '::/0']);
  await refusedOnHost('127.0.0.1');
  await refusedOnHost('169.254.169.254');
  assert.equal((await putPrinter('8.8.8.8')).status, 200, '0.0.0.0/0 opens public addresses');

  const page = await fetch(`${app.url}/admin/settings/network`, {
    headers: { cookie: admin.cookie },
  });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /0\.0\.0\.0\/0/);
  const saved = await postForm('/admin/settings/network', { printerNetworks: '127.0.0.1/32' });
  assert.equal(saved.status, 303);
  assert.equal((await putPrinter('127.0.0.1', printer.port)).status, 200);
});

test('a bad range on the network page is 400 naming the field, and the setting stays', async () => {
  const before = await app.app().network.getPrinterNetworks(company.companyId);
  for (const text of ['192.168.0.0/33', 'example.com', '10.0.0.0/8\n1.2.3', '::1/129']) {
    const response = await postForm('/admin/settings/network', { printerNetworks: text });
    const html = await response.text();
    assert.equal(response.status, 400, text);
    assert.match(html, /プリンターを許可するネットワークの形式が正しくありません/, text);
  }
  assert.deepEqual(await app.app().network.getPrinterNetworks(company.companyId), before);
});

test('the address is checked again when the job is sent: a narrowed setting fails the job, the printer gets nothing', async () => {
  await app.app().network.savePrinterNetworks(company.companyId, ['127.0.0.1/32']);
  assert.equal((await putPrinter('127.0.0.1', printer.port)).status, 200);
  // The admin narrows the setting back to the default (LAN only) after the printer was saved.
  await app.app().network.savePrinterNetworks(company.companyId, []);
  const received = printer.received.length;
  const response = await admin.request('POST', `/api/v1/stores/0001/days/${knownDate}/print`, {});
  assert.equal(response.status, 202, await response.clone().text());
  await queue.drain();
  assert.equal(printer.received.length, received, 'nothing was sent to the loopback printer');
  const jobs = (
    await readJson(await admin.request('GET', `/api/v1/stores/0001/days/${knownDate}/print-jobs`))
  ).items as { status: string; lastError?: string | null }[];
  const last = jobs[0];
  assert.equal(last?.status, 'failed', JSON.stringify(jobs));
  assert.match(JSON.stringify(last), /ループバック/);

  // Allowed again: the same store-day prints.
  await app.app().network.savePrinterNetworks(company.companyId, ['127.0.0.1/32']);
  const again = await admin.request('POST', `/api/v1/stores/0001/days/${knownDate}/print`, {});
  assert.ok([200, 202].includes(again.status), await again.clone().text());
  await queue.drain();
  assert.equal(printer.received.length, received + 1);
});

test('a receipt to a printer the setting no longer allows: 400 naming printer.host, nothing recorded or sent', async () => {
  await app.app().network.savePrinterNetworks(company.companyId, ['127.0.0.1/32']);
  assert.equal((await putPrinter('127.0.0.1', printer.port)).status, 200);
  const register = bearer(app, await registerToken(app, company));
  const id = '6a0e9d1c-55b2-4f0a-8c3e-1d2e3f4a5b6c';
  const sent = await register(
    'POST',
    '/api/v1/checkouts',
    checkout(id, {
      lines: [{ name: 'コーヒー', quantity: 1, unitPrice: 500, taxCategory: 'reduced8' }],
      payments: [{ method: 'cash', amount: 500 }],
    }),
  );
  assert.equal(sent.status, 201, await sent.clone().text());
  await app.app().network.savePrinterNetworks(company.companyId, []);
  const received = printer.received.length;
  const response = await register('POST', `/api/v1/checkouts/${id}/receipts`, { kind: 'receipt' });
  const body = JSON.stringify(await readJson(response));
  assert.equal(response.status, 400, body);
  assert.match(body, /printer\.host/);
  assert.match(body, /ループバック/);
  assert.equal(printer.received.length, received, 'nothing sent');
  const { rows } = await app.db.pool.query(
    'select count(*)::int as n from register_receipt_issues where company_id = $1',
    [company.companyId],
  );
  assert.equal((rows[0] as { n: number }).n, 0, 'nothing recorded');
});
