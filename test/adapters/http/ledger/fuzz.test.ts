// Goal (issue 3 acceptance): 10,000 invalid checkout payloads over real HTTP give 0 responses 5xx,
// write 0 rows, and every error names the field that was broken.
// Method: valid checkouts from the domain's generator (test/domain/arbitraries.ts), each broken by
// one mutation that knows which field it broke: wrong types, missing fields, bad statuses, bad
// tenders, unknown methods/stores/registers, huge numbers, non-integer yen, unknown keys, bad dates.
// 9,600 go in batches of 500 (each item must come back rejected with an error at that field);
// 400 more are sent one per request, including bodies that are not checkouts at all.
// Seeded (FUZZ_SEED) so a failure can be replayed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeCheckoutTotals } from '../../../../src/domain/ledger/checkout-totals.js';
import type { Checkout } from '../../../../src/domain/ledger/types.js';
import { arbitraryCompletedCheckout } from '../../../support/domain/arbitraries.js';
import {
  apiSession,
  createTestCompany,
  startTestApp,
  type ApiSession,
  type TestApp,
} from '../../../support/app.js';
import { body, countRows } from '../../../support/ledger-fixtures.js';
import { seeded as prng } from '../../../support/prng.js';

const seed = Number(process.env.FUZZ_SEED ?? 20250110);
const batchedCount = 9_600;
const singleCount = 400;
const batchSize = 500;

let app: TestApp;
let admin: ApiSession;

before(async () => {
  app = await startTestApp();
  admin = await apiSession(app, await createTestCompany(app, 'fuzz'));
});
after(async () => app?.close());

type Payload = Record<string, unknown>;
interface Broken {
  payload: Payload;
  /** The field the error must name (relative to the item). */
  path: string;
  kind: string;
}

const wrongTypes: Record<string, unknown[]> = {
  id: [123, null, [], {}],
  revision: ['1', 1.5, null, true],
  storeCode: [1, null, {}],
  registerCode: [1, false],
  businessDate: [20250110, null, '2025/01/10'],
  startedAt: [true, 1736478000000, '2025-01-10 12:00'],
  completedAt: [5, {}, '2025-01-10T12:00:00'],
  status: [1, null, 'done', 'COMPLETED', ''],
  customerCount: ['2', -1, 10_001, 1.5],
  priceMode: [0, 'gross', null],
  lines: [{}, 'lines', null],
  payments: ['cash', {}, null],
  orderDiscount: ['100', 0.5, 1e20, null],
  redoes: [7, '', null],
  staffCode: [[], 5, 'x'.repeat(33)],
};
const required = [
  'id',
  'revision',
  'storeCode',
  'registerCode',
  'businessDate',
  'startedAt',
  'completedAt',
  'status',
  'customerCount',
  'lines',
  'payments',
];
const badQuantities = [0, 1.5, 1e6, -1e6, '2', null, 1e300];
const badUnitPrices = [-1, 99.5, 1e9, '100', null, Number.MAX_SAFE_INTEGER + 2];
const badAmounts = [0.5, 1e10, -1e10, '100', null, 100.25];

function mutate(base: Checkout, n: number, random: () => number): Broken {
  const c: Payload = structuredClone({ ...base, id: `fz-${n}` });
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines = c.lines as Payload[];
  const payments = c.payments as Payload[];
  const kind = pick([
    'type',
    'missing',
    'line',
    'payment',
    'method',
    'tender',
    'huge',
    'extra',
    'date',
    'place',
    'state',
    'id',
  ]);
  switch (kind) {
    case 'type': {
      const field = pick(Object.keys(wrongTypes));
      c[field] = pick(wrongTypes[field] as unknown[]);
      return { payload: c, path: field, kind: `${kind}:${field}` };
    }
    case 'missing': {
      const field = pick(required);
      delete c[field];
      return { payload: c, path: field, kind: `${kind}:${field}` };
    }
    case 'line': {
      if (lines.length === 0)
        lines.push({ name: '商品', quantity: 1, unitPrice: 100, taxCategory: 'standard10' });
      const i = Math.floor(random() * lines.length);
      const line = lines[i] as Payload;
      const field = pick(['quantity', 'unitPrice', 'taxCategory', 'name', 'discount', 'colour']);
      const value =
        field === 'quantity'
          ? pick(badQuantities)
          : field === 'unitPrice'
            ? pick(badUnitPrices)
            : field === 'taxCategory'
              ? pick(['tax5', 8, ''])
              : field === 'name'
                ? pick(['', 'x'.repeat(201), 3])
                : field === 'discount'
                  ? pick([0.5, 1e12, '10'])
                  : 'red';
      line[field] = value;
      return { payload: c, path: `lines[${i}].${field}`, kind: `${kind}:${field}` };
    }
    case 'payment': {
      if (payments.length === 0) payments.push({ method: 'cash', amount: 100 });
      const i = Math.floor(random() * payments.length);
      const payment = payments[i] as Payload;
      const field = pick(['amount', 'amount', 'method', 'extra']);
      if (field === 'amount') payment.amount = pick(badAmounts);
      else if (field === 'method') payment.method = pick(['', 'x'.repeat(33), 5]);
      else payment.tip = 100;
      return {
        payload: c,
        path: `payments[${i}].${field === 'extra' ? 'tip' : field}`,
        kind: `${kind}:${field}`,
      };
    }
    case 'method': {
      if (payments.length === 0) payments.push({ method: 'cash', amount: 100 });
      const i = Math.floor(random() * payments.length);
      (payments[i] as Payload).method = pick(['bitcoin', 'CASH', 'gift', 'paypay2']);
      return { payload: c, path: `payments[${i}].method`, kind };
    }
    case 'tender': {
      const totalYen = computeCheckoutTotals(base, 'floor').totalYen;
      if (totalYen > 1) {
        c.payments = [{ method: 'cash', amount: totalYen - 1 }];
        return { payload: c, path: 'payments', kind: 'tender:short' };
      }
      // A ¥0 tender is valid (spec §2 step 6): a fraction of a yen is not.
      c.payments = [{ method: 'cash', amount: 0.5 }];
      return { payload: c, path: 'payments[0].amount', kind: 'tender:fraction' };
    }
    case 'huge': {
      const field = pick(['revision', 'customerCount', 'orderDiscount']);
      c[field] = pick(
        field === 'revision' ? [1e300, -1e300, 2 ** 60] : [1e300, -1e300, 2 ** 60, 1e15],
      );
      return { payload: c, path: field, kind: `${kind}:${field}` };
    }
    case 'extra': {
      const key = pick(['total', 'tax', 'storeId', '__proto__x']);
      c[key] = 1;
      return { payload: c, path: key, kind };
    }
    case 'date': {
      const field = pick(['businessDate', 'startedAt']);
      c[field] =
        field === 'businessDate'
          ? pick(['2025-02-30', '2025-13-01', '0000-00-00'])
          : pick(['2025-01-10T25:00:00+09:00', 'yesterday', '2025-01-10T12:00:00']);
      return { payload: c, path: field, kind: `${kind}:${field}` };
    }
    case 'place': {
      const field = pick(['storeCode', 'registerCode']);
      c[field] = pick(['9999', 'zz', '00001']);
      return { payload: c, path: field, kind: `${kind}:${field}` };
    }
    case 'state': {
      c.completedAt = null;
      return { payload: c, path: 'completedAt', kind: 'state:completed-without-time' };
    }
    default: {
      const field = pick(['id', 'revision']);
      c[field] = field === 'id' ? pick(['', 'x'.repeat(65)]) : pick([0, -3]);
      return { payload: c, path: field, kind: `id:${field}` };
    }
  }
}

function brokenPayloads(count: number, offset: number): Broken[] {
  const bases = fc.sample(arbitraryCompletedCheckout('floor'), {
    numRuns: count,
    seed: seed + offset,
  });
  const random = prng(seed + offset);
  return bases.map((base, i) => mutate(base, offset + i, random));
}

const namesField = (errorPath: string, expected: string) =>
  errorPath === expected ||
  errorPath.startsWith(`${expected}.`) ||
  errorPath.startsWith(`${expected}[`);

test(`${batchedCount + singleCount} invalid payloads: no 5xx, nothing written, every error names its field`, async () => {
  const kinds = new Map<string, number>();
  const broken = brokenPayloads(batchedCount, 0);
  for (let start = 0; start < broken.length; start += batchSize) {
    const batch = broken.slice(start, start + batchSize);
    const response = await admin.request('POST', '/api/v1/checkouts', {
      checkouts: batch.map((b) => b.payload),
    });
    assert.equal(response.status, 200);
    const report = await body(response);
    assert.equal(
      report.rejected,
      batch.length,
      `batch at ${start}: ${JSON.stringify(report.results.find((r: { result: string }) => r.result !== 'rejected'))}`,
    );
    batch.forEach((b, i) => {
      const fields: { path: string }[] = report.results[i].error.fields;
      const expected = `checkouts[${i}].${b.path}`;
      assert.ok(
        fields.length > 0 && fields.every((f) => f.path.startsWith(`checkouts[${i}]`)),
        `${b.kind}: ${JSON.stringify(fields)}`,
      );
      assert.ok(
        fields.some((f) => namesField(f.path, expected)),
        `${b.kind}: expected ${expected}, got ${JSON.stringify(fields)} for ${JSON.stringify(b.payload).slice(0, 400)}`,
      );
      kinds.set(
        b.kind.split(':')[0] ?? b.kind,
        (kinds.get(b.kind.split(':')[0] ?? b.kind) ?? 0) + 1,
      );
    });
  }
  const singles = brokenPayloads(singleCount - 40, batchedCount);
  for (const b of singles) {
    const response = await admin.request('POST', '/api/v1/checkouts', b.payload);
    assert.ok(response.status >= 400 && response.status < 500, `${b.kind}: ${response.status}`);
    const { error } = await body(response);
    assert.ok(
      error.fields.some((f: { path: string }) => namesField(f.path, b.path)),
      `${b.kind}: expected ${b.path}, got ${JSON.stringify(error.fields)}`,
    );
  }
  const notCheckouts = [
    'null',
    '0',
    '"checkout"',
    '[]',
    '[{}]',
    'true',
    '{',
    '{"id":',
    '\u0000',
    '{"checkouts":null}',
    '{"checkouts":[1,2]}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    JSON.stringify({ a: 1 }),
    JSON.stringify({ checkouts: [[]] }),
  ];
  for (let i = 0; i < 40; i += 1) {
    const text = notCheckouts[i % notCheckouts.length] as string;
    const response = await fetch(`${app.url}/api/v1/checkouts`, {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
      },
      body: text,
    });
    const payload = await body(response);
    if (response.status === 200) {
      // a well-formed batch envelope of items that are not checkouts: every item refused, by index
      assert.equal(payload.rejected, payload.results.length, text);
      payload.results.forEach((r: { error: { fields: { path: string }[] } }, index: number) =>
        assert.ok(
          r.error.fields.every((f) => f.path.startsWith(`checkouts[${index}]`)),
          text,
        ),
      );
    } else {
      assert.ok(
        response.status >= 400 && response.status < 500,
        `${JSON.stringify(text.slice(0, 30))}: ${response.status}`,
      );
      assert.ok(payload.error && Array.isArray(payload.error.fields), text.slice(0, 30));
    }
  }
  assert.equal(await countRows(app, 'checkouts'), 0);
  assert.equal(await countRows(app, 'checkout_revisions'), 0);
  for (const kind of [
    'type',
    'missing',
    'line',
    'payment',
    'method',
    'tender',
    'huge',
    'extra',
    'date',
    'place',
    'state',
    'id',
  ])
    assert.ok((kinds.get(kind) ?? 0) > 100, `${kind} exercised`);
});
