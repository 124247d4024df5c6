// Goal: a company imported from a day file (which brings no admin) gets a console login with
// `uriage staff create --company C --code admin`: the temporary password is printed once, works at
// /login, and leads to the password change form; `uriage staff reset-password` issues a new one and
// the old one stops working; a second create of the same code is refused with the field named.
// Method: runCli in a worker thread (test/adapters/report/cli-worker.ts) over the test database;
// the console over real HTTP.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { startTestApp, type TestApp } from '../../support/app.js';
import { exampleDayPath } from '../../support/ledger-fixtures.js';
import { readFileSync } from 'node:fs';

const now = '2025-01-10T09:00:00+09:00';
let app: TestApp;
let dir: string;
const companyCode = (
  JSON.parse(readFileSync(exampleDayPath, 'utf8')) as { company: { code: string } }
).company.code;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uriage-staff-cli-'));
  app = await startTestApp({ now });
});
after(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('../report/cli-worker.ts', import.meta.url).href)}); })`;
  const env = {
    URIAGE_DATA_DIR: join(dir, 'data'),
    DATABASE_URL: app.db.connectionString,
    LOG_LEVEL: 'silent',
    TZ: 'UTC',
  };
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { args, now, env },
    stdout: true,
    stderr: true,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  worker.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  worker.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const ended = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((resolve) => stream.once('end', () => resolve()));
  const streamsEnded = Promise.all([ended(worker.stdout), ended(worker.stderr)]);
  const code = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { code: number }) => resolve(message.code));
    worker.once('error', reject);
  });
  await worker.terminate();
  await streamsEnded;
  return {
    code,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

async function logIn(staffCode: string, password: string): Promise<string | null> {
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ companyCode, staffCode, password }),
    redirect: 'manual',
  });
  return response.status === 303
    ? ((response.headers.get('set-cookie') ?? '').split(';')[0] ?? null)
    : null;
}

const temporaryOf = (stdout: string) => /仮のパスワード: (\S+)/.exec(stdout)?.[1] ?? '';

test('an imported company gets its admin from `uriage staff create`; reset-password issues a new one', async () => {
  const imported = await cli(['import', exampleDayPath.pathname]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(
    imported.stderr,
    new RegExp(`uriage staff create --company ${companyCode} --code admin`),
  );
  assert.deepEqual(
    await app
      .app()
      .tenancy.read.listStaff(
        (await app.app().tenancy.read.findCompanyByCode(companyCode))?.id ?? '',
      ),
    [],
  );

  const created = await cli(['staff', 'create', '--company', companyCode, '--code', 'admin']);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /この表示は一度だけです/);
  const temporary = temporaryOf(created.stdout);
  assert.ok(temporary.length >= 12, created.stdout);
  const cookie = await logIn('admin', temporary);
  assert.ok(cookie, 'the printed password logs in');
  const top = await fetch(`${app.url}/`, { headers: { cookie }, redirect: 'manual' });
  assert.equal(top.headers.get('location'), '/account/password', 'and must be changed first');

  const again = await cli(['staff', 'create', '--company', companyCode, '--code', 'admin']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /その担当者コードは既に使われています/);

  const reset = await cli(['staff', 'reset-password', '--company', companyCode, '--code', 'admin']);
  assert.equal(reset.code, 0, reset.stderr);
  const next = temporaryOf(reset.stdout);
  assert.notEqual(next, temporary);
  assert.equal(await logIn('admin', temporary), null);
  assert.ok(await logIn('admin', next));
  const unknown = await cli(['staff', 'create', '--company', 'no-such', '--code', 'admin']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /企業コード no-such の企業が見つかりません/);
});
