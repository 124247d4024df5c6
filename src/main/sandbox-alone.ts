// Runs the freee sandbox alone: `npx tsx src/main/sandbox-alone.ts [--port 4010] [--seed]`.
// Database: DATABASE_URL, else the embedded data directory URIAGE_DATA_DIR (default data/).
// Faults: URIAGE_SANDBOX_FAULTS; freee-like latency and caps: URIAGE_SANDBOX_SERVICE (docs/sandbox.md). --seed creates a client and a 事業所 and prints them.
import { parseArgs } from 'node:util';
import { systemClock } from '../app/clock.js';
import { openDatabase } from '../adapters/db/database.js';
import { runMigrations } from '../adapters/db/migrate.js';
import {
  createSandboxClient,
  createSandboxCompany,
  faultPlanFromEnv,
  sandboxMigrations,
  servicePlanFromEnv,
  startSandboxServer,
} from '../sandbox/index.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      seed: { type: 'boolean', default: false },
    },
  });
  const clock = systemClock;
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.URIAGE_DATA_DIR ?? 'data',
    startedAt: clock.now().toISOString(),
  });
  await runMigrations(database.pool, [sandboxMigrations]);
  if (values.seed) {
    const redirectUri = process.env.URIAGE_SANDBOX_REDIRECT_URI ?? 'urn:ietf:wg:oauth:2.0:oob';
    const client = await createSandboxClient(database.pool, clock, { redirectUri });
    const company = await createSandboxCompany(database.pool, clock, {
      name: 'サンドボックス商店',
    });
    console.log(JSON.stringify({ client, company }, null, 2));
  }
  const server = await startSandboxServer({
    pool: database.pool,
    clock,
    port: Number(values.port),
    faults: faultPlanFromEnv(),
    service: servicePlanFromEnv(),
  });
  console.log(`freee sandbox listening on ${server.url}`);
  const stop = async () => {
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
