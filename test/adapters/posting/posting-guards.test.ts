// Goal: posting.md "Guards and errors": a day outside the fiscal years or in a closed month sends
// nothing (当年会計期間外 / 締め済み); a rejected refresh token → 期限切れ with the seed's message; a freee
// user without rights → エラー with the 管理者 hint; a 400 → 失敗 with freee's messages, re-runnable
// after fixing the mapping; throttle / maintenance → 再送待ち, at least 10 minutes after a throttle.
// Method: the sandbox's own switches (closeSandboxPeriod, setSandboxMember, faults) over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freeeMessages } from '../../../src/app/freee/model.js';
import { getPostingSettings, savePostingSettings } from '../../../src/app/posting/settings.js';
import { postingTimings } from '../../../src/app/posting/timings.js';
import { postingSettingsDepsOf } from '../../support/deps.js';
import {
  closeSandboxPeriod,
  createFaultPlan,
  setSandboxMember,
} from '../../../src/sandbox/index.js';
import {
  booksViolations,
  checkout,
  closeOf,
  dealCount,
  ingest,
  item,
  post,
  startPostingHarness,
  type PostingHarness,
} from './support.js';

const pay = (method: string, amount: number) => ({ method, amount });

async function closedDay(h: PostingHarness, date: string, id: string) {
  await ingest(h, [
    checkout(id, '0001', date, [item(1100, 'standard10')], [pay('credit', 1100)]),
    checkout(`${id}c`, '0001', date, [item(500, 'reduced8')], [pay('cash', 500)]),
  ]);
  return closeOf(h, '0001', date, 1000, 1500);
}

async function statusRow(h: PostingHarness, date: string) {
  const { rows } = await h.app.db.pool.query<{
    status: string;
    message: string | null;
    freee_messages: string[];
    next_attempt_at: Date | null;
  }>(
    'select status, message, freee_messages, next_attempt_at from posting_days where business_date = $1',
    [date],
  );
  return rows[0];
}

describe('fiscal-year guards: nothing is sent', () => {
  let h: PostingHarness;
  before(async () => {
    h = await startPostingHarness();
  });
  after(async () => h.close());

  it('a day before every fiscal year of the 事業所 → 当年会計期間外, no call writes', async () => {
    await closedDay(h, '2023-03-10', 'g1');
    const outcome = await post(h, '0001', '2023-03-10');
    assert.equal(outcome.status, 'outside_fiscal_year');
    assert.equal(outcome.writes, 0);
    assert.match(outcome.message ?? '', /当年会計期間外/);
    assert.equal((await statusRow(h, '2023-03-10'))?.status, 'outside_fiscal_year');
    assert.equal(await dealCount(h), 0);
  });
  it('a day in a closed month (本締め) → 締め済み; after the month is reopened the re-run posts it', async () => {
    const { report } = await closedDay(h, '2025-01-10', 'g2');
    await closeSandboxPeriod(h.app.freeePool, {
      companyId: h.connected.sandbox.companyId,
      date: '2025-01-10',
      monthEndDate: '2025-01-31',
    });
    const outcome = await post(h, '0001', '2025-01-10');
    assert.equal(outcome.status, 'period_closed');
    assert.equal(outcome.writes, 0);
    assert.match(outcome.message ?? '', /月締め済み/);
    assert.equal(await dealCount(h), 0);
    await closeSandboxPeriod(h.app.freeePool, {
      companyId: h.connected.sandbox.companyId,
      date: '2025-01-10',
      monthEndDate: null,
    });
    assert.equal((await post(h, '0001', '2025-01-10')).status, 'posted');
    assert.deepEqual((await booksViolations(h, report)).violations, []);
  });
  it('a day in a closed fiscal year (年度締め) → 締め済み', async () => {
    await closedDay(h, '2024-03-11', 'g3');
    await closeSandboxPeriod(h.app.freeePool, {
      companyId: h.connected.sandbox.companyId,
      date: '2024-03-11',
      yearClosed: true,
    });
    const before = await dealCount(h);
    const outcome = await post(h, '0001', '2024-03-11');
    assert.equal(outcome.status, 'period_closed');
    assert.equal(await dealCount(h), before);
  });
});

describe('a 400 from freee: 失敗 with its messages, re-runnable after fixing the mapping', () => {
  let h: PostingHarness;
  before(async () => {
    h = await startPostingHarness();
  });
  after(async () => h.close());

  it('金券等差額 mapped to a bank account item → freee refuses the unsettled deal; mapping fixed → posted', async () => {
    const date = '2025-01-23';
    await ingest(h, [
      checkout('v1', '0001', date, [item(300, 'standard10')], [pay('giftNoChange', 500)]),
    ]);
    const { report } = await closeOf(h, '0001', date, 0, 0);
    const deps = postingSettingsDepsOf(h.app.services);
    const current = (await getPostingSettings(deps, h.companyId)).settings;
    await savePostingSettings(
      deps,
      h.companyId,
      {
        ...current,
        accountNames: { ...current.accountNames, voucherShortfall: 'サンドボックス銀行' },
      },
      'test',
    );
    const failed = await post(h, '0001', date);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.reasonCode, 'validation');
    assert.ok(failed.freeeMessages.length > 0);
    const row = await statusRow(h, date);
    assert.equal(row?.status, 'failed');
    assert.deepEqual(row?.freee_messages, failed.freeeMessages);
    assert.equal(await dealCount(h), 0);
    await savePostingSettings(deps, h.companyId, current, 'test');
    assert.equal((await post(h, '0001', date)).status, 'posted');
    assert.deepEqual((await booksViolations(h, report)).violations, []);
  });
});

describe('throttle and maintenance: 再送待ち, retried automatically', () => {
  const faults = createFaultPlan();
  let h: PostingHarness;
  before(async () => {
    h = await startPostingHarness({ faults });
    h.app.services.postingTimings = postingTimings();
  });
  after(async () => h.close());

  it('a 403 lock-out → 再送待ち, the next attempt at least 10 minutes later, nothing written', async () => {
    await closedDay(h, '2025-01-24', 't1');
    faults.next('throttle');
    const outcome = await post(h, '0001', '2025-01-24');
    assert.equal(outcome.status, 'retry_wait');
    assert.equal(outcome.reasonCode, 'throttled');
    assert.ok((outcome.retryAt?.getTime() ?? 0) - h.app.clock.now().getTime() >= 10 * 60_000);
    assert.ok((await statusRow(h, '2025-01-24'))?.next_attempt_at);
    assert.equal(await dealCount(h), 0);
    faults.reset();
  });
  it('a 503 → 再送待ち (maintenance); the retry posts the day', async () => {
    faults.next('maintenance');
    const outcome = await post(h, '0001', '2025-01-24');
    assert.equal(outcome.reasonCode, 'maintenance');
    assert.equal(outcome.status, 'retry_wait');
    assert.equal((await post(h, '0001', '2025-01-24')).status, 'posted');
  });
});

describe('connection guards', () => {
  it('refresh token rejected (invalid_grant) → 期限切れ with アクセストークンの取得に失敗しました; later runs call nothing', async () => {
    const faults = createFaultPlan();
    const h = await startPostingHarness({ faults });
    try {
      await closedDay(h, '2025-01-27', 'e1');
      h.app.clock.advanceMs(7 * 60 * 60_000);
      faults.next('invalid_grant');
      const outcome = await post(h, '0001', '2025-01-27');
      assert.equal(outcome.status, 'expired', JSON.stringify(outcome));
      assert.match(outcome.message ?? '', new RegExp(freeeMessages.tokenRefreshFailed));
      const again = await post(h, '0001', '2025-01-27');
      assert.equal(again.status, 'expired');
      assert.equal(again.calls, 0);
      assert.equal(await dealCount(h), 0);
    } finally {
      await h.close();
    }
  });
  it('the freee user lost its rights (401 user_do_not_have_permission) → エラー asking for 管理者 rights', async () => {
    const h = await startPostingHarness();
    try {
      await closedDay(h, '2025-01-28', 'p1');
      await setSandboxMember(h.app.freeePool, {
        companyId: h.connected.sandbox.companyId,
        userId: h.connected.sandbox.userId,
        role: 'read_only',
      });
      const outcome = await post(h, '0001', '2025-01-28');
      assert.equal(outcome.status, 'error', JSON.stringify(outcome));
      assert.match(outcome.message ?? '', /管理者/);
      assert.equal(await dealCount(h), 0);
    } finally {
      await h.close();
    }
  });
});
