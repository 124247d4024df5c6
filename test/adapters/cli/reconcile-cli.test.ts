// Goal: `uriage reconcile` works offline as issue 12 §5 says — no database, no server — and prints
// one suggestion per matched deposit (`line` counts deposit and withdrawal lines) with receivables,
// difference, account, confidence, reasons and alternatives; a malformed statement exits 1 naming
// its line. Method: the real bin/uriage.js in a child process with a data directory that must stay
// absent and no DATABASE_URL, on the corpus files (test/fixtures/reconcile/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'reconcile');
const f = (name: string) => join(fixtures, name);

async function uriage(...args: string[]) {
  const scratch = mkdtempSync(join(tmpdir(), 'uriage-reconcile-cli-'));
  const dataDir = join(scratch, 'data');
  const env: NodeJS.ProcessEnv = { ...process.env, URIAGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/uriage.js', ...args], {
      env,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr, touched: existsSync(dataDir) };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return {
      code: failed.code,
      stdout: failed.stdout,
      stderr: failed.stderr,
      touched: existsSync(dataDir),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const common = ['--receivables', f('receivables.json'), '--partners', f('partners.json')];

interface Printed {
  line: number;
  receivables: string[];
  difference: number;
  differenceAccount: string | null;
  confidence: number;
  reasons: string[];
  alternatives: unknown[];
}

for (const bank of ['zengin-crlf.txt', 'mufg.csv'])
  test(`reconcile ${bank}: combination, batch, fee and exact; no database touched`, async () => {
    const result = await uriage(
      'reconcile',
      ...common,
      '--bank',
      f(bank),
      '--tolerances',
      f('tolerances.json'),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.touched, false, 'the data directory was created');
    const { suggestions } = JSON.parse(result.stdout) as { suggestions: Printed[] };
    const byLine = new Map(suggestions.map((s) => [s.line, s]));
    assert.deepEqual([...(byLine.get(1)?.receivables ?? [])].sort(), ['9001', '9002']);
    assert.equal(byLine.has(2), false, 'line 2 is a withdrawal');
    assert.deepEqual(byLine.get(3)?.receivables, ['9101', '9102', '9103']);
    assert.equal(byLine.get(3)?.differenceAccount, '支払手数料');
    assert.equal(byLine.get(3)?.difference, 30_312 - 29_330);
    for (const s of suggestions) {
      assert.ok(s.reasons.length >= 3);
      assert.ok(s.confidence > 0 && s.confidence < 1);
      assert.ok(Array.isArray(s.alternatives));
    }
    if (bank === 'zengin-crlf.txt') {
      assert.deepEqual(byLine.get(4)?.receivables, ['9201']);
      assert.equal(byLine.get(4)?.difference, 440);
      assert.deepEqual(byLine.get(5)?.receivables, ['9301']);
      assert.equal(byLine.get(5)?.differenceAccount, null);
    }
  });

test('without tolerances the provider batch is not suggested (no fee rate known)', async () => {
  const result = await uriage('reconcile', ...common, '--bank', f('zengin-crlf.txt'));
  assert.equal(result.code, 0, result.stderr);
  const { suggestions } = JSON.parse(result.stdout) as { suggestions: Printed[] };
  const line3 = suggestions.find((s) => s.line === 3);
  assert.notDeepEqual(line3?.receivables, ['9101', '9102', '9103']);
  assert.notEqual(line3?.differenceAccount === '支払手数料' && line3.difference, 982);
});

test('a malformed statement exits 1 naming its line; bad tolerances name the field', async () => {
  const bad = await uriage('reconcile', ...common, '--bank', f('bad-zengin-date.txt'));
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /4行目/);
  assert.match(bad.stderr, /勘定日/);
  assert.equal(bad.stdout, '');
  const usage = await uriage('reconcile', '--bank', f('zengin-crlf.txt'));
  assert.equal(usage.code, 2);
});

test('reconcile --mapping: a bank CSV with its own headers reads like the preset it mirrors; a bad mapping names its field', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'uriage-reconcile-mapping-'));
  try {
    const original = readFileSync(f('rakuten-utf8.csv'), 'utf8').split(/\r?\n/);
    const custom = join(scratch, 'own-bank.csv');
    writeFileSync(custom, ['Booked,Amount,Balance,Text', ...original.slice(1)].join('\r\n'));
    const mapping = join(scratch, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        date: 'Booked',
        amount: { signed: 'Amount' },
        payer: 'Text',
        payerPrefixes: ['振込入金', 'ﾌﾘｺﾐ', '振込'],
        description: ['Text'],
        balance: 'Balance',
      }),
    );
    const preset = await uriage('reconcile', ...common, '--bank', f('rakuten-utf8.csv'));
    const mapped = await uriage('reconcile', ...common, '--bank', custom, '--mapping', mapping);
    assert.equal(mapped.code, 0, mapped.stderr);
    const lines = (out: string) =>
      (JSON.parse(out) as { suggestions: Printed[] }).suggestions.map((s) => [
        s.line,
        s.receivables,
        s.difference,
      ]);
    assert.ok(lines(preset.stdout).length > 0);
    assert.deepEqual(lines(mapped.stdout), lines(preset.stdout));
    const withoutMapping = await uriage('reconcile', ...common, '--bank', custom);
    assert.equal(withoutMapping.code, 1, 'unknown headers without a mapping are refused');
    writeFileSync(mapping, JSON.stringify({ date: 'Booked', payer: 'Text' }));
    const bad = await uriage('reconcile', ...common, '--bank', custom, '--mapping', mapping);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /mapping\.amount/);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
