// Goal: 商品マスター (issue 13 §1) over the real HTTP API and a real database: create and change by
// code with one history row per change; bad input is 400 naming the field in Japanese and writes
// nothing; another company sees nothing; CSV round-trips in UTF-8 (BOM) and Shift_JIS; the 登録番号
// is required as T + 13 digits and a wrong check digit is a warning.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { readJson } from '../../support/json.js';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';

let app: TestApp;
let alpha: ApiSession;
let beta: ApiSession;
let alphaCompany: TestCompany;

before(async () => {
  app = await startTestApp();
  alphaCompany = await createTestCompany(app, 'alpha', ['A01']);
  alpha = await apiSession(app, alphaCompany);
  beta = await apiSession(app, await createTestCompany(app, 'beta', ['B01']));
});
after(() => app.close());

const coffee = { name: 'コーヒー', priceYen: 480, taxCategory: 'reduced8', category: 'ドリンク' };

test('PUT /products/{code} creates, changes and keeps every version', async () => {
  const created = await alpha.request('PUT', '/api/v1/products/C001', coffee);
  assert.equal(created.status, 200);
  assert.deepEqual(await readJson(created), { created: 1, updated: 0, unchanged: 0 });
  const again = await readJson(await alpha.request('PUT', '/api/v1/products/C001', coffee));
  assert.deepEqual(again, { created: 0, updated: 0, unchanged: 1 });
  await alpha.request('PUT', '/api/v1/products/C001', { ...coffee, priceYen: 500 });
  const list = await readJson(await alpha.request('GET', '/api/v1/products'));
  assert.equal(list.items.length, 1);
  assert.equal(list.items[0].priceYen, 500);
  assert.equal(list.items[0].version, 2);
  const history = await readJson(await alpha.request('GET', '/api/v1/products/C001/history'));
  assert.deepEqual(
    history.items.map((v: { version: number; priceYen: number }) => [v.version, v.priceYen]),
    [
      [1, 480],
      [2, 500],
    ],
  );
  const other = await readJson(await beta.request('GET', '/api/v1/products'));
  assert.deepEqual(other.items, []);
});

test('bad input is 400 naming the field, nothing written', async () => {
  const bad = await alpha.request('PUT', '/api/v1/products/C999', { ...coffee, priceYen: -1 });
  assert.equal(bad.status, 400);
  const body = await readJson(bad);
  assert.ok(JSON.stringify(body).includes('priceYen'), JSON.stringify(body));
  const history = await alpha.request('GET', '/api/v1/products/C999/history');
  assert.equal(history.status, 404);
});

test('CSV: UTF-8 with BOM and Shift_JIS round-trip; a wrong row names its line', async () => {
  const register = app.app().register;
  const csv =
    '商品コード,商品名,価格,税込/税抜,税区分,カテゴリ,並び順,有効\r\n' +
    'F001,ランチ,"1,100",税込,10%,フード,1,1\r\n' +
    'F002,パン,300,税抜,8%,フード,2,1\r\n';
  const sjis = iconv.encode(csv, 'cp932');
  const result = await register.importProductsCsv(alphaCompany.companyId, sjis);
  assert.deepEqual(result, { created: 2, updated: 0, unchanged: 0 });
  const exported = await register.exportProductsCsv(alphaCompany.companyId, 'utf8');
  assert.deepEqual([...exported.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = exported.subarray(3).toString('utf8');
  assert.ok(text.includes('F002,パン,300,税抜,8%,フード,2,1\r\n'), text);
  const reimported = await register.importProductsCsv(alphaCompany.companyId, exported);
  assert.equal(reimported.unchanged, 3);
  const sjisOut = await register.exportProductsCsv(alphaCompany.companyId, 'shift_jis');
  assert.ok(iconv.decode(sjisOut, 'cp932').includes('ランチ'));
  await assert.rejects(
    register.importProductsCsv(
      alphaCompany.companyId,
      Buffer.from('商品コード,商品名,価格,税区分\nX1,x,abc,10%\nX2,y,1,12%\n'),
    ),
    (error: { fields: { path: string }[] }) => {
      assert.deepEqual(
        error.fields.map((f) => f.path),
        ['2行目.priceYen', '3行目.taxCategory'],
      );
      return true;
    },
  );
  const after = await readJson(await alpha.request('GET', '/api/v1/products'));
  assert.ok(!after.items.some((p: { code: string }) => p.code === 'X2'));
});

test('登録番号: T + 13 digits required, a failing check digit warned', async () => {
  const ok = await readJson(
    await alpha.request('PUT', '/api/v1/company/registration-number', {
      registrationNumber: 'T7000012050002',
    }),
  );
  assert.deepEqual(ok, { registrationNumber: 'T7000012050002', warning: null });
  const warned = await readJson(
    await alpha.request('PUT', '/api/v1/company/registration-number', {
      registrationNumber: 'T8000012050002',
    }),
  );
  assert.match(warned.warning, /チェックデジット/);
  const bad = await alpha.request('PUT', '/api/v1/company/registration-number', {
    registrationNumber: '12345',
  });
  assert.equal(bad.status, 400);
  const kept = await readJson(await alpha.request('GET', '/api/v1/company/registration-number'));
  assert.equal(kept.registrationNumber, 'T8000012050002');
});
