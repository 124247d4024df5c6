// Goal: every `uriage` command takes `--format text|json` (issue 14 §9): `--format json` prints one
// parseable JSON document, `--format text` prints lines for people with no JSON braces, and an
// unknown format is refused (exit 2) naming the option. Method: the real bin/uriage.js in a child
// process on a fresh embedded data directory (or a fresh database of the DATABASE_URL server):
// migrate, import the spec's example day, close, token, connect to the built-in sandbox, post,
// deals, masters, reconcile, report, receipt, rekey, and serve/worker's start line. Off a terminal
// (these pipes), the long commands (import, post over a range, masters sync) draw no progress bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useCliProcesses } from '../../support/cli-process.js';
import { exampleDayPath } from '../../support/ledger-fixtures.js';

const dayFile = fileURLToPath(exampleDayPath);
const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'reconcile');
const cli = useCliProcesses('cli-format', { timeoutMs: 90_000, unset: ['URIAGE_SECRET_KEY'] });
const uriage = cli.uriage;

/** What a drawn bar leaves: terminal escapes (ESC [) or its ETA. */
const noBar = new RegExp(`${String.fromCharCode(27)}\\[|残り`);

/** Runs the command with --format json and --format text; returns the parsed JSON and the text. */
async function both(
  args: readonly string[],
  okCodes: readonly number[] = [0],
): Promise<{ json: unknown; text: string }> {
  const asJson = await uriage(...args, '--format', 'json');
  assert.ok(okCodes.includes(asJson.code), `${args.join(' ')} --format json: ${asJson.stderr}`);
  let json: unknown;
  assert.doesNotThrow(
    () => {
      json = JSON.parse(asJson.stdout);
    },
    `${args.join(' ')} --format json prints JSON:\n${asJson.stdout}`,
  );
  assert.ok(!noBar.test(asJson.stderr), `no progress bar off a terminal: ${asJson.stderr}`);
  const asText = await uriage(...args, '--format', 'text');
  assert.ok(!noBar.test(asText.stderr), `no progress bar off a terminal: ${asText.stderr}`);
  assert.ok(okCodes.includes(asText.code), `${args.join(' ')} --format text: ${asText.stderr}`);
  assert.ok(asText.stdout.trim().length > 0, `${args.join(' ')} --format text prints something`);
  assert.doesNotMatch(
    asText.stdout,
    /[{}]/,
    `${args.join(' ')} text has no JSON:\n${asText.stdout}`,
  );
  return { json, text: asText.stdout };
}

const company = ['--company', 'demo'];
const storeDay = [...company, '--store', '0001', '--date', '2025-01-10'];

test('every command: --format json parses, --format text has no JSON', async () => {
  const migrated = await both(['migrate']);
  assert.deepEqual(migrated.json, { migrated: true, mode: migrated.text.match(/\((.+)\)/)?.[1] });

  const imported = await both(['import', dayFile]);
  const checkouts = (imported.json as { checkouts: { accepted: number; unchanged: number } })
    .checkouts;
  assert.equal(checkouts.accepted + checkouts.unchanged, 1);
  assert.match(imported.text, /会計\s+受付 0 \/ 変更なし 1/);

  const shown = await both(['company', 'show', ...company]);
  assert.equal((shown.json as { code: string }).code, 'demo');
  assert.match(shown.text, /企業コード\s+demo/);
  assert.match(shown.text, /^0001\s/m);

  const created = await both(['company', 'create', '--code', 'fmt', '--name', '書式企業']);
  assert.equal((created.json as { company: { name: string } }).company.name, '書式企業');
  assert.match(created.text, /fmt 書式企業/);

  const staff = await uriage(
    'staff',
    'create',
    '--company',
    'fmt',
    '--code',
    'a1',
    '--format',
    'json',
  );
  assert.equal(staff.code, 0, staff.stderr);
  assert.equal((JSON.parse(staff.stdout) as { code: string }).code, 'a1');
  const reset = await both(['staff', 'reset-password', '--company', 'fmt', '--code', 'a1']);
  assert.match((reset.json as { temporaryPassword: string }).temporaryPassword, /\S{12,}/);
  assert.match(reset.text, /仮のパスワード: \S{12,}/);

  const close = ['close', ...storeDay, '--float', '30000', '--counted', '35880'];
  const closed = await both(close);
  assert.equal((closed.json as { version: number }).version, 1);
  assert.match(closed.text, /第1版/);
  assert.match(closed.text, /実査現金\s+¥35,880/);

  const token = await both(['token', 'create', ...company, '--store', '0001', '--register', '01']);
  assert.match((token.json as { token: string }).token, /\S{20,}/);
  assert.match(token.text.trim(), /^\S{20,}$/);

  const connected = await uriage('connect', ...company, '--sandbox', '--format', 'json');
  assert.equal(connected.code, 0, connected.stderr);
  const freeeCompanyId = (JSON.parse(connected.stdout) as { freeeCompanyId: number })
    .freeeCompanyId;
  assert.ok(freeeCompanyId > 0);
  const connectedText = await uriage('connect', ...company, '--sandbox', '--format', 'text');
  const reconnectedId = Number(/事業所 (\d+) に連携しました/.exec(connectedText.stdout)?.[1]);
  assert.ok(reconnectedId > freeeCompanyId, connectedText.stdout);
  assert.doesNotMatch(connectedText.stdout, /[{}]/);

  const statuses = await both(['connections', ...company]);
  assert.equal((statuses.json as { store: string }[])[0]?.store, '0001');
  assert.match(statuses.text, /^0001\s/m);

  const synced = await both(['masters', 'sync', ...company]);
  assert.equal((synced.json as { status: string }).status, 'succeeded');
  assert.match(synced.text, /結果: 成功/);
  const taxes = await both(['masters', 'show', ...company, '--master', 'taxes']);
  assert.ok((taxes.json as unknown[]).length > 0);
  assert.match(taxes.text, /^税区分: \d+件/);

  // Posting may end in any status (the demo has no 送信設定 here); the output is what is checked.
  const posted = await both(['post', ...storeDay], [0, 1]);
  assert.equal((posted.json as { businessDate: string }[])[0]?.businessDate, '2025-01-10');
  assert.match(posted.text, /^2025-01-10\s/m);

  // A range (the bar's case on a terminal): off a terminal, the day lines alone.
  const range = await both(
    ['post', ...company, '--store', '0001', '--from', '2025-01-09', '--to', '2025-01-11'],
    [0, 1],
  );
  assert.deepEqual(
    (range.json as { businessDate: string }[]).map((d) => d.businessDate),
    ['2025-01-10'],
  );
  assert.equal(range.text.trim().split('\n')[0]?.slice(0, 10), '2025-01-10');

  const deals = await both(['deals', ...storeDay]);
  assert.equal((deals.json as { freeeCompanyId: number }).freeeCompanyId, reconnectedId);
  assert.match(deals.text, /取引数/);

  const reconcile = [
    'reconcile',
    '--receivables',
    join(fixtures, 'receivables.json'),
    '--partners',
    join(fixtures, 'partners.json'),
    '--bank',
    join(fixtures, 'mufg.csv'),
  ];
  const suggested = await both(reconcile);
  assert.ok((suggested.json as { suggestions: unknown[] }).suggestions.length > 0);
  assert.match(suggested.text, /^行\s+日付\s+金額/);

  const report = await both(['report', dayFile, '--store', '0001', '--date', '2025-01-10']);
  assert.equal(typeof report.json, 'object');
  const era = await uriage(
    'report',
    dayFile,
    '--store',
    '0001',
    '--date',
    '2025-01-10',
    '--era',
    '--format',
    'text',
  );
  assert.match(era.stdout, /日付\s+令和7年1月10日\(金\)/, era.stderr);
  const receipt = await both(['receipt', dayFile, '--checkout', '8a1d0c2e-0001']);
  assert.equal((receipt.json as { checkoutId: string }).checkoutId, '8a1d0c2e-0001');

  const rekeyed = await both(['rekey']);
  assert.equal(typeof (rekeyed.json as { resealed: number }).resealed, 'number');
});

test('serve and worker: --format json prints the start as one JSON line', async () => {
  for (const args of [
    ['serve', '--port', '0', '--format', 'json'],
    ['worker', '--format', 'json'],
  ]) {
    const child = spawn(process.execPath, ['bin/uriage.js', ...args], { env: cli.env() });
    const first = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (seen.includes('\n')) resolve(seen);
      });
      child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${seen}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    const started = JSON.parse(first.split('\n')[0] ?? '') as Record<string, unknown>;
    assert.ok(args[0] === 'serve' ? 'url' in started : started.running === true, first);
  }
});

test('an unknown --format is refused naming the option, on every command', async () => {
  const commands: string[][] = [
    ['migrate'],
    ['rekey'],
    ['serve'],
    ['worker'],
    ['company', 'show', ...company],
    ['company', 'create', '--code', 'x', '--name', 'x'],
    ['token', 'create', ...company, '--store', '0001', '--register', '01'],
    ['import', dayFile],
    ['close', ...storeDay, '--float', '0', '--counted', '0'],
    ['connect', ...company, '--sandbox'],
    ['connections', ...company],
    ['post', ...storeDay],
    ['deals', ...storeDay],
    ['masters', 'sync', ...company],
    ['masters', 'show', ...company, '--master', 'taxes'],
    ['reconcile', '--receivables', 'r', '--partners', 'p', '--bank', 'b'],
    ['report', dayFile, '--store', '0001', '--date', '2025-01-10'],
    ['receipt', dayFile, '--checkout', '8a1d0c2e-0001'],
  ];
  for (const args of commands) {
    const refused = await uriage(...args, '--format', 'yaml');
    assert.equal(refused.code, 2, `${args.join(' ')}: ${refused.stderr}`);
    assert.match(refused.stderr, /--format must be/, args.join(' '));
    assert.match(refused.stderr, /yaml/, args.join(' '));
  }
});
