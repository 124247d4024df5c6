// Goal: a checkout's receipt and 領収書 are printed on the store's printer through the receiptline
// path, each issue recorded (checkout id, revision, kind, count), the second and later printed ones
// of a kind marked 【再発行】 (receipt spec); a printer that is off records the failure and the next
// print is no copy; ownership, bad input and a missing printer are refused and write nothing.
// Method: real HTTP server over a fresh database; a TCP listener on 127.0.0.1 (the fake printer of
// the print tests) records each job's bytes, compared with the renderer's bytes for that receipt.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { bearer, checkout, registerToken } from '../../support/ledger-fixtures.js';
import { readJson } from '../../support/json.js';
import {
  fakePrinter,
  offPrinterPort,
  type FakePrinter,
  allowLoopbackPrinters,
} from '../report/support.js';
import { renderReceipt } from '../../../src/adapters/print/render-receipt.js';
import { demoPaymentMethods } from '../../../src/app/tenancy/demo.js';
import type { Receipt } from '../../../src/domain/receipt/receipt.js';

let app: TestApp;
let company: TestCompany;
let staff: ApiSession;
let printer: FakePrinter;
let register: ReturnType<typeof bearer>;
let otherStore: ReturnType<typeof bearer>;

const methodNames = Object.fromEntries(demoPaymentMethods.map((m) => [m.code, m.name]));
const id = '0b8f5d7e-2a41-4c3e-9d55-0a1b2c3d4e5f';

async function setPrinter(port: number | null) {
  const response = await staff.request('PUT', '/api/v1/stores/0001', {
    name: '店舗0001',
    timeZone: 'Asia/Tokyo',
    ...(port === null ? {} : { printer: { kind: 'escpos', host: '127.0.0.1', port } }),
  });
  assert.equal(response.status, 200, await response.clone().text());
}

async function issues(): Promise<
  { kind: string; count: number; reissue: boolean; status: string; revision: number }[]
> {
  const { rows } = await app.db.pool.query(
    `select kind, count, reissue, status, revision from register_receipt_issues where company_id = $1 order by created_at, count`,
    [company.companyId],
  );
  return rows;
}

before(async () => {
  app = await startTestApp();
  company = await createTestCompany(app, 'alpha', ['0001', '0002']);
  await allowLoopbackPrinters(app, company);
  staff = await apiSession(app, company);
  register = bearer(app, await registerToken(app, company));
  otherStore = bearer(app, await registerToken(app, company, '0002', '01'));
  printer = await fakePrinter();
  await app.app().register.setRegistrationNumber(company.companyId, 'T7000012050002');
  const sent = await register(
    'POST',
    '/api/v1/checkouts',
    checkout(id, {
      lines: [
        { name: 'ランチ', quantity: 1, unitPrice: 1100, taxCategory: 'standard10' },
        { name: 'コーヒー', quantity: 2, unitPrice: 540, taxCategory: 'reduced8' },
      ],
      payments: [{ method: 'cash', amount: 3000 }],
    }),
  );
  assert.equal(sent.status, 201, await sent.clone().text());
});
after(async () => {
  await printer?.close();
  await app?.close();
});

test('no printer: 409 naming the printer, nothing recorded', async () => {
  const response = await register('POST', `/api/v1/checkouts/${id}/receipts`, { kind: 'receipt' });
  assert.equal(response.status, 409);
  assert.match(JSON.stringify(await readJson(response)), /レシートプリンターが設定されていません/);
  assert.deepEqual(await issues(), []);
});

test('receipt printed from the register, again marked 再発行; bytes are the rendered receipt', async () => {
  await setPrinter(printer.port);
  const first = await register('POST', `/api/v1/checkouts/${id}/receipts`, { kind: 'receipt' });
  assert.equal(first.status, 200, await first.clone().text());
  const firstBody = await readJson(first);
  assert.equal(firstBody.printed, true);
  assert.deepEqual([firstBody.issue.count, firstBody.issue.reissue], [1, false]);
  const receipt = firstBody.receipt as Receipt;
  assert.deepEqual(
    receipt.byRate.map((r) => [r.taxCategory, r.targetAmount, r.tax]),
    [
      ['standard10', 1100, 100],
      ['reduced8', 1080, 80],
    ],
  );
  assert.equal(receipt.issuer.registrationNumber, 'T7000012050002');
  const second = await readJson(
    await staff.request('POST', `/api/v1/checkouts/${id}/receipts`, {}),
  );
  assert.deepEqual(
    [second.issue.count, second.issue.reissue, second.issue.source],
    [2, true, 'console'],
  );
  assert.equal(printer.received.length, 2);
  const expected = (reissue: boolean) =>
    renderReceipt(receipt, 'escpos', { reissue, methodNames, cpl: 48 }).bytes;
  assert.ok(printer.received[0]?.equals(expected(false)), 'first job = the receipt');
  assert.ok(printer.received[1]?.equals(expected(true)), 'second job = the receipt marked 再発行');
  assert.ok(!expected(false).equals(expected(true)), 'the mark changes the bytes');
  const text = renderReceipt(receipt, 'text', { reissue: true, methodNames }).bytes.toString(
    'utf8',
  );
  assert.match(text, /再発行/);
  const listed = await readJson(await register('GET', `/api/v1/checkouts/${id}/receipts`));
  assert.deepEqual(
    listed.items.map((i: { kind: string; count: number; status: string; revision: number }) => [
      i.kind,
      i.count,
      i.status,
      i.revision,
    ]),
    [
      ['receipt', 1, 'printed', 1],
      ['receipt', 2, 'printed', 1],
    ],
  );
});

test('領収書 with 宛名 and 但し書き: the first is no copy, the second is 再発行', async () => {
  const before = printer.received.length;
  const formal = { kind: 'formal', addressee: '株式会社テスト', note: 'お食事代として' };
  const first = await readJson(await register('POST', `/api/v1/checkouts/${id}/receipts`, formal));
  assert.deepEqual([first.printed, first.issue.count, first.issue.reissue], [true, 1, false]);
  assert.equal(first.issue.addressee, '株式会社テスト');
  const second = await readJson(await register('POST', `/api/v1/checkouts/${id}/receipts`, formal));
  assert.deepEqual([second.issue.count, second.issue.reissue], [2, true]);
  assert.equal(printer.received.length, before + 2);
  const expected = renderReceipt(first.receipt as Receipt, 'escpos', {
    reissue: true,
    methodNames,
    cpl: 48,
    formalReceipt: { addressee: '株式会社テスト', note: 'お食事代として' },
  }).bytes;
  assert.ok(
    printer.received.at(-1)?.equals(expected),
    'the 領収書 marked 再発行 reached the printer',
  );
});

test('a printer that is off: the issue is recorded failed with the reason; the next is no copy', async () => {
  const fresh = '1c9e6f8a-3b52-4d4f-8e66-1b2c3d4e5f60';
  assert.equal((await register('POST', '/api/v1/checkouts', checkout(fresh))).status, 201);
  await setPrinter(await offPrinterPort());
  const off = await readJson(await register('POST', `/api/v1/checkouts/${fresh}/receipts`, {}));
  assert.equal(off.printed, false);
  assert.equal(off.issue.status, 'failed');
  assert.match(off.reason, /プリンター/);
  await setPrinter(printer.port);
  const next = await readJson(await register('POST', `/api/v1/checkouts/${fresh}/receipts`, {}));
  assert.deepEqual([next.printed, next.issue.count, next.issue.reissue], [true, 2, false]);
});

test('refusals write nothing: another store, unknown checkout, bad 宛名, 宛名 on a receipt', async () => {
  const count = (await issues()).length;
  const other = await otherStore('POST', `/api/v1/checkouts/${id}/receipts`, {});
  assert.equal(other.status, 403);
  const unknown = await register('POST', '/api/v1/checkouts/nope/receipts', {});
  assert.equal(unknown.status, 404);
  assert.match(JSON.stringify(await readJson(unknown)), /サーバーにまだありません/);
  const long = await register('POST', `/api/v1/checkouts/${id}/receipts`, {
    kind: 'formal',
    addressee: 'あ'.repeat(41),
  });
  assert.equal(long.status, 400);
  assert.match(JSON.stringify(await readJson(long)), /addressee.*宛名は40文字以内/);
  const misplaced = await register('POST', `/api/v1/checkouts/${id}/receipts`, {
    kind: 'receipt',
    note: 'お品代',
  });
  assert.equal(misplaced.status, 400);
  assert.equal((await issues()).length, count);
});

test('a pending checkout has no receipt (409)', async () => {
  const pending = '2d0f7a9b-4c63-4e5a-9f77-2c3d4e5f6071';
  const sent = await register(
    'POST',
    '/api/v1/checkouts',
    checkout(pending, { status: 'pending', completedAt: null, payments: [] }),
  );
  assert.equal(sent.status, 201, await sent.clone().text());
  const response = await register('POST', `/api/v1/checkouts/${pending}/receipts`, {});
  assert.equal(response.status, 409);
  assert.match(JSON.stringify(await readJson(response)), /完了していない/);
});
