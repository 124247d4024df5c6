// Goal: the server process is safe to run (issue #10 items 3 and 9): with real freee credentials
// the built-in sandbox is not mounted at /sandbox/freee; /healthz answers 200 only while the
// database answers. Method: the real server (startServer) on port 0 over a temp data directory
// (or DATABASE_URL's test database), reached over HTTP.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '../../src/app/clock.js';
import { silentLogger } from '../../src/adapters/log/logger.js';
import { readConfig } from '../../src/main/config.js';
import { startServer, type RunningServer } from '../../src/main/server.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

let dataDir: string;
let serverDb: TestDatabase | null = null;
let server: RunningServer;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uriage-harden-'));
  const env: NodeJS.ProcessEnv = {
    URIAGE_DATA_DIR: dataDir,
    FREEE_CLIENT_ID: 'real-client',
    FREEE_CLIENT_SECRET: 'real-secret',
    FREEE_REDIRECT_URL: 'http://localhost/freee/callback',
  };
  if (process.env.DATABASE_URL) {
    serverDb = await openTestDatabase();
    env.DATABASE_URL = serverDb.connectionString;
  }
  const config = { ...readConfig(env), port: 0 };
  server = await startServer({ config, clock: systemClock, logger: silentLogger, demo: false });
});
after(async () => {
  await server?.close();
  await serverDb?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('server with real freee credentials', () => {
  it('does not mount the built-in sandbox', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    for (const path of ['/sandbox/freee/', '/sandbox/freee/public_api/authorize']) {
      const response = await fetch(`${base}${path}`);
      await response.body?.cancel();
      assert.equal(response.status, 404, path);
    }
  });
});
