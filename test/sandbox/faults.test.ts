// Goal: each fault kind behaves over real HTTP as Uriage will meet it in production — errors with
// freee's bodies and nothing written, a throttle lock-out for 10 minutes of the clock, a slow
// response whose write still lands, a connection reset after the write (the deal exists although
// the client saw a socket error), tokens really expired/revoked; seeded faults are reproducible.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFaultPlan, type FaultPlan } from '../../src/sandbox/faults.js';
import { startSandboxServer } from '../../src/sandbox/server.js';
import { assertMatchesSchema } from './support/freee-schema.js';
import { call, login, refresh, startHarness, type Harness } from './support/harness.js';

type Rec = Record<string, unknown>;
const pollsMax = 50;

let h: Harness;
let faults: FaultPlan;
let token: string;
let cid: number;
let sales: number;
let refNo = 0;
const dealBody = () => ({
  company_id: cid,
  type: 'income',
  issue_date: '2025-06-10',
  ref_number: `f-${++refNo}`,
  details: [{ account_item_id: sales, tax_code: 129, amount: 1100 }],
});
const dealRefs = async () => {
  const reply = await call(h, token, 'GET', `/api/1/deals?company_id=${cid}&limit=100`);
  assert.equal(reply.status, 200);
  return (reply.body as { deals: Rec[] }).deals.map((d) => d.ref_number);
};
before(async () => {
  faults = createFaultPlan({ rate: 0, seed: 1, timeoutMs: 400 });
  h = await startHarness({ faults });
  token = (await login(h)).accessToken;
  cid = h.company.companyId;
  const accounts = (await call(h, token, 'GET', `/api/1/account_items?company_id=${cid}`)).body as {
    account_items: Rec[];
  };
  sales = accounts.account_items.find((a) => a.name === '売上高')?.id as number;
});
after(async () => {
  await h.close();
});

test('5xx and maintenance: freee bodies, nothing written', async () => {
  for (const kind of ['5xx', 'maintenance'] as const) {
    faults.next(kind);
    const body = dealBody();
    const reply = await call(h, token, 'POST', '/api/1/deals', body);
    assert.equal(reply.headers.get('x-sandbox-fault'), kind);
    if (reply.status === 500) assertMatchesSchema('/api/1/deals', 'post', 500, reply.body);
    else if (reply.status === 502) assert.match(String(reply.body), /502 Bad Gateway/);
    else {
      assert.equal(reply.status, 503);
      assertMatchesSchema('/api/1/manual_journals', 'post', 503, reply.body, 'open');
    }
    assert.equal((await dealRefs()).includes(body.ref_number), false);
  }
});

test('throttle: 403, then every call refused until 10 minutes pass on the clock', async () => {
  faults.next('throttle');
  const first = await call(h, token, 'GET', '/api/1/users/me');
  assert.equal(first.status, 403);
  assert.equal(typeof (first.body as Rec).message, 'string');
  h.clock.advanceMs(9 * 60 * 1000);
  assert.equal((await call(h, token, 'POST', '/api/1/deals', dealBody())).status, 403);
  h.clock.advanceMs(60 * 1000);
  assert.equal((await call(h, token, 'GET', '/api/1/users/me')).status, 200);
});

test('timeout: the client gives up, the write still lands after the delay', async () => {
  faults.next('timeout');
  const body = dealBody();
  await assert.rejects(
    fetch(`${h.url}/api/1/deals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(100),
    }),
    /abort|timeout/i,
  );
  let landed = false;
  for (let i = 0; i < pollsMax && !landed; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    landed = (await dealRefs()).includes(body.ref_number);
  }
  assert.ok(landed, 'the deal exists once the delay is over');
});

test('reset_after_write: socket error for the client, yet the deal exists (queued and by header)', async () => {
  for (const how of ['queued', 'header'] as const) {
    if (how === 'queued') faults.next('reset_after_write');
    const body = dealBody();
    await assert.rejects(
      call(
        h,
        token,
        'POST',
        '/api/1/deals',
        body,
        how === 'header' ? { 'X-Sandbox-Fault': 'reset_after_write' } : {},
      ),
      /fetch failed|socket|ECONNRESET|terminated/i,
    );
    assert.ok((await dealRefs()).includes(body.ref_number), `${how}: the write was applied`);
  }
});

test('reset_after_write on a refresh: the new tokens are lost, the old refresh token is spent', async () => {
  const tokens = await login(h);
  faults.next('reset_after_write');
  await assert.rejects(refresh(h, tokens.refreshToken), /fetch failed|socket|terminated/i);
  assert.equal((await refresh(h, tokens.refreshToken)).status, 401);
});

test('expired_token really expires the access token; a refresh recovers', async () => {
  const tokens = await login(h);
  faults.next('expired_token');
  const reply = await call(h, tokens.accessToken, 'GET', '/api/1/users/me');
  assert.deepEqual([reply.status, (reply.body as Rec).code], [401, 'expired_access_token']);
  assert.equal(
    (await call(h, tokens.accessToken, 'GET', '/api/1/users/me')).status,
    401,
    'retrying the same token does not help',
  );
  const rotated = await refresh(h, tokens.refreshToken);
  assert.equal(rotated.status, 200);
  assert.equal(
    (await call(h, rotated.body.access_token as string, 'GET', '/api/1/users/me')).status,
    200,
  );
});

test('invalid_grant revokes the refresh token: only a new authorization helps', async () => {
  const tokens = await login(h);
  faults.next('invalid_grant');
  const reply = await refresh(h, tokens.refreshToken);
  assert.deepEqual([reply.status, reply.body.error], [401, 'invalid_grant']);
  assert.equal((await refresh(h, tokens.refreshToken)).status, 401);
  assert.equal((await call(h, tokens.accessToken, 'GET', '/api/1/users/me')).status, 401);
  const again = await login(h);
  assert.equal((await call(h, again.accessToken, 'GET', '/api/1/users/me')).status, 200);
});

test('permission_loss: 401 user_do_not_have_permission, nothing written', async () => {
  faults.next('permission_loss');
  const body = dealBody();
  const reply = await call(h, token, 'POST', '/api/1/deals', body);
  assert.deepEqual([reply.status, (reply.body as Rec).code], [401, 'user_do_not_have_permission']);
  assert.equal((await dealRefs()).includes(body.ref_number), false);
});

test('the X-Sandbox-Fault header is ignored when faults are off', async () => {
  const plain = await startSandboxServer({ pool: h.db.pool, clock: h.clock, port: 0 });
  try {
    const reply = await fetch(`${plain.url}/api/1/users/me`, {
      headers: { authorization: `Bearer ${token}`, 'X-Sandbox-Fault': '5xx' },
    });
    assert.equal(reply.status, 200);
  } finally {
    await plain.close();
  }
});

test('seeded random faults are reproducible over HTTP', async () => {
  const statuses = async (seed: number) => {
    const plan = createFaultPlan({
      seed,
      rate: 0.5,
      kinds: ['5xx', 'maintenance', 'permission_loss'],
    });
    const server = await startSandboxServer({
      pool: h.db.pool,
      clock: h.clock,
      port: 0,
      faults: plan,
    });
    try {
      const seen: number[] = [];
      for (let i = 0; i < 30; i++)
        seen.push(
          (
            await fetch(`${server.url}/api/1/users/me`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).status,
        );
      return { seen, fired: plan.fired().map((f) => f.kind) };
    } finally {
      await server.close();
    }
  };
  const first = await statuses(11);
  assert.deepEqual(await statuses(11), first);
  assert.notDeepEqual((await statuses(12)).seen, first.seen);
  assert.ok(first.seen.some((s) => s === 200) && first.seen.some((s) => s !== 200));
});
