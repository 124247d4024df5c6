// Goal: the company gate lets at most perCompanyMax runs of one company in, others unaffected, and a
// place is given back once (a double leave cannot open a second place).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCompanyGate } from './company-gate.js';

test('at most perCompanyMax runs per company; other companies pass; leave is idempotent', () => {
  const gate = createCompanyGate(2);
  const a1 = gate.enter('A');
  const a2 = gate.enter('A');
  assert.ok(a1 && a2);
  assert.equal(gate.enter('A'), null, 'a third run of A is refused');
  const b1 = gate.enter('B');
  assert.ok(b1, 'B is not held up by A');
  a1();
  a1();
  assert.equal(gate.running('A'), 1);
  const a3 = gate.enter('A');
  assert.ok(a3);
  assert.equal(gate.enter('A'), null, 'the double leave did not open a second place');
  assert.throws(() => createCompanyGate(0), RangeError);
});

// Goal: through the posting job module, a company over its share is not waited for: the job is put
// back (deferrals + 1, startAfter) at once, while another company's job runs; the (N+1)th put-back
// past companyDeferralsMax runs anyway. Method: a queue double that records work/enqueue; runs that
// never finish (a store lookup that hangs) hold company A's places.
test('the job module defers a company over its share and lets other companies run', async () => {
  const { postingJobModule, companyDeferralsMax } = await import('./jobs.js');
  const { postingTimings } = await import('./timings.js');
  const timings = postingTimings({ scale: 0.01, requestTimeoutMs: 100 });
  type Handler = (data: object, job: { id: string; retryCount: number }) => Promise<void>;
  let handler: Handler | null = null;
  const enqueued: { name: string; data: Record<string, unknown>; startAfter?: number }[] = [];
  const queue = {
    enqueue: async (name: string, data: object, options?: { startAfterSeconds?: number }) => {
      enqueued.push({
        name,
        data: data as Record<string, unknown>,
        ...(options?.startAfterSeconds !== undefined
          ? { startAfter: options.startAfterSeconds }
          : {}),
      });
      return 'job';
    },
    work: async (_name: string, registered: Handler) => {
      handler ??= registered;
    },
    stop: async () => {},
  };
  const lookups: string[] = [];
  const deps = () =>
    ({
      timings,
      sources: {
        findStore: (companyId: string) => {
          lookups.push(companyId);
          return new Promise(() => {});
        },
      },
    }) as never;
  const module = postingJobModule(deps, timings, { perProcess: 4, perCompany: 2 });
  await module.registerWorkers(queue as never);
  const run = handler as unknown as Handler;
  const job = (companyId: string, deferrals?: number) => ({
    companyId,
    storeCode: '0001',
    businessDate: '2025-01-10',
    reason: 'close',
    ...(deferrals === undefined ? {} : { deferrals }),
  });
  void run(job('A'), { id: '1', retryCount: 0 });
  void run(job('A'), { id: '2', retryCount: 0 });
  await run(job('A'), { id: '3', retryCount: 0 });
  assert.equal(enqueued.length, 1, 'the third run of A is put back');
  assert.equal(enqueued[0]?.data.deferrals, 1);
  assert.equal(enqueued[0]?.startAfter, 1);
  void run(job('B'), { id: '4', retryCount: 0 });
  void run(job('A', companyDeferralsMax), { id: '5', retryCount: 0 });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(lookups, ['A', 'A', 'B', 'A'], 'B runs; A past the put-back bound runs too');
  assert.equal(enqueued.length, 1);
});
