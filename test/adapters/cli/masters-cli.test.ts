// Goal: `uriage masters sync --company C [--master NAME] [--full]` prints per master 対象 / 成功 /
// 失敗 and exits 1 when the run did not complete; `uriage masters show --company C --master NAME --format
// json` prints the synced records (id, name, archived). The CLI serves the sandbox in-process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

const run = promisify(execFile);
let dataDir: string;
let serverDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uriage-cli-masters-'));
  env = { ...process.env, URIAGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.URIAGE_SECRET_KEY;
  delete env.URIAGE_SANDBOX_FAULTS;
  if (process.env.DATABASE_URL) {
    serverDb = await openTestDatabase();
    env.DATABASE_URL = serverDb.connectionString;
  } else {
    delete env.DATABASE_URL;
  }
});
after(async () => {
  await serverDb?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function uriage(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, ['bin/uriage.js', ...args], {
    env: { ...env, ...extraEnv },
    timeout: 120_000,
  });
}

test('masters sync prints per master target / succeeded / failed; show lists the records as JSON', async () => {
  await uriage(['company', 'create', '--code', 'mcli', '--name', 'マスターCLI', '--store', '0001']);
  await uriage(['connect', '--company', 'mcli', '--sandbox']);
  const synced = await uriage(['masters', 'sync', '--company', 'mcli']);
  assert.match(synced.stdout, /結果: 成功/);
  assert.match(synced.stdout, /勘定科目\(全件\): 対象件数 \d+件 成功件数 \d+件 失敗件数 0件/);
  assert.match(synced.stdout, /税区分\(全件\): 対象件数 \d+件/);
  assert.equal(synced.stdout.match(/対象件数/g)?.length, 7, 'one line per master');
  const shown = await uriage([
    'masters',
    'show',
    '--company',
    'mcli',
    '--master',
    'account_items',
    '--format',
    'json',
  ]);
  const rows = JSON.parse(shown.stdout) as { id: string; name: string; archived: boolean }[];
  assert.ok(rows.length > 10);
  assert.ok(rows.some((r) => r.name === '売上高' && r.archived === false && r.id !== ''));
  const text = await uriage(['masters', 'show', '--company', 'mcli', '--master', 'taxes']);
  assert.match(text.stdout, /^税区分: \d+件/);
});

test('a run that does not complete exits 1 with the reason (no freee連携: 対象外); an unknown master is refused', async () => {
  await uriage(['company', 'create', '--code', 'mnone', '--name', '未連携', '--store', '0001']);
  const failed = await uriage(['masters', 'sync', '--company', 'mnone']).then(
    () => null,
    (error: { code: number; stdout: string }) => error,
  );
  assert.ok(failed, 'exit code is not 0');
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /結果: 対象外/);
  assert.match(failed.stdout, /freee連携がないため/);
  const refused = await uriage(['masters', 'sync', '--company', 'mcli', '--master', 'bogus']).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  assert.ok(refused);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--master must be one of partners, account_items/);
});
