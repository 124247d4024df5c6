// Goal: the pure rules behind the guards and statuses: which dates freee accepts (fiscal years,
// 年度締め, 本締め日), how each freee failure ends a run (status, reason, when to retry), and the waits
// keeping their orderings when scaled. Method: table tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure } from './classify.js';
import type { FreeeCallFailure } from './ports.js';
import { postingTimings } from './timings.js';
import { fiscalGuard } from '../../domain/posting/fiscal-guard.js';

const years = [
  { start_date: '2023-04-01', end_date: '2024-03-31', is_closed: true, month_end_date: null },
  {
    start_date: '2024-04-01',
    end_date: '2025-03-31',
    is_closed: false,
    month_end_date: '2024-12-31',
  },
];

describe('fiscalGuard', () => {
  const cases: [string, string][] = [
    ['2023-03-31', 'outsideFiscalYear'],
    ['2025-04-01', 'outsideFiscalYear'],
    ['2023-10-10', 'periodClosed'],
    ['2024-12-31', 'periodClosed'],
    ['2024-06-01', 'periodClosed'],
    ['2025-01-01', 'open'],
    ['2025-03-31', 'open'],
  ];
  for (const [date, kind] of cases)
    it(`${date} → ${kind}`, () => assert.equal(fiscalGuard(years, date).kind, kind));
  it('no fiscal year at all → 当年会計期間外 with what to do', () => {
    const guard = fiscalGuard([], '2025-01-10');
    assert.equal(guard.kind, 'outsideFiscalYear');
    assert.match(guard.kind === 'outsideFiscalYear' ? guard.messageJa : '', /当年会計期間外/);
  });
});

describe('classifyFailure', () => {
  const now = new Date('2025-01-10T00:00:00Z');
  const timings = postingTimings();
  const failure = (
    kind: FreeeCallFailure['kind'],
    extra: Partial<FreeeCallFailure> = {},
  ): FreeeCallFailure => ({
    kind,
    status: null,
    code: null,
    messages: ['m'],
    requestId: null,
    retryAfterMs: null,
    ...extra,
  });
  const run = (f: FreeeCallFailure, ambiguousWrite = false, autoRetries = 0) =>
    classifyFailure({
      failure: f,
      ambiguousWrite,
      now,
      timings,
      autoRetries,
      counts: { calls: 1, writes: 0, closeVersion: 1 },
    });
  const waitOf = (o: ReturnType<typeof run>) =>
    o.retryAt ? o.retryAt.getTime() - now.getTime() : null;
  it('throttled → 再送待ち at least 10 minutes later', () => {
    const o = run(failure('throttled'));
    assert.equal(o.status, 'retry_wait');
    assert.ok((waitOf(o) ?? 0) >= 10 * 60_000);
  });
  it('maintenance → 再送待ち after 5 minutes', () =>
    assert.equal(waitOf(run(failure('maintenance'))), 5 * 60_000));
  it('network on a read → 再送待ち with doubling back-off, capped', () => {
    assert.equal(waitOf(run(failure('network'))), 30_000);
    assert.equal(waitOf(run(failure('server'), false, 2)), 120_000);
    assert.equal(waitOf(run(failure('network'), false, 30)), 30 * 60_000);
  });
  it('no answer to a write → 再送待ち after the settle time (ambiguous_write)', () => {
    const o = run(failure('network'), true);
    assert.equal(o.reasonCode, 'ambiguous_write');
    assert.equal(waitOf(o), timings.settleMs);
  });
  it('400 → 失敗 with freee messages, not retried', () => {
    const o = run(
      failure('validation', { messages: ['details[0].amount は整数で指定してください。'] }),
    );
    assert.equal(o.status, 'failed');
    assert.deepEqual(o.freeeMessages, ['details[0].amount は整数で指定してください。']);
    assert.equal(o.retryAt, null);
  });
  it('invalid_grant / an expired connection → 期限切れ; a second 401 after renewal → 再送待ち; permission → エラー with 管理者', () => {
    assert.equal(run(failure('invalid_grant')).status, 'expired');
    assert.equal(run(failure('expired_access_token')).status, 'retry_wait');
    assert.equal(
      run(failure('connection_unusable', { code: 'freee_connection_expired' })).status,
      'expired',
    );
    const permission = run(failure('user_do_not_have_permission'));
    assert.equal(permission.status, 'error');
    assert.match(permission.message ?? '', /管理者/);
  });
});

describe('postingTimings', () => {
  for (const scale of [1, 0.1, 0.01, 0.001]) {
    it(`scale ${scale}: settle ≥ 2 × request timeout, lease ≥ 2 × settle, job expiry ≥ 2 × lease, throttle scaled`, () => {
      const t = postingTimings({ scale, requestTimeoutMs: 3_000 });
      assert.ok(t.settleMs >= 6_000);
      assert.ok(t.leaseMs >= 2 * t.settleMs);
      assert.ok(t.jobExpireSeconds * 1000 >= 2 * t.leaseMs);
      assert.equal(t.throttleWaitMs, Math.max(1, Math.round(11 * 60_000 * scale)));
    });
  }
  it('production: throttle 11 min, settle 2 min, lease 5 min, expiry 15 min', () => {
    const t = postingTimings();
    assert.deepEqual(
      [t.throttleWaitMs, t.settleMs, t.leaseMs, t.jobExpireSeconds],
      [660_000, 120_000, 300_000, 900],
    );
  });
  it('refuses a scale outside (0, 1]', () =>
    assert.throws(() => postingTimings({ scale: 2 }), RangeError));
});
