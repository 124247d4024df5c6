// Goal: URIAGE_SANDBOX_SERVICE gives the sandbox freee's service behaviour — a latency per call,
// caps per company × application (day by plan, optional hour) answered with freee's 403 and a
// lock-out measured by the clock, bounded concurrent requests per company × application — and the
// call is counted against the company it acts on (company_id, path, or x-freee-company-id).
// Method: the spec parser as a table; the plan's counters directly (3,000 / 10,000 calls); the
// rest over real HTTP against a sandbox with a fixed clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { createServicePlan } from '../../src/sandbox/service.js';
import { parseServiceSpec, ServiceSpecError } from '../../src/sandbox/service-spec.js';
import { call, login, startHarness, type Harness } from './support/harness.js';

test('the spec: keys, plans, and refusals naming the key', () => {
  const config = parseServiceSpec(
    'latency_ms=150,tail=0.6,plan=advance,plans=3000001:enterprise|3000002:basic,hour_cap=500,concurrency=4,lock_ms=1000,seed=9',
  );
  assert.equal(config.latencyMedianMs, 150);
  assert.equal(config.latencyTail, 0.6);
  assert.equal(config.plan, 'advance');
  assert.equal(config.plans.get(3000001), 'enterprise');
  assert.equal(config.plans.get(3000002), 'basic');
  assert.equal(config.hourCap, 500);
  assert.equal(config.concurrency, 4);
  assert.equal(config.lockMs, 1000);
  for (const [spec, pattern] of [
    ['plan=gold', /unknown plan "gold"/],
    ['latency_ms=-1', /latency_ms must be an integer/],
    ['tail=9', /tail must be a number/],
    ['speed=1', /unknown key "speed"/],
    ['plans=abc', /plans: expected/],
    ['concurrency', /expected key=value/],
  ] as const)
    assert.throws(
      () => parseServiceSpec(spec),
      (error: Error) => {
        assert.ok(error instanceof ServiceSpecError);
        assert.match(error.message, pattern);
        return true;
      },
    );
});

test('daily caps by plan per company × app; over the cap → locked out until lock_ms has passed', async () => {
  const plan = createServicePlan({ plans: new Map([[2, 'enterprise']]), lockMs: 600_000 });
  const now = new Date('2025-06-15T03:00:00Z');
  const basic = { companyId: 1, clientId: 'app' };
  for (let i = 0; i < 3_000; i += 1) {
    const admission = await plan.admit(basic, now);
    assert.ok(admission.ok, `call ${i + 1} of 3,000 admitted`);
    admission.release();
  }
  assert.deepEqual(await plan.admit(basic, now), { ok: false, refusal: 'day_cap' });
  const otherApp = await plan.admit({ companyId: 1, clientId: 'other' }, now);
  assert.ok(otherApp.ok, 'another application of the same company has its own cap');
  for (let i = 0; i < 10_000; i += 1) {
    const admission = await plan.admit({ companyId: 2, clientId: 'app' }, now);
    assert.ok(admission.ok, `enterprise call ${i + 1} admitted`);
    admission.release();
  }
  assert.equal((await plan.admit({ companyId: 2, clientId: 'app' }, now)).ok, false);
  assert.deepEqual(await plan.admit(basic, new Date('2025-06-15T03:09:59Z')), {
    ok: false,
    refusal: 'locked',
  });
  const nextJstDay = new Date('2025-06-15T15:00:00Z');
  assert.ok((await plan.admit(basic, nextJstDay)).ok, 'lock over, a new JST day');
  const usage = plan.usage().find((u) => u.companyId === 1 && u.clientId === 'app');
  assert.equal(usage?.dayPeak, 3_000);
  assert.equal(usage?.callsTotal, 3_001);
  assert.equal(usage?.throttled, 2);
  assert.equal(usage?.dayCap, 3_000);
});

test('an hourly cap: refused, locked for lock_ms by the clock, admitted in the next hour', async () => {
  const plan = createServicePlan({ hourCap: 2, lockMs: 60_000 });
  const key = { companyId: 7, clientId: 'app' };
  const t0 = new Date('2025-06-15T03:10:00Z');
  assert.ok((await plan.admit(key, t0)).ok);
  assert.ok((await plan.admit(key, t0)).ok);
  assert.deepEqual(await plan.admit(key, t0), { ok: false, refusal: 'hour_cap' });
  const inLock = new Date(t0.getTime() + 59_000);
  assert.deepEqual(await plan.admit(key, inLock), { ok: false, refusal: 'locked' });
  const nextHour = new Date('2025-06-15T04:00:00Z');
  assert.ok((await plan.admit(key, nextHour)).ok, 'lock over and a new hour');
  const usage = plan.usage()[0];
  assert.equal(usage?.hourPeak, 2);
  assert.equal(usage?.throttled, 2);
  assert.equal(usage?.callsTotal, 3);
});

let h: Harness;
const service = createServicePlan({
  latencyMedianMs: 120,
  latencyTail: 0,
  hourCap: 6,
  concurrency: 1,
  lockMs: 600_000,
});
before(async () => {
  h = await startHarness({ service });
});
after(async () => {
  await h.close();
});

test('over HTTP: latency, one request at a time per company × app, 403 over the cap, x-freee-company-id', async () => {
  const tokens = await login(h);
  const companyId = h.company.companyId;
  const started = performance.now();
  const replies = await Promise.all(
    [1, 2, 3].map(() =>
      call(h, tokens.accessToken, 'GET', '/api/1/users/me', undefined, {
        'x-freee-company-id': String(companyId),
      }),
    ),
  );
  const elapsedMs = performance.now() - started;
  assert.deepEqual(
    replies.map((r) => r.status),
    [200, 200, 200],
  );
  assert.ok(elapsedMs >= 3 * 120 - 5, `3 calls served one at a time, each 120 ms: ${elapsedMs} ms`);
  const [usage] = service.usage();
  assert.equal(usage?.companyId, companyId, 'counted against the header company');
  assert.equal(usage?.inFlightPeak, 1);
  for (const path of [
    `/api/1/deals?company_id=${companyId}`,
    `/api/1/taxes/companies/${companyId}`,
    `/api/1/walletables?company_id=${companyId}`,
  ])
    assert.equal((await call(h, tokens.accessToken, 'GET', path)).status, 200, path);
  const over = await call(h, tokens.accessToken, 'GET', `/api/1/companies/${companyId}`);
  assert.equal(over.status, 403);
  assert.deepEqual(Object.keys(over.body as object), ['message']);
  assert.equal(over.headers.get('x-sandbox-throttle'), 'hour_cap');
  h.clock.advanceMs(9 * 60_000);
  assert.equal((await call(h, tokens.accessToken, 'GET', '/api/1/companies')).status, 403);
  h.clock.advanceMs(60 * 60_000);
  assert.equal((await call(h, tokens.accessToken, 'GET', '/api/1/companies')).status, 200);
  assert.equal(service.usage()[0]?.throttled, 2);
});
