// Goal: the job's runs reuse a 事業所's masters (company-info-cache.ts) — issue 15 item 3, calls per
// store-day. A run that created 品目 / 取引先 drops the kept copy (the next run reads them); the next
// run reads and keeps; the one after makes no read at all (calls = its writes); without the cache
// every run reads (calls = writes + 2: companies/{id} + taxes/companies); after the fresh time it
// reads again. The books hold every deal once. Method: the posting harness (company `pos`, stores
// 0001–0004 on one sandbox 事業所), one cash checkout per store, an injected clock for the fresh time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  companyInfoFreshMs,
  createCompanyInfoCache,
} from '../../../src/app/posting/company-info-cache.js';
import { postStoreDay } from '../../../src/app/posting/post-day.js';
import { postingDepsOf } from '../../support/deps.js';
import {
  booksViolations,
  checkout,
  closeOf,
  ingest,
  item,
  startPostingHarness,
  type PostingHarness,
} from './support.js';

let h: PostingHarness;
before(async () => {
  h = await startPostingHarness({ stores: ['0001', '0002', '0003', '0004', '0005'] });
});
after(async () => h.close());

test('runs of one company reuse its masters a short while; without the cache each run reads', async () => {
  const date = '2025-01-20';
  const stores = ['0001', '0002', '0003', '0004', '0005'];
  const reports = [];
  for (const store of stores) {
    await ingest(h, [
      checkout(
        `r-${store}`,
        store,
        date,
        [item(1100, 'standard10')],
        [{ method: 'cash', amount: 1100 }],
      ),
    ]);
    reports.push((await closeOf(h, store, date, 10000, 11100)).report);
  }
  let nowMs = Date.parse('2025-01-20T15:00:00Z');
  const clock = { now: () => new Date(nowMs) };
  const base = { ...postingDepsOf(h.app.services), clock };
  const cached = { ...base, companyInfo: createCompanyInfoCache() };
  const run = (deps: typeof base, storeCode: string) =>
    postStoreDay(deps, { companyId: h.companyId, storeCode, businessDate: date });

  const first = await run(cached, '0001');
  assert.equal(first.status, 'posted');
  assert.ok(first.writes > 1, 'the first run created the 品目 / 取引先 and its deal');
  const second = await run(cached, '0002');
  assert.equal(second.status, 'posted');
  assert.equal(
    second.calls,
    second.writes + 2,
    'masters were created: the copy was dropped, read again',
  );
  const third = await run(cached, '0003');
  assert.equal(third.status, 'posted');
  assert.equal(third.calls, third.writes, 'the kept masters are reused: no read');
  const uncached = await run(base, '0004');
  assert.equal(uncached.calls, uncached.writes + 2, 'without the cache each run reads');
  nowMs += companyInfoFreshMs;
  const stale = await run(cached, '0005');
  assert.equal(stale.calls, stale.writes + 2, 'after the fresh time the masters are read again');
  for (const report of reports) {
    const { violations } = await booksViolations(h, report);
    assert.deepEqual(violations, []);
  }
});
