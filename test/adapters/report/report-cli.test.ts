// Goal: `uriage report` gives the engine's report of a day file (no database) and of the database,
// in every format; binary formats need --out; a wrong day file names the field; --print sends the
// bytes to the store's printer and reports an unreachable one in Japanese with exit 1.
// Method: runCli in this process with a fixed clock, stdout/stderr captured; the hand-worked day as
// a file, and imported into a fresh test database that the CLI opens through DATABASE_URL.
import { allowLoopbackPrinters, printedSettingsOf } from './support.js';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { apiSession, createTestCompany, startTestApp, type TestApp } from '../../support/app.js';
import { renderReport } from '../../../src/adapters/print/render.js';
import {
  expectedHandWorkedReport,
  fakePrinter,
  handWorkedDayFile,
  importHandWorkedDay,
  knownDate,
  offPrinterPort,
  type FakePrinter,
} from './support.js';

const now = '2025-01-11T02:00:00+09:00';
let dir: string;
let dayFile: string;
let app: TestApp;
let printer: FakePrinter;

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** runCli in a worker thread (fixed clock); its stdout and stderr are collected as streams. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  // Workers do not inherit tsx's hooks on Node 20: register them, then load the TypeScript worker.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./cli-worker.ts', import.meta.url).href)}); })`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: {
      args,
      now,
      env: { URIAGE_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', TZ: 'UTC', ...env },
    },
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
  return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uriage-report-cli-'));
  dayFile = join(dir, 'day.json');
  writeFileSync(dayFile, JSON.stringify(handWorkedDayFile('demo')));
  app = await startTestApp({ now });
  const company = await createTestCompany(app, 'alpha', ['0001', '0002']);
  await allowLoopbackPrinters(app, company);
  await importHandWorkedDay(app, 'alpha');
  printer = await fakePrinter();
  const session = await apiSession(app, company);
  assert.equal(
    (
      await session.request('PUT', '/api/v1/stores/0001', {
        name: '店舗0001',
        timeZone: 'Asia/Tokyo',
        printer: { kind: 'escpos', host: '127.0.0.1', port: printer.port },
      })
    ).status,
    200,
  );
});
after(async () => {
  await printer?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const expected = () => expectedHandWorkedReport(now);

describe('uriage report FILE (no database)', () => {
  it('prints the JSON report of the store-day', async () => {
    const run = await cli(['report', dayFile, '--store', '0001', '--date', knownDate]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.toString('utf8')), expected());
  });

  it('--format text and svg print the rendered document; escpos needs --out and writes the bytes', async () => {
    const text = await cli([
      'report',
      dayFile,
      '--store',
      '0001',
      '--date',
      knownDate,
      '--format',
      'text',
    ]);
    assert.deepEqual(
      text.stdout,
      renderReport(expected(), printedSettingsOf(expected()), 'text').bytes,
    );
    const narrow = await cli([
      'report',
      dayFile,
      '--store',
      '0001',
      '--date',
      knownDate,
      '--format',
      'text',
      '--cpl',
      '32',
    ]);
    assert.deepEqual(
      narrow.stdout,
      renderReport(expected(), printedSettingsOf(expected()), 'text', { cpl: 32 }).bytes,
    );
    const svg = await cli([
      'report',
      dayFile,
      '--store',
      '0001',
      '--date',
      knownDate,
      '--format',
      'svg',
    ]);
    assert.match(svg.stdout.toString('utf8'), /^<svg/);
    const refused = await cli([
      'report',
      dayFile,
      '--store',
      '0001',
      '--date',
      knownDate,
      '--format',
      'escpos',
    ]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--out/);
    const out = join(dir, 'report.bin');
    for (const format of ['escpos', 'starprnt'] as const) {
      const written = await cli([
        'report',
        dayFile,
        '--store',
        '0001',
        '--date',
        knownDate,
        '--format',
        format,
        '--out',
        out,
      ]);
      assert.equal(written.code, 0, written.stderr);
      assert.deepEqual(
        readFileSync(out),
        renderReport(expected(), printedSettingsOf(expected()), format).bytes,
      );
    }
  });

  it('a wrong day file names the field; an unknown store or a bad date is a Japanese error', async () => {
    const broken = handWorkedDayFile('demo') as { checkouts: { lines: { quantity: number }[] }[] };
    const first = broken.checkouts[0]?.lines[0];
    assert.ok(first);
    first.quantity = 1.5;
    const path = join(dir, 'broken.json');
    writeFileSync(path, JSON.stringify(broken));
    const bad = await cli(['report', path, '--store', '0001', '--date', knownDate]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /checkouts\[0\]\.lines\[0\]\.quantity: 整数で指定してください/);
    assert.equal(bad.stdout.length, 0);
    const store = await cli(['report', dayFile, '--store', '9999', '--date', knownDate]);
    assert.equal(store.code, 1);
    assert.match(store.stderr, /店舗コード「9999」/);
    const date = await cli(['report', dayFile, '--store', '0001', '--date', '2025-13-01']);
    assert.equal(date.code, 1);
    assert.match(date.stderr, /date: 営業日はYYYY-MM-DD/);
    const both = await cli([
      'report',
      dayFile,
      '--company',
      'alpha',
      '--store',
      '0001',
      '--date',
      knownDate,
    ]);
    assert.equal(both.code, 2);
  });
});

describe('uriage report --company C (database)', () => {
  const env = () => ({ DATABASE_URL: app.db.connectionString });

  it('prints the same report from the stored day', async () => {
    const run = await cli(
      ['report', '--company', 'alpha', '--store', '0001', '--date', knownDate],
      env(),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.toString('utf8')), expected());
    const unknown = await cli(
      ['report', '--company', 'nope', '--store', '0001', '--date', knownDate],
      env(),
    );
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /企業コード「nope」/);
  });

  it('--print sends the rendered bytes to the store printer; an unreachable printer is exit 1 in Japanese', async () => {
    const run = await cli(
      ['report', '--company', 'alpha', '--store', '0001', '--date', knownDate, '--print'],
      env(),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout.toString('utf8')).printed, true);
    assert.deepEqual(
      printer.received.at(-1),
      renderReport(expected(), printedSettingsOf(expected()), 'escpos').bytes,
    );
    const port = await offPrinterPort();
    const off = await cli(
      [
        'report',
        dayFile,
        '--store',
        '0001',
        '--date',
        knownDate,
        '--print',
        '--printer',
        `127.0.0.1:${port}`,
        '--printer-kind',
        'starprnt',
      ],
      env(),
    );
    assert.equal(off.code, 1);
    assert.match(off.stderr, /プリンター\(127\.0\.0\.1:\d+\)に接続できません/);
    const none = await cli(
      ['report', '--company', 'alpha', '--store', '0002', '--date', knownDate, '--print'],
      env(),
    );
    assert.equal(none.code, 1);
    assert.match(none.stderr, /プリンターが設定されていません/);
  });
});
