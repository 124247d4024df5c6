// A festival (issue #15 item 5): ONE store-day of 50,000 checkouts ingested (batches of 500), closed
// (閉局: the engine over the documents), reported (GET 日報: sums of the stored figures) and posted
// to the freee sandbox (the posting job's use case), in this one process. Prints the peak RSS after
// each step (process.resourceUsage().maxRSS; the sandbox server runs in the same process, so the
// figure is an upper bound for Uriage's own). Exit 1 when the peak passes 512 MB or a step fails.
//   npx tsx scripts/festival-rss.ts   (PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
// Knobs: FESTIVAL_CHECKOUTS (50000).
import { systemClock } from '../src/app/clock.js';
import { ingestCheckouts } from '../src/app/ledger/ingest-checkouts.js';
import { closeDay } from '../src/app/ledger/close-day.js';
import { postStoreDay } from '../src/app/posting/post-day.js';
import { postingTimings } from '../src/app/posting/timings.js';
import { getDailyReport } from '../src/app/report/daily-report.js';
import {
  createSecretBox,
  generateSecretKeyText,
  parseSecretKey,
} from '../src/adapters/crypto/secret-box.js';
import { runMigrations } from '../src/adapters/db/migrate.js';
import { createPool } from '../src/adapters/db/pool.js';
import { reportSourceOver } from '../src/adapters/db/report-source.js';
import { silentLogger } from '../src/adapters/log/logger.js';
import { createFreeeRuntime } from '../src/main/freee.js';
import { ledgerDepsOver } from '../src/main/app.js';
import { allMigrationSets } from '../src/main/migration-sets.js';
import { startSandboxServer } from '../src/sandbox/index.js';
import { buildServices } from '../test/support/app.js';
import { createScratchDatabase, serverUrlFromEnv } from '../test/support/database.js';
import { postingDepsOf } from '../test/support/deps.js';
import { datesBefore, storeDays } from '../test/support/fault-run/days.js';
import { createWorld, faultRunPublicUrl } from '../test/support/fault-run/setup.js';

const checkoutCount = Number(process.env.FESTIVAL_CHECKOUTS ?? 50_000);
const batch = 500;
const rssLimitMb = 512;

const peakMb = (): number => process.resourceUsage().maxRSS / 1024;
function step(name: string, started: number): void {
  process.stdout.write(
    `${name}: ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS so far ${peakMb().toFixed(0)} MB (now ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB)\n`,
  );
}

/** The fault run's random checkouts (1–6 per generated day), moved onto one business date. */
function festivalCheckouts(storeCode: string, businessDate: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const dates = datesBefore(businessDate, Math.ceil(checkoutCount / 3));
  for (const day of storeDays(20251104, [storeCode], dates)) {
    for (const checkout of day.checkouts) {
      if (out.length >= checkoutCount) return out;
      const moved = JSON.parse(
        JSON.stringify(checkout).replaceAll(day.businessDate, businessDate),
      ) as Record<string, unknown>;
      out.push({ ...moved, id: `fest-${out.length}` });
    }
  }
  return out;
}

const database = await createScratchDatabase(serverUrlFromEnv(), 'uriage_festival');
const pool = createPool(database.url, 10);
const sandbox = await startSandboxServer({ pool, clock: systemClock, port: 0 });
let ok: boolean;
try {
  await runMigrations(pool, allMigrationSets);
  const keyText = generateSecretKeyText();
  const world = await createWorld(pool, keyText, 1);
  const storeCode = world.stores[0]?.storeCode ?? '0001';
  const businessDate = datesBefore(new Date().toISOString().slice(0, 10), 1)[0] ?? '2025-01-10';
  const actor = { companyId: world.companyId, label: 'festival' };
  const ledger = ledgerDepsOver(pool, systemClock);
  process.stdout.write(
    `festival: ${checkoutCount} checkouts, store ${storeCode}, ${businessDate}\n`,
  );
  step('setup', performance.now());

  let started = performance.now();
  const checkouts = festivalCheckouts(storeCode, businessDate);
  for (let at = 0; at < checkouts.length; at += batch) {
    const report = await ingestCheckouts(ledger, actor, checkouts.slice(at, at + batch), {
      pathOf: (i) => `checkouts[${at + i}]`,
    });
    if (report.rejected > 0)
      throw new Error(
        `refused: ${JSON.stringify(report.results.find((r) => r.result === 'rejected'))}`,
      );
  }
  checkouts.length = 0;
  step(`ingest ${checkoutCount} (batches of ${batch})`, started);

  started = performance.now();
  const view = await getDailyReport({ source: reportSourceOver(pool), clock: systemClock }, actor, {
    storeCode,
    businessDate,
  });
  step(
    `GET 日報 (checkoutCount ${view.report.checkoutCount}, salesTotal ¥${view.report.salesTotal})`,
    started,
  );

  started = performance.now();
  const cashTotal = view.report.paymentMethods.find((m) => m.code === 'cash')?.amount ?? 0;
  await closeDay(ledger, actor, {
    storeCode,
    businessDate,
    float: 20_000,
    countedCash: Math.max(0, 20_000 + cashTotal),
  });
  step('閉局 (close: the engine over the documents)', started);

  started = performance.now();
  const services = buildServices({
    pool,
    clock: systemClock,
    logger: silentLogger,
    postingTimings: postingTimings(),
  });
  services.freee = createFreeeRuntime({
    pool,
    clock: systemClock,
    logger: silentLogger,
    secretBox: createSecretBox(parseSecretKey(keyText)),
    publicUrl: faultRunPublicUrl,
    freee: null,
    sandbox: { baseUrl: sandbox.url },
  });
  const outcome = await postStoreDay(postingDepsOf(services), {
    companyId: world.companyId,
    storeCode,
    businessDate,
  });
  if (outcome.status !== 'posted')
    throw new Error(`posting: ${outcome.status} ${outcome.message ?? ''}`);
  step(`posted (${outcome.calls} freee calls)`, started);
  ok = peakMb() < rssLimitMb;
  process.stdout.write(
    `peak RSS ${peakMb().toFixed(0)} MB: ${ok ? 'under' : 'NOT under'} ${rssLimitMb} MB\n`,
  );
} finally {
  await sandbox.close();
  await pool.end();
  await database.drop();
}
process.exit(ok ? 0 : 1);
