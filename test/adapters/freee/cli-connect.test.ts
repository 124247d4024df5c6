// Goal: `uriage connect --company C --sandbox` connects every store without a browser and
// `uriage connections --company C` shows the status per store — with no server running (the
// sandbox is served inside the CLI process) and while the server runs on the same data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
  dataDir = mkdtempSync(join(tmpdir(), 'uriage-cli-freee-'));
  env = { ...process.env, URIAGE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.URIAGE_SECRET_KEY;
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
  return run(process.execPath, ['bin/uriage.js', ...args], { env, timeout: 90_000 });
}

interface StatusRow {
  store: string;
  status: string;
  message: string | null;
  freeeCompany: { id: number; name: string; provider: string } | null;
}

async function connections(company: string): Promise<StatusRow[]> {
  return JSON.parse(
    (await uriage('connections', '--company', company, '--json')).stdout,
  ) as StatusRow[];
}

test('without a server: connect --sandbox connects every store; connections shows 1: 連携済', async () => {
  await uriage('company', 'create', '--code', 'clif', '--name', 'CLI連携', '--store', '0001');
  await uriage('company', 'create', '--code', 'clif', '--name', 'CLI連携', '--store', '0002');
  assert.deepEqual(
    (await connections('clif')).map((r) => r.status),
    ['0: 未連携', '0: 未連携'],
  );
  const connected = await uriage('connect', '--company', 'clif', '--sandbox');
  assert.match(connected.stdout, /freeeサンドボックスの事業所 \d+ に連携しました/);
  const rows = await connections('clif');
  assert.deepEqual(
    rows.map((r) => [r.store, r.status]),
    [
      ['0001', '1: 連携済'],
      ['0002', '1: 連携済'],
    ],
  );
  assert.equal(rows[0]?.freeeCompany?.provider, 'sandbox');
  assert.equal(rows[0]?.freeeCompany?.id, rows[1]?.freeeCompany?.id);
  const text = (await uriage('connections', '--company', 'clif')).stdout;
  assert.match(text, /0001 {2}店舗0001 {2}1: 連携済/);
});

test('usage: --sandbox is required, an unknown company or store is refused', async () => {
  await assert.rejects(
    uriage('connect', '--company', 'clif'),
    (error: { code?: number; stderr?: string }) =>
      error.code === 2 && /--sandbox/.test(error.stderr ?? ''),
  );
  await assert.rejects(
    uriage('connections', '--company', 'nope'),
    (error: { code?: number; stderr?: string }) =>
      error.code === 1 && /nope/.test(error.stderr ?? ''),
  );
  await assert.rejects(
    uriage('connect', '--company', 'clif', '--sandbox', '--store', '9999'),
    (error: { code?: number; stderr?: string }) =>
      error.code === 1 && /9999/.test(error.stderr ?? ''),
  );
});

test('with the server running on the same data: the CLI connects and the server sees it', async () => {
  const config = { ...readConfig(env), port: 0 };
  let server: RunningServer | null = null;
  try {
    server = await startServer({ config, clock: systemClock, logger: silentLogger, demo: false });
    await uriage('company', 'create', '--code', 'clis', '--name', '稼働中');
    await uriage('connect', '--company', 'clis', '--sandbox', '--name', '稼働中の事業所');
    const rows = await connections('clis');
    assert.deepEqual(
      rows.map((r) => [r.status, r.freeeCompany?.name]),
      [['1: 連携済', '稼働中の事業所']],
    );
    const seen = await server.database.pool.query<{ status: string }>(
      'select c.status from freee_connections c join companies co on co.id = c.company_id where co.code = $1',
      ['clis'],
    );
    assert.deepEqual(
      seen.rows.map((r) => r.status),
      ['connected'],
      'the running server sees the connection',
    );
  } finally {
    await server?.close();
  }
});
