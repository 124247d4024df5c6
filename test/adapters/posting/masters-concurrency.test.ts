// Goal: creating 品目 / 取引先 in freee is safe under concurrency (issue #10 item 8): many store-days
// of a new 事業所 posted at once all need the same 【POS Reg】 items; none may fail with
// 「品目名が重複しています」 and each item exists once in the sandbox. Method: 20 store-days (4 stores
// × 5 days) closed, then posted by 4 concurrent workers through the use case the job runs; the
// sandbox's tables are then counted by name.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  checkout,
  closeOf,
  ingest,
  item,
  post,
  startPostingHarness,
  type PostingHarness,
} from './support.js';

const stores = ['0001', '0002', '0003', '0004'];
const dates = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10'];
const workersMax = 4;

let h: PostingHarness;
before(async () => {
  h = await startPostingHarness({ code: 'conc', stores });
});
after(async () => h.close());

async function inPool<T>(tasks: (() => Promise<T>)[], workers: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

describe('20 store-days of a new 事業所 posted at once by 4 workers', () => {
  it('none fails and each 【POS Reg】 item is created once', async () => {
    const days = stores.flatMap((store) => dates.map((date) => ({ store, date })));
    for (const [i, day] of days.entries()) {
      await ingest(h, [
        checkout(
          `c${i}`,
          day.store,
          day.date,
          [item(1100, 'standard10'), item(540, 'reduced8')],
          [
            { method: 'cash', amount: 640 },
            { method: 'credit', amount: 500 },
            { method: 'paypay', amount: 500 },
          ],
        ),
      ]);
      await closeOf(h, day.store, day.date, 0, 640);
    }
    const outcomes = await inPool(
      days.map((day) => () => post(h, day.store, day.date)),
      workersMax,
    );
    const failed = outcomes.filter((outcome) => outcome.status !== 'posted');
    assert.deepEqual(failed, []);
    const { rows } = await h.app.freeePool.query<{ name: string; n: number }>(
      `select name, count(*)::int as n from freee_sandbox.items
        where company_id = $1 and name like '【POS Reg】%' group by name order by name`,
      [h.connected.sandbox.companyId],
    );
    assert.ok(rows.length >= 3, JSON.stringify(rows));
    assert.deepEqual(
      rows.filter((row) => row.n !== 1),
      [],
    );
  });
});
