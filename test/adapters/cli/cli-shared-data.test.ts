// Goal: CLI commands work with no server running (they take the data directory) and while the
// server runs on the same data (they share it through the server's socket, never open it twice).
// With DATABASE_URL set, both use that server database instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { systemClock } from '../../../src/app/clock.js';
import { readConfig } from '../../../src/main/config.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { startServer, type RunningServer } from '../../../src/main/server.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';

const run = promisify(execFile);
let dataDir: string;
let serverDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uriage-cli-'));
  env = { ...process.env, URIAGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
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

function uriage(...args: string[]) {
  return run(process.execPath, ['bin/uriage.js', ...args], { env, timeout: 60_000 });
}

test('help lists the commands; a bad command exits 2', async () => {
  const help = await uriage('--help');
  for (const name of ['serve', 'migrate', 'company', 'token'])
    assert.match(help.stdout, new RegExp(`\\b${name}\\b`));
  await assert.rejects(uriage('nonsense'), (error: { code?: number }) => error.code === 2);
});

test('without a server: create, show, refuse bad input with the field named', async () => {
  const created = JSON.parse(
    (
      await uriage(
        'company',
        'create',
        '--code',
        'cli1',
        '--name',
        'CLI企業',
        '--admin-code',
        'admin',
        '--admin-password',
        'cli-password',
      )
    ).stdout,
  );
  assert.equal(created.created, true);
  const shown = JSON.parse((await uriage('company', 'show', '--company', 'cli1')).stdout);
  assert.equal(shown.name, 'CLI企業');
  assert.equal(shown.paymentMethods.filter((m: { kind: string }) => m.kind === 'cash').length, 1);
  await assert.rejects(
    uriage('company', 'create', '--code', 'bad code!', '--name', 'x'),
    (error: { code?: number; stderr?: string }) =>
      error.code === 1 && /code:/.test(error.stderr ?? ''),
  );
  if (!process.env.DATABASE_URL)
    assert.ok(!existsSync(join(dataDir, 'uriage.lock')), 'the lock is released after the command');
});

test('with the server running on the same data: the CLI shares it', async () => {
  const config = { ...readConfig(env), port: 0 };
  let server: RunningServer | null = null;
  try {
    server = await startServer({ config, clock: systemClock, logger: silentLogger, demo: true });
    if (!process.env.DATABASE_URL)
      assert.equal(JSON.parse(readFileSync(join(dataDir, 'uriage.lock'), 'utf8')).pid, process.pid);
    const shown = JSON.parse((await uriage('company', 'show', '--company', 'demo')).stdout);
    assert.deepEqual(
      shown.stores.map((s: { code: string }) => s.code),
      ['0001'],
    );
    await uriage('company', 'create', '--code', 'cli2', '--name', '稼働中に作成');
    const seen = await server.app.tenancy.read.findCompanyByCode('cli2');
    assert.equal(seen?.name, '稼働中に作成', 'the running server sees what the CLI wrote');
    const login = await fetch(`${server.url}/login`);
    assert.equal(login.status, 200);
  } finally {
    await server?.close();
  }
});
