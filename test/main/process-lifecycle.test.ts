// Goal: a server process never lingers broken (issue #10 item 9): one whose port is taken exits
// non-zero with a clear message (no workers left polling); one sharing the embedded data directory
// exits non-zero with a clear message when the owner exits, instead of answering 500 while
// /healthz says 200. Method: real `uriage serve` processes (bin/uriage.js) over a temp data dir.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';

const startTimeoutMs = 180_000;
const healthPollsMax = 200;
let dataDir: string;
const children: ChildProcess[] = [];

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'uriage-life-'));
});
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Serving {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function serve(port: number, dir: string): Serving {
  const env: NodeJS.ProcessEnv = { ...process.env, URIAGE_DATA_DIR: dir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/uriage.js', 'serve', '--port', String(port)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => text, exited };
}

async function urlOf(serving: Serving): Promise<string> {
  const started = performance.now();
  while (performance.now() - started < startTimeoutMs) {
    const match = /Uriage is running: (http:\/\/\S+)/.exec(serving.output());
    if (match?.[1]) return match[1];
    if (serving.child.exitCode !== null) throw new Error(`server exited: ${serving.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not start: ${serving.output()}`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: timed out`)), ms)),
  ]);
}

it('a server whose port is taken exits 1 naming the port', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', () => resolve()));
  const port = (blocker.address() as { port: number }).port;
  try {
    const serving = serve(port, join(dataDir, 'taken'));
    const code = await withTimeout(serving.exited, startTimeoutMs, serving.output());
    assert.equal(code, 1, serving.output());
    assert.match(serving.output(), new RegExp(`cannot listen on port ${port}`));
  } finally {
    blocker.close();
  }
});

it('a server sharing the data directory exits 1 when the owner exits', async () => {
  if (process.env.DATABASE_URL) return; // embedded only: a server database has no owner process
  const dir = join(dataDir, 'shared');
  const owner = serve(0, dir);
  await urlOf(owner);
  const sharer = serve(0, dir);
  const url = await urlOf(sharer);
  const healthy = await fetch(`${url}/healthz`);
  assert.equal(healthy.status, 200);
  await healthy.body?.cancel();
  owner.child.kill('SIGTERM');
  assert.equal(await withTimeout(owner.exited, 60_000, owner.output()), 0);
  const statuses: number[] = [];
  while (sharer.child.exitCode === null && statuses.length < healthPollsMax) {
    const status = await fetch(`${url}/healthz`).then(
      async (response) => (await response.body?.cancel(), response.status),
      () => -1,
    );
    if (status !== -1) statuses.push(status);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  assert.ok(!statuses.includes(200), `/healthz without a database: ${statuses.join(', ')}`);
  const code = await withTimeout(sharer.exited, 60_000, sharer.output());
  assert.equal(code, 1, sharer.output());
  assert.match(sharer.output(), /the database is gone/);
});
