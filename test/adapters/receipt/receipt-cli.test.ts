// Goal: `uriage receipt FILE --checkout ID` per the receipt spec's offline contract. On generated
// days, `byRate` of every completed checkout is exactly S[c] and tax[c] (checked against the
// auditor, a second model sharing no code with src/), and every format renders the same receipt.
// Method: the real bin/uriage.js in a child process for the table rows and formats; the same
// day-file path (receiptFromDayFile, what the command runs) in-process for the property.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { receiptFromDayFile } from '../../../src/app/receipt/day-file-receipt.js';
import type { Checkout } from '../../../src/domain/ledger/types.js';
import type { RoundingMode } from '../../../src/domain/money/rounding-mode.js';
import { auditDay } from '../../support/domain/auditor.js';
import { arbitraryDay } from '../../support/domain/arbitraries.js';
import { testPaymentMethods, testStore } from '../../support/domain/fixtures.js';

const run = promisify(execFile);
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'uriage-receipt-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function dayFile(checkouts: Checkout[], roundingMode: RoundingMode, registrationNumber?: string) {
  return {
    company: {
      code: 'demo',
      name: '株式会社デモ',
      ...(registrationNumber === undefined ? {} : { registrationNumber }),
      roundingMode,
      paymentMethods: testPaymentMethods,
      stores: [{ ...testStore, registers: ['01'] }],
    },
    checkouts,
  };
}

async function uriage(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/uriage.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The first seeded day with at least two completed checkouts. */
function generatedDay() {
  const days = fc.sample(arbitraryDay(12), { numRuns: 50, seed: 7 });
  const day = days.find(
    (each) => each.checkouts.filter((c) => c.status === 'completed').length > 1,
  );
  assert.ok(day);
  return day;
}

function expectedByRate(each: Checkout, mode: RoundingMode) {
  const audited = auditDay([each], mode);
  return (['standard10', 'reduced8', 'exempt'] as const)
    .filter((category) => audited.byCategory[category].sales !== 0)
    .map((category) => ({
      taxCategory: category,
      rate: { standard10: 10, reduced8: 8, exempt: 0 }[category],
      targetAmount: audited.byCategory[category].sales,
      tax: audited.byCategory[category].tax,
    }));
}

test('property: on generated days every completed checkout has byRate = S[c], tax[c]', () => {
  let completedSeen = 0;
  fc.assert(
    fc.property(arbitraryDay(10), ({ roundingMode, checkouts }) => {
      const file = JSON.parse(JSON.stringify(dayFile(checkouts, roundingMode))) as unknown;
      for (const each of checkouts) {
        if (each.status !== 'completed') continue;
        completedSeen += 1;
        const { receipt } = receiptFromDayFile(file, each.id);
        assert.deepEqual(receipt.byRate, expectedByRate(each, roundingMode));
        assert.equal(receipt.total, auditDay([each], roundingMode).salesTotal);
        assert.deepEqual(receipt.issuer, { name: '株式会社デモ' });
      }
    }),
    { numRuns: 150, seed: 13 },
  );
  assert.ok(completedSeen > 100, `only ${completedSeen} completed checkouts were generated`);
});

test('uriage receipt: the CLI prints the contract JSON of generated checkouts', async () => {
  const day = generatedDay();
  const completed = day.checkouts.filter((each) => each.status === 'completed').slice(0, 2);
  assert.equal(completed.length, 2);
  const path = join(dir, 'generated.json');
  writeFileSync(path, JSON.stringify(dayFile(day.checkouts, day.roundingMode, 'T7000012050002')));
  for (const each of completed) {
    const result = await uriage('receipt', path, '--checkout', each.id);
    assert.equal(result.code, 0, result.stderr);
    const receipt = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(receipt), [
      'checkoutId',
      'issuer',
      'storeName',
      'issuedAt',
      'lines',
      'byRate',
      'total',
      'payments',
      'change',
    ]);
    assert.equal(receipt.checkoutId, each.id);
    assert.deepEqual(receipt.issuer, {
      name: '株式会社デモ',
      registrationNumber: 'T7000012050002',
    });
    assert.deepEqual(receipt.byRate, expectedByRate(each, day.roundingMode));
    assert.deepEqual(receipt.payments, JSON.parse(JSON.stringify(each.payments)));
  }
});

test('uriage receipt: text and printer formats; ※ and 登録番号; errors name the problem', async () => {
  const day = generatedDay();
  const checkouts: Checkout[] = [
    ...day.checkouts,
    {
      ...day.checkouts[0]!,
      id: 'fixed',
      status: 'completed',
      completedAt: '2025-01-10T12:00:00+09:00',
      priceMode: 'inclusive',
      lines: [
        { name: 'パン', quantity: 2, unitPrice: 540, taxCategory: 'reduced8' },
        { name: 'ランチ', quantity: 1, unitPrice: 1100, taxCategory: 'standard10' },
      ],
      orderDiscount: 0,
      payments: [{ method: 'cash', amount: 3000 }],
    },
  ];
  const path = join(dir, 'fixed.json');
  writeFileSync(path, JSON.stringify(dayFile(checkouts, 'floor', 'T7000012050002')));
  const text = await uriage('receipt', path, '--checkout', 'fixed', '--format', 'text');
  assert.equal(text.code, 0, text.stderr);
  for (const expected of ['T7000012050002', '※パン', '※は軽減税率対象', '¥1,080', '¥820', '¥80'])
    assert.ok(text.stdout.includes(expected), `text lacks ${expected}:\n${text.stdout}`);
  for (const format of ['starprnt']) {
    const out = join(dir, `fixed.${format}`);
    const bin = await uriage(
      'receipt',
      path,
      '--checkout',
      'fixed',
      '--format',
      format,
      '--out',
      out,
    );
    assert.equal(bin.code, 0, bin.stderr);
    assert.ok(readFileSync(out).length > 100);
  }
  const missing = await uriage('receipt', path, '--checkout', 'nope');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope/);
});
