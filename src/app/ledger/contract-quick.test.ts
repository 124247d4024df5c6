// Goal: the quick pass (contract-quick.ts) never accepts what CheckoutContract refuses, and when it
// accepts it outputs exactly what zod outputs (same JSON text, so the same content hash); on
// well-formed checkouts it does accept (else ingest would silently fall back to zod every time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CheckoutContract } from './contract.js';
import { quickCheckout } from './contract-quick.js';
import { arbitraryCompletedCheckout } from '../../../test/support/domain/arbitraries.js';
import { reversedKeys } from '../../../test/support/reversed-keys.js';

/** Boundary values and wrong types (as the contract test's pool), plus unsafe text and instants. */
const values: unknown[] = [
  null,
  true,
  'x',
  '',
  'x'.repeat(32),
  'x'.repeat(33),
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(200),
  'x'.repeat(201),
  'a\u0000b',
  'a\uD800b',
  '😀',
  [],
  {},
  [{}],
  0,
  -0,
  1,
  -1,
  1.5,
  2,
  10_000,
  10_001,
  100_000,
  100_001,
  -100_000,
  -100_001,
  100_000_000,
  100_000_001,
  -100_000_001,
  1_000_000_000,
  1_000_000_001,
  -1_000_000_001,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  'pending',
  'completed',
  'gross',
  'inclusive',
  'exclusive',
  'standard10',
  'nonSales',
  'tax5',
  '2025-01-10',
  '2025/01/10',
  '2025-02-29',
  '2024-02-29',
  '2025-01-10T12:00:00+09:00',
  '2025-01-10T03:00:00.123456Z',
  '2025-01-10T12:00:00',
  '2025-13-10T12:00:00+09:00',
  '2025-01-10T24:00:00Z',
];

const fieldPaths = [
  'id',
  'revision',
  'storeCode',
  'registerCode',
  'staffCode',
  'businessDate',
  'startedAt',
  'completedAt',
  'status',
  'redoes',
  'customerCount',
  'priceMode',
  'lines',
  'orderDiscount',
  'payments',
  'extraKey',
  '__proto__',
  'lines.0',
  'lines.0.sku',
  'lines.0.name',
  'lines.0.quantity',
  'lines.0.unitPrice',
  'lines.0.taxCategory',
  'lines.0.discount',
  'lines.0.extraKey',
  'payments.0',
  'payments.0.method',
  'payments.0.amount',
  'payments.0.extraKey',
];

function set(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object') return;
    node = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1] as string;
  if (value === undefined) delete node[last];
  else
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

const payloadOf = (base: object, extra: Record<string, unknown>) =>
  JSON.parse(
    JSON.stringify({
      ...base,
      id: 'c-1',
      storeCode: '0001',
      registerCode: '01',
      startedAt: '2025-01-10T12:00:00+09:00',
      ...extra,
    }),
  ) as Record<string, unknown>;

test('quick pass: well-formed checkouts (any key order, with or without priceMode) give zod output', () => {
  let asSent = 0;
  fc.assert(
    fc.property(
      arbitraryCompletedCheckout('floor'),
      fc.record({
        staffCode: fc.option(fc.constantFrom('s1', ''), { nil: undefined }),
        redoes: fc.option(fc.constant('c-0'), { nil: undefined }),
        dropPriceMode: fc.boolean(),
        order: fc.constantFrom('generated', 'reversed', 'schema'),
      }),
      (base, options) => {
        let payload = payloadOf(base, {
          ...(options.staffCode !== undefined ? { staffCode: options.staffCode } : {}),
          ...(options.redoes !== undefined ? { redoes: options.redoes } : {}),
        });
        if (options.dropPriceMode) delete payload.priceMode;
        if (options.order === 'reversed')
          payload = reversedKeys(payload) as Record<string, unknown>;
        if (options.order === 'schema')
          payload = JSON.parse(JSON.stringify(CheckoutContract.parse(payload))) as Record<
            string,
            unknown
          >;
        const quick = quickCheckout(payload);
        const parsed = CheckoutContract.parse(payload);
        assert.notEqual(quick, null, JSON.stringify(payload));
        assert.equal(JSON.stringify(quick), JSON.stringify(parsed));
        assert.deepEqual(quick, parsed);
        // Sent exactly as zod outputs it: the object itself is the output (no copy).
        if (JSON.stringify(payload) === JSON.stringify(parsed)) {
          assert.equal(quick, payload);
          asSent += 1;
        } else assert.notEqual(quick, payload);
      },
    ),
    { numRuns: 1000 },
  );
  assert.ok(asSent > 100, `sent in the schema's order: ${asSent}`);
});

test('quick pass: a checkout broken at up to three fields is vouched for only when zod accepts it, with its output', () => {
  let vouched = 0;
  let refused = 0;
  fc.assert(
    fc.property(
      arbitraryCompletedCheckout('floor'),
      fc.array(
        fc.tuple(
          fc.constantFrom(...fieldPaths),
          fc.oneof(fc.constantFrom(...values), fc.constant(undefined)),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      (base, edits) => {
        const payload = payloadOf(base, {
          lines:
            base.lines.length > 0
              ? base.lines
              : [{ name: 'x', quantity: 1, unitPrice: 1, taxCategory: 'exempt' }],
          payments: [{ method: 'cash', amount: 1 }],
        });
        for (const [path, value] of edits) set(payload, path, structuredClone(value));
        const quick = quickCheckout(payload);
        const parsed = CheckoutContract.safeParse(payload);
        if (quick === null) {
          if (!parsed.success) refused += 1;
          return;
        }
        vouched += 1;
        assert.ok(parsed.success, `quick accepted what zod refuses: ${JSON.stringify(edits)}`);
        assert.equal(JSON.stringify(quick), JSON.stringify(parsed.data), JSON.stringify(edits));
      },
    ),
    { numRuns: 4000 },
  );
  // Both sides were reached: the pool breaks checkouts and leaves some of them valid.
  assert.ok(vouched > 100 && refused > 100, `vouched ${vouched}, refused ${refused}`);
});
