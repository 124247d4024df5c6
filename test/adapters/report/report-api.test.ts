// Goal: the 日報 API over real HTTP and a real database gives, for the hand-worked day imported through
// the ledger, exactly the engine's report (and its hand-computed figures); ranges are bounded; the
// settings shape the preview, not the JSON; every route refuses another company's store.
// Method: company alpha imports the hand-worked day; company beta has a store 0001 of its own (empty)
// and no store 0002; each route is called by both.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRegisterToken } from '../../../src/app/auth/login.js';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
  type TestCompany,
} from '../../support/app.js';
import { readJson } from '../../support/json.js';
import { expectedHandWorkedReport, importHandWorkedDay, knownDate } from './support.js';

const now = '2025-01-11T02:00:00+09:00';
let app: TestApp;
let alpha: TestCompany;
let beta: TestCompany;
let asAlpha: ApiSession;
let asBeta: ApiSession;

before(async () => {
  app = await startTestApp({ now });
  alpha = await createTestCompany(app, 'alpha', ['0001', '0002']);
  beta = await createTestCompany(app, 'beta', ['0001']);
  await importHandWorkedDay(app, 'alpha');
  asAlpha = await apiSession(app, alpha);
  asBeta = await apiSession(app, beta);
});
after(async () => {
  await app?.close();
});

const day = (store: string, date = knownDate) => `/api/v1/stores/${store}/days/${date}`;
const goodSettings = {
  title: '売上日報',
  hourly: { enabled: true, startHour: 10, endHour: 26 },
  taxBreakdown: { sales: false, paymentMethods: true },
};

describe('GET …/days/{date}/report', () => {
  it('is the engine report of the stored day, printedAt from the clock in the store offset', async () => {
    const response = await asAlpha.request('GET', `${day('0001')}/report`);
    assert.equal(response.status, 200);
    const report = await readJson(response);
    assert.deepEqual(report, expectedHandWorkedReport(now));
    // A few hand-computed figures (test/domain/report/daily-report-rows.test.ts), so a wrong engine cannot pass alone.
    assert.equal(report.salesTotal, 7005);
    assert.equal(report.tax, 514);
    assert.equal(report.checkoutCount, 7);
    assert.deepEqual(report.cash, {
      float: 30000,
      expected: 30000 + 3705 + 6000 - 2000,
      counted: 37700,
      difference: 37700 - 37705,
    });
    assert.equal(report.printedAt, '2025-01-11T02:00:00+09:00');
  });

  it('an invalid calendar date names the field', async () => {
    const response = await asAlpha.request('GET', `${day('0001', '2025-02-30')}/report`);
    assert.equal(response.status, 400);
    assert.equal((await readJson(response)).error.fields[0].path, 'date');
  });
});

describe('GET …/reports?from&to', () => {
  it('gives one report per day, oldest first', async () => {
    const response = await asAlpha.request(
      'GET',
      '/api/v1/stores/0001/reports?from=2025-01-09&to=2025-01-11',
    );
    assert.equal(response.status, 200);
    const { items } = await readJson(response);
    assert.deepEqual(
      items.map((r: { businessDate: string }) => r.businessDate),
      ['2025-01-09', '2025-01-10', '2025-01-11'],
    );
    assert.deepEqual(
      items.map((r: { salesTotal: number }) => r.salesTotal),
      [9999, 7005, 0],
    );
  });

  it('refuses more than 92 days and a reversed range, naming `to`', async () => {
    const tooLong = await asAlpha.request(
      'GET',
      '/api/v1/stores/0001/reports?from=2025-01-01&to=2025-04-03',
    );
    assert.equal(tooLong.status, 400);
    assert.deepEqual(
      (await readJson(tooLong)).error.fields.map((f: { path: string; code: string }) => [
        f.path,
        f.code,
      ]),
      [['to', 'report_range_too_long']],
    );
    const ninetyTwo = await asAlpha.request(
      'GET',
      '/api/v1/stores/0001/reports?from=2025-01-01&to=2025-04-02',
    );
    assert.equal(ninetyTwo.status, 200);
    assert.equal((await readJson(ninetyTwo)).items.length, 92);
    const reversed = await asAlpha.request(
      'GET',
      '/api/v1/stores/0001/reports?from=2025-01-10&to=2025-01-09',
    );
    assert.equal(reversed.status, 400);
    assert.equal((await readJson(reversed)).error.fields[0].code, 'report_range_reversed');
  });
});

describe('report settings', () => {
  it('are the defaults until saved; wrong fields are named in Japanese and nothing is written', async () => {
    const initial = await readJson(
      await asAlpha.request('GET', '/api/v1/stores/0002/report-settings'),
    );
    assert.deepEqual(initial, {
      title: '日報',
      hourly: { enabled: true, startHour: 0, endHour: 23 },
      taxBreakdown: { sales: true, paymentMethods: true },
    });
    const badStart = await asAlpha.request('PUT', '/api/v1/stores/0002/report-settings', {
      ...goodSettings,
      hourly: { enabled: true, startHour: 24, endHour: 26 },
    });
    assert.equal(badStart.status, 400);
    const startError = (await readJson(badStart)).error.fields[0];
    assert.equal(startError.path, 'hourly.startHour');
    assert.match(startError.message, /開始時間/);
    const badEnd = await asAlpha.request('PUT', '/api/v1/stores/0002/report-settings', {
      ...goodSettings,
      hourly: { enabled: true, startHour: 10, endHour: 2 },
    });
    assert.equal(badEnd.status, 400);
    assert.equal((await readJson(badEnd)).error.fields[0].path, 'hourly.endHour');
    const badTitle = await asAlpha.request('PUT', '/api/v1/stores/0002/report-settings', {
      ...goodSettings,
      title: '   ',
    });
    assert.equal(badTitle.status, 400);
    assert.equal((await readJson(badTitle)).error.fields[0].path, 'title');
    assert.deepEqual(
      await readJson(await asAlpha.request('GET', '/api/v1/stores/0002/report-settings')),
      initial,
    );
  });

  it('shape the preview and the hourly window; the JSON keeps every figure', async () => {
    const saved = await asAlpha.request('PUT', '/api/v1/stores/0001/report-settings', goodSettings);
    assert.equal(saved.status, 200);
    assert.deepEqual(await readJson(saved), goodSettings);
    const report = await readJson(await asAlpha.request('GET', `${day('0001')}/report`));
    assert.equal(report.title, '売上日報');
    assert.deepEqual(
      report.hourly.map((h: { hour: number }) => h.hour),
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
    );
    assert.equal(
      report.byTaxRate.sales.length,
      3,
      'the JSON keeps the breakdown the printout leaves out',
    );
    const text = await (await asAlpha.request('GET', `${day('0001')}/report.txt`)).text();
    assert.match(text, /売 *上 *日 *報/, 'the title prints double width');
    assert.match(text, /26時/);
    assert.doesNotMatch(text, /【売上・純売上・税】/);
    assert.match(text, /【支払い方法】/);
    assert.match(text, /¥7,005/);
    const svgResponse = await asAlpha.request('GET', `${day('0001')}/report.svg`);
    assert.equal(svgResponse.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
    assert.match(await svgResponse.text(), /^<svg/);
    const narrow = await (await asAlpha.request('GET', `${day('0001')}/report.txt?cpl=32`)).text();
    assert.ok(
      Math.max(...text.split('\n').map((l) => l.length)) >
        Math.max(...narrow.split('\n').map((l) => l.length)),
    );
  });
});

describe('another company', () => {
  const routes: [method: string, path: string, body?: unknown][] = [
    ['GET', `${day('0002')}/report`],
    ['GET', `${day('0002')}/report.svg`],
    ['GET', `${day('0002')}/report.txt`],
    ['GET', '/api/v1/stores/0002/reports?from=2025-01-10&to=2025-01-10'],
    ['POST', `${day('0002')}/print`, {}],
    ['GET', `${day('0002')}/print-jobs`],
    ['GET', '/api/v1/stores/0002/report-settings'],
    ['PUT', '/api/v1/stores/0002/report-settings', goodSettings],
  ];
  for (const [method, path, body] of routes) {
    it(`${method} ${path.replace(/\/api\/v1/, '')}: 404 for beta, which has no store 0002; 401 without a session`, async () => {
      const response = await asBeta.request(method, path, body);
      assert.equal(response.status, 404, await response.clone().text());
      assert.equal((await readJson(response)).error.code, 'not_found');
      const anonymous = await fetch(`${app.url}${path}`, {
        method,
        ...(body
          ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
          : {}),
      });
      assert.equal(anonymous.status, 401);
    });
  }

  it("beta's own store 0001 shows beta's (empty) day, never alpha's", async () => {
    const report = await readJson(await asBeta.request('GET', `${day('0001')}/report`));
    assert.equal(report.storeName, '店舗0001');
    assert.equal(report.checkoutCount, 0);
    assert.equal(report.salesTotal, 0);
    const range = await readJson(
      await asBeta.request('GET', '/api/v1/stores/0001/reports?from=2025-01-09&to=2025-01-10'),
    );
    assert.deepEqual(
      range.items.map((r: { salesTotal: number }) => r.salesTotal),
      [0, 0],
    );
    assert.doesNotMatch(
      await (await asBeta.request('GET', `${day('0001')}/report.txt`)).text(),
      /¥7,005/,
    );
    const jobs = await readJson(await asBeta.request('GET', `${day('0001')}/print-jobs`));
    assert.deepEqual(jobs.items, []);
    await asBeta.request('PUT', '/api/v1/stores/0001/report-settings', {
      ...goodSettings,
      title: 'ベータ日報',
    });
    assert.equal(
      (await readJson(await asAlpha.request('GET', '/api/v1/stores/0001/report-settings'))).title,
      '売上日報',
    );
    assert.equal(
      (await readJson(await asBeta.request('GET', '/api/v1/stores/0001/report-settings'))).title,
      'ベータ日報',
    );
  });

  it("a register token reads its own store's report only", async () => {
    const token = await createRegisterToken(app.services, {
      companyId: alpha.companyId,
      storeCode: '0001',
      registerCode: '01',
    });
    const headers = { authorization: `Bearer ${token}` };
    assert.equal((await fetch(`${app.url}${day('0001')}/report`, { headers })).status, 200);
    const other = await fetch(`${app.url}${day('0002')}/report`, { headers });
    assert.equal(other.status, 403);
    assert.equal(
      (
        await fetch(`${app.url}/api/v1/stores/0001/report-settings`, {
          method: 'PUT',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(goodSettings),
        })
      ).status,
      403,
    );
  });
});
