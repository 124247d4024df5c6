// Goal: the company gate lets at most perCompanyMax runs of one company in, others unaffected, and a
// place is given back once (a double leave cannot open a second place).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCompanyGate, type Admission, type CompanyAdmission } from './company-gate.js';

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
      clock: { now: () => new Date(0) },
      store: {
        claimStoreDay: ({ companyId }: { companyId: string }) => {
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

// Goal: with the bound across processes (CompanyAdmission), the job module puts a run back when the
// company has no place anywhere (deferrals + 1), waits out a freee lock-out without counting it as a
// put-back (startAfter = the lock-out's end), gives this process's place back when refused, and
// releases the shared place when a run ends. Method: an admission double and a queue double.
test('the job module asks the shared admission and follows its answer', async () => {
  const { postingJobModule } = await import('./jobs.js');
  const { postingTimings } = await import('./timings.js');
  const timings = postingTimings({ scale: 0.01, requestTimeoutMs: 100 });
  type Handler = (data: object, job: { id: string; retryCount: number }) => Promise<void>;
  let handler: Handler | null = null;
  const enqueued: { data: Record<string, unknown>; startAfter?: number }[] = [];
  const queue = {
    enqueue: async (_name: string, data: object, options?: { startAfterSeconds?: number }) => {
      enqueued.push({
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
  const now = new Date('2025-01-10T15:00:00Z');
  const answers: Admission[] = [];
  const released: string[] = [];
  const shared: CompanyAdmission = {
    admit: async ({ companyId }) =>
      answers.shift() ?? {
        admitted: true,
        release: async () => {
          released.push(companyId);
        },
      },
  };
  const ran: string[] = [];
  const deps = () =>
    ({
      timings,
      clock: { now: () => now },
      store: {
        claimStoreDay: async ({ companyId }: { companyId: string }) => {
          ran.push(companyId);
          throw new Error('stop here');
        },
      },
    }) as never;
  const module = postingJobModule(deps, timings, { perProcess: 4, perCompany: 1, shared });
  await module.registerWorkers(queue as never);
  const run = handler as unknown as Handler;
  const job = (companyId: string) => ({
    companyId,
    storeCode: '0001',
    businessDate: '2025-01-10',
    reason: 'close',
  });
  answers.push({ admitted: false, until: null, roundsAhead: 0 });
  await run(job('A'), { id: '1', retryCount: 0 });
  assert.deepEqual(enqueued.pop(), { data: { ...job('A'), deferrals: 1 }, startAfter: 1 });
  // Later in the company's waiting line: asks again after about its rounds ahead (bounded).
  answers.push({ admitted: false, until: null, roundsAhead: 3 });
  await run(job('A'), { id: '1b', retryCount: 0 });
  assert.deepEqual(enqueued.pop(), { data: { ...job('A'), deferrals: 1 }, startAfter: 3 });
  answers.push({ admitted: false, until: null, roundsAhead: 50 });
  await run(job('A'), { id: '1c', retryCount: 0 });
  assert.deepEqual(enqueued.pop(), { data: { ...job('A'), deferrals: 1 }, startAfter: 8 });
  answers.push({ admitted: false, until: new Date(now.getTime() + 600_000), roundsAhead: 0 });
  await run(job('A'), { id: '2', retryCount: 0 });
  assert.deepEqual(enqueued.pop(), { data: { ...job('A'), deferrals: 0 }, startAfter: 600 });
  assert.deepEqual(ran, [], 'no run started while refused');
  await assert.rejects(run(job('A'), { id: '3', retryCount: 0 }), /stop here/);
  assert.deepEqual(ran, ['A'], 'this process gave its place back after each refusal');
  assert.deepEqual(released, ['A'], 'the shared place is released when the run ends');
});
