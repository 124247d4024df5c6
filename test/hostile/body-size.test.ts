// Goal (issue #10 §4): 250 MB bodies — chunked without Content-Length, and with a declared
// Content-Length — to /login and to the checkout route (without and with a register token) are
// refused with 413 (401 without a principal on the ledger route) while the server's RSS grows by
// less than 64 MB and a normal request is still answered quickly. Method: the real Hono app on a
// listening socket in this process; bodies are streamed with node:http from one reused 64 KiB
// chunk (the client holds no copy); RSS is sampled every 10 ms during the sends.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createTestCompany, startTestApp, type TestApp } from '../support/app.js';
import { registerToken } from '../support/ledger-fixtures.js';

const hugeBytes = 250 * 1024 * 1024;
const rssGrowthMaxBytes = 64 * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'a');

let app: TestApp;
let token: string;

before(async () => {
  app = await startTestApp();
  const company = await createTestCompany(app, 'huge');
  token = await registerToken(app, company);
});
after(async () => app?.close());

/** Streams up to `hugeBytes` until the server answers; resolves with its status. */
function sendHuge(
  path: string,
  mode: 'chunked' | 'declared',
  headers: Record<string, string>,
): Promise<number> {
  const url = new URL(path, app.url);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        ...headers,
        ...(mode === 'declared' ? { 'content-length': String(hugeBytes) } : {}),
      },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    let sent = 0;
    const pump = () => {
      while (!answered && sent < hugeBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test('250 MB bodies are refused without the RSS growing by 64 MB', async () => {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const json = { 'content-type': 'application/json' };
  const withToken = { ...json, authorization: `Bearer ${token}` };
  try {
    const cases: [string, 'chunked' | 'declared', Record<string, string>, number][] = [
      ['/login', 'chunked', form, 413],
      ['/login', 'declared', form, 413],
      ['/api/v1/checkouts', 'chunked', json, 401],
      ['/api/v1/checkouts', 'declared', json, 401],
      ['/api/v1/checkouts', 'chunked', withToken, 413],
      ['/api/v1/checkouts', 'declared', withToken, 413],
      ['/api/v1/drawer-events', 'declared', withToken, 413],
    ];
    // Unauthenticated bodies at once (the attack); a register's token then one at a time.
    const open = cases.filter((c) => !c[2].authorization);
    const statuses = await Promise.all(open.map(([path, mode, h]) => sendHuge(path, mode, h)));
    for (const [path, mode, h] of cases.filter((c) => c[2].authorization))
      statuses.push(await sendHuge(path, mode, h));
    assert.deepEqual(
      statuses,
      [...open, ...cases.filter((c) => c[2].authorization)].map((c) => c[3]),
    );
    const started = performance.now();
    const health = await fetch(`${app.url}/healthz`);
    assert.equal(health.status, 200);
    assert.ok(performance.now() - started < 2000, 'a normal request is answered at once');
  } finally {
    clearInterval(sampler);
  }
  const growth = peak - baseline;
  console.log(
    `rss baseline ${(baseline / 2 ** 20).toFixed(0)} MB, growth ${(growth / 2 ** 20).toFixed(1)} MB`,
  );
  assert.ok(growth < rssGrowthMaxBytes, `RSS grew by ${growth} bytes`);
});

test('a body under the limit still works, chunked or not (login form, JSON checkout)', async () => {
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ companyCode: 'huge', staffCode: 'admin', password: 'x' }),
  });
  assert.equal(response.status, 401);
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"checkouts":'));
      controller.enqueue(new TextEncoder().encode('[]}'));
      controller.close();
    },
  });
  const chunked = await fetch(`${app.url}/api/v1/checkouts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  assert.equal(chunked.status, 200);
  assert.deepEqual(await chunked.json(), { accepted: 0, unchanged: 0, rejected: 0, results: [] });
});
