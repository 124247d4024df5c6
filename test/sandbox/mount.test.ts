// Goal: mounted under /sandbox/freee in a parent Hono app (as the main server does), the OAuth
// flow and the API work through the prefix; served in process (app.request, no socket), a reset
// after write still loses the response while the write lands.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createSandboxApp } from '../../src/sandbox/app.js';
import { createFaultPlan } from '../../src/sandbox/faults.js';
import { call, login, startHarness, type Harness } from './support/harness.js';

let h: Harness;
let mounted: Harness;
let close: () => void;
const faults = createFaultPlan({ rate: 0 });
const parent = new Hono();

before(async () => {
  h = await startHarness();
  parent.get('/', (c) => c.text('uriage'));
  parent.route('/sandbox/freee', createSandboxApp({ pool: h.db.pool, clock: h.clock, faults }));
  // As Uriage's app does after its mounts: its own session/API-token check on every other path.
  parent.use('*', async (c) =>
    c.json({ code: 'unauthorized', message: 'APIトークンが無効です。' }, 401),
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: parent.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const port = (server.address() as { port: number }).port;
  mounted = { ...h, url: `http://127.0.0.1:${port}/sandbox/freee` };
  close = () => {
    server.close();
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  };
});
after(async () => {
  close();
  await h.close();
});

test('OAuth and API through the /sandbox/freee prefix', async () => {
  const tokens = await login(mounted);
  const companies = await call(mounted, tokens.accessToken, 'GET', '/api/1/companies');
  assert.equal(companies.status, 200);
  assert.equal(
    (companies.body as { companies: { id: number }[] }).companies[0]?.id,
    h.company.companyId,
  );
  assert.equal((await call(mounted, tokens.accessToken, 'GET', '/api/1/nothing-here')).status, 404);
});

test('a freee path the sandbox does not implement: freee 404 shape, never the parent 401', async () => {
  const tokens = await login(mounted);
  const companyId = h.company.companyId;
  for (const [method, path] of [
    ['GET', `/api/1/manual_journals?company_id=${companyId}`],
    ['POST', '/api/1/transfers'],
    ['GET', `/api/1/reports/trial_bs?company_id=${companyId}`],
    ['GET', '/public_api/unknown'],
  ] as const) {
    const reply = await call(
      mounted,
      tokens.accessToken,
      method,
      path,
      method === 'POST' ? {} : undefined,
      {
        'x-freee-company-id': String(companyId),
      },
    );
    assert.equal(reply.status, 404, `${method} ${path}`);
    assert.deepEqual(reply.body, {
      status_code: 404,
      errors: [{ type: 'status', messages: ['リソースが見つかりません。'] }],
    });
  }
  const known = await call(
    mounted,
    tokens.accessToken,
    'GET',
    `/api/1/deals?company_id=${companyId}`,
    undefined,
    {
      'x-freee-company-id': String(companyId),
    },
  );
  assert.equal(known.status, 200, 'x-freee-company-id is accepted on implemented paths');
  for (const path of ['/api/1/deals', '/api/1/partners', '/api/1/account_items']) {
    const headerOnly = await call(mounted, tokens.accessToken, 'GET', path, undefined, {
      'x-freee-company-id': String(companyId),
    });
    assert.equal(headerOnly.status, 200, `${path}: the header alone names the 事業所`);
  }
  const noCompany = await call(mounted, tokens.accessToken, 'GET', '/api/1/deals');
  assert.equal(noCompany.status, 400, 'neither company_id nor the header: 400');
});

test('in process, reset_after_write fails the body read but the deal is stored', async () => {
  const tokens = await login(mounted);
  const accounts = (
    await call(
      mounted,
      tokens.accessToken,
      'GET',
      `/api/1/account_items?company_id=${h.company.companyId}`,
    )
  ).body as { account_items: { id: number; name: string }[] };
  const sales = accounts.account_items.find((a) => a.name === '売上高')?.id;
  faults.next('reset_after_write');
  const response = await parent.request('/sandbox/freee/api/1/deals', {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      company_id: h.company.companyId,
      type: 'income',
      issue_date: '2025-06-10',
      ref_number: 'in-process',
      details: [{ account_item_id: sales, tax_code: 129, amount: 100 }],
    }),
  });
  await assert.rejects(response.text(), /connection reset after write/);
  const list = await call(
    mounted,
    tokens.accessToken,
    'GET',
    `/api/1/deals?company_id=${h.company.companyId}`,
  );
  assert.deepEqual(
    (list.body as { deals: { ref_number: string }[] }).deals.map((d) => d.ref_number),
    ['in-process'],
  );
});
