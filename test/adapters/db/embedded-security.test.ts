// Goal: the embedded database is not open to every local process (issue #10 item 5): its wire
// server asks for a password (new per start, md5 exchange), the lock file that publishes the
// address and password is 0600 and the data directory 0700. Method: a real PGlite served on
// 127.0.0.1, reached by `pg` with no, a wrong and the right password; file modes read with stat.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startEmbedded, type EmbeddedServer } from '../../../src/adapters/db/embedded.js';
import { acquireLock } from '../../../src/adapters/db/data-dir-lock.js';

let server: EmbeddedServer;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uriage-sec-'));
  server = await startEmbedded({});
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function selectOne(connectionString: string): Promise<number> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>('select 1 as one');
    return rows[0]?.one ?? -1;
  } finally {
    await client.end();
  }
}

describe('embedded database access', () => {
  it('the published connection string (with its password) connects', async () => {
    assert.equal(await selectOne(server.connectionString), 1);
    assert.equal(await selectOne(server.connectionString), 1);
  });
  it('no password or a wrong one is refused with 28P01', async () => {
    const url = new URL(server.connectionString);
    url.password = '';
    await assert.rejects(selectOne(url.toString()));
    url.password = 'not-the-password';
    await assert.rejects(selectOne(url.toString()), (error: { code?: string }) => {
      assert.equal(error.code, '28P01');
      return true;
    });
    assert.equal(await selectOne(server.connectionString), 1, 'still serving after refusals');
  });
  it('the data directory is 0700 and the lock file 0600', () => {
    const dataDir = join(dir, 'data');
    const lock = acquireLock(dataDir, '2025-01-10T00:00:00Z');
    try {
      lock.publish('postgres://postgres:secret@127.0.0.1:1/postgres');
      assert.equal(statSync(dataDir).mode & 0o777, 0o700);
      assert.equal(statSync(join(dataDir, 'uriage.lock')).mode & 0o777, 0o600);
    } finally {
      lock.release();
    }
  });
});
