// Issue 2: a checkout-free database starts in under 5 s on the embedded default. Measures opening a
// fresh data directory (initdb + migrations) and reopening it, against a bare PGlite start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/adapters/db/database.js';
import { runMigrations } from '../src/adapters/db/migrate.js';
import type { Bench } from './run.js';

async function timeOpen(dataDir: string): Promise<number> {
  const started = performance.now();
  const db = await openDatabase({
    dataDir,
    startedAt: new Date().toISOString(),
    databaseUrl: undefined,
  });
  await runMigrations(db.pool);
  await db.pool.query('select 1');
  const elapsedMs = performance.now() - started;
  await db.close();
  return elapsedMs;
}

export const startupBench: Bench = {
  name: 'startup (embedded, empty database)',
  run: async () => {
    const root = mkdtempSync(join(tmpdir(), 'uriage-bench-'));
    try {
      await (await PGlite.create()).close(); // load the wasm once so both figures start warm
      const bareStarted = performance.now();
      const bare = await PGlite.create(join(root, 'bare'));
      const bareMs = performance.now() - bareStarted;
      await bare.close();
      const firstMs = await timeOpen(join(root, 'app'));
      const reopenMs = await timeOpen(join(root, 'app'));
      return [
        {
          name: 'first start (initdb + migrations)',
          value: firstMs,
          unit: 'ms',
          baselineName: 'bare PGlite initdb',
          baselineValue: bareMs,
          target: '< 5000 ms',
          met: firstMs < 5000,
        },
        {
          name: 'restart (existing data)',
          value: reopenMs,
          unit: 'ms',
          baselineName: 'bare PGlite initdb',
          baselineValue: bareMs,
          target: '< 5000 ms',
          met: reopenMs < 5000,
        },
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
