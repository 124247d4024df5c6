// Goal: the freee client against the sandbox over real HTTP — every fault kind and freee error
// maps to its named result (with X-Freee-Request-ID logged), idempotent reads are retried with
// back-off and writes are not, company_id is checked before a request leaves, and page walks stop
// at their maximum with a named error. Method: one connected company; each test queues the
// sandbox fault it needs (faults.next) and checks the result kind, the sandbox's side effects and
// the connection status.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { listStoreStatuses } from '../../../src/app/freee/connect.js';
import type { FreeeClient } from '../../../src/adapters/freee/client.js';
import { createFreeeRuntime } from '../../../src/main/freee.js';
import {
  FreeeCompanyIdError,
  FreeePagingLimitError,
  throttleWaitMs,
  type FreeeResult,
} from '../../../src/adapters/freee/failures.js';
import { walkPages } from '../../../src/adapters/freee/paging.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { createFaultPlan, type FaultKind } from '../../../src/sandbox/index.js';
import { startFreeeTestApp, type FreeeTestApp } from './support/freee-app.js';
import { connectedCompany, sixHoursMs, type Connected } from './support/connect.js';

const faults = createFaultPlan({ timeoutMs: 1_500 });
let app: FreeeTestApp;
let connected: Connected;
let client: FreeeClient;
let salesItemId: number;

before(async () => {
  app = await startFreeeTestApp({ faults, runtime: { requestTimeoutMs: 400 } });
  connected = await connectedCompany(app, 'client1', ['0001', '0002']);
  client = await connected.client();
  const items = await client.call(
    'account_items',
    (api) =>
      api.GET('/api/1/account_items', { params: { query: { company_id: client.companyId } } }),
    { idempotent: true },
  );
  assert.ok(items.ok);
  salesItemId = items.data.account_items.find((i) => i.name === '売上高')?.id ?? 0;
  assert.ok(salesItemId > 0);
});
after(async () => {
  await app?.close();
});
beforeEach(() => {
  faults.reset();
  firedBefore = faults.fired().length;
});

const me = (c: FreeeClient = client) =>
  c.call('users/me', (api) => api.GET('/api/1/users/me'), { idempotent: true });

function dealBody(amount: number) {
  return {
    company_id: client.companyId,
    issue_date: '2025-01-10',
    type: 'income' as const,
    details: [{ account_item_id: salesItemId, tax_code: 129, amount, description: 'テスト売上' }],
  };
}
const postDeal = (amount: number) =>
  client.call('deals.create', (api) => api.POST('/api/1/deals', { body: dealBody(amount) }));

async function dealCount(): Promise<number> {
  const result = await client.call(
    'deals.list',
    (api) =>
      api.GET('/api/1/deals', { params: { query: { company_id: client.companyId, limit: 100 } } }),
    { idempotent: true },
  );
  assert.ok(result.ok);
  return result.data.meta.total_count;
}

function failed<T>(result: FreeeResult<T>) {
  assert.equal(result.ok, false, 'expected a failure');
  return (result as Extract<FreeeResult<T>, { ok: false }>).failure;
}

let firedBefore = 0;
/** Faults fired in this test (fired() keeps the whole run's log). */
function firedKinds(): FaultKind[] {
  return faults
    .fired()
    .slice(firedBefore)
    .map((f) => f.kind);
}

test('a read succeeds and its X-Freee-Request-ID is logged', async () => {
  const result = await me();
  assert.ok(result.ok);
  assert.match(result.requestId ?? '', /^[0-9a-f-]{36}$/);
  assert.ok(
    app.logs.some(
      (line) =>
        line.includes(`"requestId":"${result.requestId}"`) &&
        line.includes('"operation":"users/me"'),
    ),
  );
});

test('5xx on a read: retried with back-off, then answered', async () => {
  faults.next('5xx');
  const result = await me();
  assert.ok(result.ok);
  assert.deepEqual(firedKinds(), ['5xx']);
  assert.ok(
    app.logs.some((line) => line.includes('"failure":"server"') && line.includes('"attempt":1')),
  );
});

test('5xx on a write: `server`, not retried, nothing written', async () => {
  const before = await dealCount();
  faults.next('5xx');
  const failure = failed(await postDeal(1100));
  assert.equal(failure.kind, 'server');
  assert.ok(failure.status === 500 || failure.status === 502);
  assert.ok((failure.retryAfterMs ?? 0) > 0);
  assert.deepEqual(firedKinds(), ['5xx'], 'one attempt only');
  assert.equal(await dealCount(), before);
});

test('5xx on every attempt of a read: `server` after attemptsMax attempts', async () => {
  for (let i = 0; i < 3; i++) faults.next('5xx');
  const failure = failed(await me());
  assert.equal(failure.kind, 'server');
  assert.deepEqual(firedKinds(), ['5xx', '5xx', '5xx']);
});

test('maintenance (503): `maintenance` with a wait, freee messages kept, not retried at once', async () => {
  faults.next('maintenance');
  const failure = failed(await me());
  assert.equal(failure.kind, 'maintenance');
  assert.equal(failure.status, 503);
  assert.ok((failure.retryAfterMs ?? 0) >= 60_000);
  assert.deepEqual(failure.messages, ['このAPIは現在ご利用いただけません。']);
  assert.deepEqual(firedKinds(), ['maintenance']);
});

test('throttle (403 lock-out): `throttled`, wait ≥ 10 min; usable again after the lock-out', async () => {
  faults.next('throttle');
  const failure = failed(await me());
  assert.equal(failure.kind, 'throttled');
  assert.equal(failure.status, 403);
  assert.ok((failure.retryAfterMs ?? 0) >= 10 * 60_000);
  assert.equal(failure.retryAfterMs, throttleWaitMs);
  assert.equal(failed(await me()).kind, 'throttled', 'still locked out');
  app.clock.advanceMs(failure.retryAfterMs ?? 0);
  assert.ok((await me()).ok);
});

test('timeout: a read is retried after the client gives up; a write is `network` and may have landed', async () => {
  faults.next('timeout');
  const read = await me();
  assert.ok(read.ok);
  assert.ok(
    app.logs.some(
      (line) => line.includes('"failure":"network"') && line.includes('"detail":"timeout"'),
    ),
  );
  const before = await dealCount();
  faults.next('timeout');
  const failure = failed(await postDeal(2200));
  assert.equal(failure.kind, 'network');
  assert.equal(failure.code, 'timeout');
  await new Promise((resolve) => setTimeout(resolve, 1_800));
  assert.equal(
    await dealCount(),
    before + 1,
    'the sandbox applied the write after the client gave up',
  );
});

test('connection reset after the write: `network`, not retried, the deal exists once', async () => {
  const before = await dealCount();
  faults.next('reset_after_write');
  const failure = failed(await postDeal(3300));
  assert.equal(failure.kind, 'network');
  assert.equal(await dealCount(), before + 1);
});

test('expired_token: refreshed once, the call answered', async () => {
  const refreshes = app.tokenCalls.refresh_token ?? 0;
  faults.next('expired_token');
  assert.ok((await me()).ok);
  assert.equal((app.tokenCalls.refresh_token ?? 0) - refreshes, 1);
});

test('400 validation: `validation` with freee messages naming the field; nothing written', async () => {
  const before = await dealCount();
  const failure = failed(
    await client.call('deals.create', (api) =>
      api.POST('/api/1/deals', {
        body: {
          ...dealBody(100),
          details: [{ account_item_id: salesItemId, tax_code: 999_999, amount: 100 }],
        },
      }),
    ),
  );
  assert.equal(failure.kind, 'validation');
  assert.equal(failure.status, 400);
  assert.ok(
    failure.messages.some((m) => m.includes('details[0]')),
    failure.messages.join(' / '),
  );
  assert.equal(await dealCount(), before);
});

test('company_id is checked before a request leaves', async () => {
  await assert.rejects(
    client.call(
      'deals.list',
      (api) => api.GET('/api/1/deals', { params: { query: { company_id: client.companyId + 1 } } }),
      { idempotent: true },
    ),
    FreeeCompanyIdError,
  );
  await assert.rejects(
    client.call(
      'account_items',
      (api) => api.GET('/api/1/account_items', { params: { query: {} as { company_id: number } } }),
      { idempotent: true },
    ),
    FreeeCompanyIdError,
  );
  await assert.rejects(
    client.call('deals.create', (api) =>
      api.POST('/api/1/deals', { body: { ...dealBody(1), company_id: 1 } }),
    ),
    FreeeCompanyIdError,
  );
  assert.deepEqual(firedKinds(), []);
});

test('page walks: all pages under the maximum; FreeePagingLimitError beyond it', async () => {
  for (const amount of [110, 220, 330]) assert.ok((await postDeal(amount)).ok);
  const total = await dealCount();
  assert.ok(total >= 3);
  const page = (p: { offset: number; limit: number }) =>
    client
      .call(
        'deals.list',
        (api) =>
          api.GET('/api/1/deals', {
            params: { query: { company_id: client.companyId, offset: p.offset, limit: p.limit } },
          }),
        { idempotent: true },
      )
      .then((r): FreeeResult<unknown[]> => (r.ok ? { ...r, data: r.data.deals } : r));
  const all = await walkPages('deals.list', page, { limit: 2, pagesMax: 10 });
  assert.ok(all.ok);
  assert.equal(all.data.length, total);
  await assert.rejects(
    walkPages('deals.list', page, { limit: 1, pagesMax: total - 1 }),
    FreeePagingLimitError,
  );
});

test('network: nothing listening → `network` after bounded retries', async () => {
  const runtime = createFreeeRuntime({
    pool: app.freeePool,
    clock: app.clock,
    logger: silentLogger,
    secretBox: app.secretBox,
    publicUrl: app.url,
    freee: null,
    sandbox: { baseUrl: 'http://127.0.0.1:9/sandbox/freee' },
    retry: { attemptsMax: 2, backoffMs: [1] },
  });
  const offline = await runtime.clientFor(connected.company.companyId, connected.connection.id);
  const failure = failed(await me(offline));
  assert.equal(failure.kind, 'network');
  assert.equal(failure.status, null);
});

test('permission_loss: `user_do_not_have_permission`; the stores show エラー with the 管理者 hint', async () => {
  faults.next('permission_loss');
  const failure = failed(await me());
  assert.equal(failure.kind, 'user_do_not_have_permission');
  assert.equal(failure.code, 'user_do_not_have_permission');
  const statuses = await listStoreStatuses(app.runtime.connectDeps, connected.company.companyId);
  assert.deepEqual(
    statuses.map((s) => s.status),
    ['error', 'error'],
  );
  assert.match(statuses[0]?.message ?? '', /管理者/);
  await app.runtime.store.markStatus(
    connected.connection.id,
    { generation: null, status: 'connected', code: null, message: null },
    app.clock.now(),
  );
});

test('invalid_grant on refresh: `invalid_grant`; the stores are 期限切れ', async () => {
  faults.next('invalid_grant');
  app.clock.advanceMs(sixHoursMs);
  const failure = failed(await me());
  assert.equal(failure.kind, 'invalid_grant');
  const statuses = await listStoreStatuses(app.runtime.connectDeps, connected.company.companyId);
  assert.deepEqual(
    statuses.map((s) => [s.status, s.message]),
    [
      ['expired', 'アクセストークンの取得に失敗しました'],
      ['expired', 'アクセストークンの取得に失敗しました'],
    ],
  );
});
