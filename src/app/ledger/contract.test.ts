// Goal: the zod contract accepts exactly what vendor/spec/checkout.schema.json accepts.
// Method: ajv compiles the JSON Schema (draft 2020-12; formats off, so date-time content is left to
// its own table below); fast-check breaks valid checkouts at one field with a value from a pool of
// boundary values and wrong types; both validators must agree on every payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CheckoutContract } from './contract.js';
import { arbitraryCompletedCheckout } from '../../../test/support/domain/arbitraries.js';

const schema = JSON.parse(
  readFileSync(new URL('../../../vendor/spec/checkout.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(
  schema,
);

const values: unknown[] = [
  null,
  true,
  'x',
  '',
  'x'.repeat(32),
  'x'.repeat(33),
  'x'.repeat(64),
  'x'.repeat(65),
  [],
  {},
  [{}],
  0,
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
];

const fieldPaths = [
  'id',
  'revision',
  'storeCode',
  'registerCode',
  'staffCode',
  'businessDate',
  'status',
  'redoes',
  'customerCount',
  'priceMode',
  'lines',
  'orderDiscount',
  'payments',
  'extraKey',
  'lines.0.sku',
  'lines.0.name',
  'lines.0.quantity',
  'lines.0.unitPrice',
  'lines.0.taxCategory',
  'lines.0.discount',
  'lines.0.extraKey',
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
  else node[last] = value;
}

test('zod contract and JSON Schema agree on boundary values and wrong types', () => {
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
        const payload = structuredClone({
          ...base,
          id: 'c-1',
          lines:
            base.lines.length > 0
              ? base.lines
              : [{ name: 'x', quantity: 1, unitPrice: 1, taxCategory: 'exempt' }],
          payments: [{ method: 'cash', amount: 1 }],
        }) as Record<string, unknown>;
        // A copy of each value: two edits may nest one shared constant into itself (a cycle).
        for (const [path, value] of edits) set(payload, path, structuredClone(value));
        assert.equal(
          CheckoutContract.safeParse(payload).success,
          validate(payload),
          `${JSON.stringify(edits)} → ${JSON.stringify(validate.errors)}`,
        );
      },
    ),
    { numRuns: 3000 },
  );
});

test("date-time fields: an instant with an offset and seconds (RFC 3339), as the schema's format says", () => {
  const base = {
    id: 'c',
    revision: 1,
    storeCode: 's',
    registerCode: 'r',
    businessDate: '2025-01-10',
    status: 'pending',
    customerCount: 0,
    lines: [],
    payments: [],
    completedAt: null,
  };
  const table: [string, boolean][] = [
    ['2025-01-10T12:00:00+09:00', true],
    ['2025-01-10T03:00:00Z', true],
    ['2025-01-10T03:00:00.123456Z', true],
    ['2025-01-10T12:00:00', false],
    ['2025-01-10T12:00+09:00', false],
    ['2025-01-10 12:00:00+09:00', false],
    ['2025-13-10T12:00:00+09:00', false],
    ['yesterday', false],
  ];
  for (const [startedAt, valid] of table)
    assert.equal(CheckoutContract.safeParse({ ...base, startedAt }).success, valid, startedAt);
});

test('businessDate: a real calendar date YYYY-MM-DD (2025-02-31 is refused as invalid_format)', () => {
  const base = {
    id: 'c',
    revision: 1,
    storeCode: 's',
    registerCode: 'r',
    startedAt: '2025-01-10T12:00:00+09:00',
    status: 'pending',
    customerCount: 0,
    lines: [],
    payments: [],
    completedAt: null,
  };
  const table: [string, boolean][] = [
    ['2025-01-10', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-31', false],
    ['2025-1-10', false],
    ['2025-01-10T00:00:00Z', false],
  ];
  for (const [businessDate, valid] of table) {
    const parsed = CheckoutContract.safeParse({ ...base, businessDate });
    assert.equal(parsed.success, valid, businessDate);
    if (!parsed.success) assert.equal(parsed.error.issues[0]?.code, 'invalid_format', businessDate);
  }
});
