// The posting fault run (issue 6 acceptance): store-days of random checkouts, closed; worker
// PROCESSES (`uriage worker`, the real CLI) post them to a sandbox served over HTTP by this process
// with faults of every kind at `rate` (5xx, maintenance, throttle, timeout, reset_after_write —
// the write lands, the answer is lost —, expired_token, invalid_grant, permission_loss); a worker is
// SIGKILLed at random moments and replaced. What a user would do is done too: a store whose
// connection died (期限切れ / エラー) is reconnected and its days re-run. At the end, for every
// store-day: the books hold each planned deal exactly once (0 duplicates, 0 missing) and satisfy
// invariants 1–6 (checkPostingInvariants on the deals freee returns).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { systemClock } from '../../../src/app/clock.js';
import { requestPosting } from '../../../src/app/posting/requests.js';
import { postingTimings } from '../../../src/app/posting/timings.js';
import { generateSecretKeyText } from '../../../src/adapters/crypto/secret-box.js';
import type { Pool } from '../../../src/adapters/db/pool.js';
import { postingSourcesOver, postingStoreOver } from '../../../src/adapters/db/posting-store.js';
import { startPgBossQueue } from '../../../src/adapters/jobs/pg-boss-queue.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import { postingQueues } from '../../../src/app/posting/jobs.js';
import { createFaultPlan, createSandboxApp } from '../../../src/sandbox/index.js';
import type { JobQueue } from '../../../src/app/jobs/ports.js';
import { createPrng } from '../prng.js';
import { datesBefore, storeDays } from './days.js';
import { closeAll, createWorld, faultRunPublicUrl, reconnect, type World } from './setup.js';
import { verifyBooks, type BooksCheck } from './verify.js';

export interface FaultRunOptions {
  pool: Pool;
  connectionString: string;
  storeDays: number;
  stores: number;
  kills: number;
  workers: number;
  rate: number;
  seed: number;
  /** Give up after this long (the run then reports what is not posted). */
  deadlineMs: number;
  log?: (line: string) => void;
}

export interface FaultRunResult extends BooksCheck {
  storeDays: number;
  workerKills: number;
  reconnects: number;
  reRuns: number;
  reRunReasons: Record<string, number>;
  /** Share of the monitor's ticks (every 500 ms) at which the posting queue was head-of-line blocked. */
  queueBlockedTicks: string;
  faultsFired: Record<string, number>;
  sandboxDealWrites: Record<string, number>;
  elapsedMs: number;
  logFile: string;
}

/** Waits and sizes for the run: real orderings (settle > sandbox hold > client timeout), shrunk. */
export const faultRunTimeScale = 0.01;
export const faultRunClientTimeoutMs = 3_000;
export const faultRunSandboxHoldMs = 4_000;
export const faultRunThrottleLockMs = 1_000;
const monitorEveryMs = 500;
const staleAfterMs = 90_000;

interface CountingSandbox {
  url: string;
  faults: Record<string, number>;
  writes: Record<string, number>;
  close(): Promise<void>;
}

async function countingSandbox(pool: Pool, rate: number, seed: number): Promise<CountingSandbox> {
  const plan = createFaultPlan({
    rate,
    seed,
    timeoutMs: faultRunSandboxHoldMs,
    lockMs: faultRunThrottleLockMs,
  });
  const faults: Record<string, number> = {};
  const writes: Record<string, number> = {};
  let app: ReturnType<typeof createSandboxApp> | null = null;
  let url = '';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      {
        port: 0,
        hostname: '127.0.0.1',
        fetch: async (request, env) => {
          if (!app) return new Response(null, { status: 503 });
          const path = new URL(request.url).pathname;
          const response = await app.fetch(request, env);
          const fault = response.headers.get('x-sandbox-fault');
          if (fault) faults[fault] = (faults[fault] ?? 0) + 1;
          if (path.startsWith('/api/1/deals') && request.method !== 'GET') {
            const key = `${request.method} ${path.replace(/\/deals\/\d+/, '/deals/{id}')}`;
            writes[key] = (writes[key] ?? 0) + 1;
          }
          return response;
        },
      },
      (info) => {
        url = `http://127.0.0.1:${info.port}`;
        app = createSandboxApp({ pool, clock: systemClock, faults: plan, baseUrl: url });
        resolve(started);
      },
    );
  });
  return {
    url,
    faults,
    writes,
    close: () =>
      new Promise<void>((resolve) => {
        plan.close();
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

interface Workers {
  alive(): ChildProcess[];
  killOne(pick: number): void;
  stop(): Promise<void>;
}

function startWorkers(count: number, env: NodeJS.ProcessEnv, logFile: string): Workers {
  const log = createWriteStream(logFile, { flags: 'a' });
  const children: ChildProcess[] = [];
  const spawnOne = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/index.ts', 'worker'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    children.push(child);
  };
  for (let n = 0; n < count; n++) spawnOne();
  const alive = () =>
    children.filter((child) => child.exitCode === null && child.signalCode === null);
  return {
    alive,
    killOne: (pick) => {
      const live = alive();
      const victim = live[pick % Math.max(1, live.length)];
      if (!victim?.pid) return;
      victim.kill('SIGKILL');
      spawnOne();
    },
    stop: async () => {
      await Promise.all(
        alive().map(
          (child) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                child.kill('SIGKILL');
                resolve();
              }, 15_000);
              child.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              child.kill('SIGTERM');
            }),
        ),
      );
      log.end();
    },
  };
}

/** pg-boss `stately` head-of-line block: the oldest due posting job's store-day has a job active (every fetch of the queue then fails). */
async function headOfLineBlocked(pool: Pool): Promise<boolean> {
  const { rows } = await pool.query<{ blocked: boolean }>(
    `select exists (select 1 from pgboss.job a where a.name = h.name and a.state = 'active' and a.singleton_key = h.singleton_key) as blocked
       from (select name, singleton_key from pgboss.job where name = 'posting-store-day' and state < 'active' and start_after < now()
              order by priority desc, created_on, id limit 1) h`,
  );
  return rows[0]?.blocked ?? false;
}

async function progress(
  pool: Pool,
  companyId: string,
): Promise<{ posted: number; byStatus: Record<string, number> }> {
  const { rows } = await pool.query<{ status: string; n: number; current: number }>(
    `select coalesce(p.status, 'none') as status, count(*)::int as n, count(*) filter (where p.posted_version = c.v)::int as current
       from (select store_id, business_date, max(version) as v from day_closes where company_id = $1 group by 1, 2) c
       left join posting_days p on p.store_id = c.store_id and p.business_date = c.business_date
      group by 1`,
    [companyId],
  );
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { posted: rows.find((r) => r.status === 'posted')?.current ?? 0, byStatus };
}

interface Care {
  reconnects: number;
  reRuns: number;
  /** Why days were re-run: `<status>:<reason>` → count (a reconnect's days, failed days, stuck days). */
  reRunReasons: Record<string, number>;
  ticks: number;
  blockedTicks: number;
}

/** What a shop would do: reconnect a dead connection, re-run its days; re-run failed or stuck days. */
async function lookAfter(
  world: World,
  pool: Pool,
  queue: JobQueue,
  care: Care,
  log: (line: string) => void,
): Promise<void> {
  const store = postingStoreOver(pool);
  const deps = {
    store,
    sources: postingSourcesOver(pool),
    queue,
    clock: systemClock,
    timings: postingTimings({
      scale: faultRunTimeScale,
      requestTimeoutMs: faultRunClientTimeoutMs,
    }),
  };
  const connections = await world.runtime.store.listStoreConnections(world.companyId);
  for (const row of connections) {
    const status = row.connection?.status;
    if (status !== 'expired' && status !== 'error') continue;
    const link = world.stores.find((s) => s.storeId === row.storeId);
    if (!link) continue;
    await reconnect(world, link);
    care.reconnects += 1;
    log(`reconnected store ${link.storeCode} (was ${status}: ${row.connection?.statusCode ?? ''})`);
  }
  const { rows } = await pool.query<{
    store_code: string;
    business_date: string;
    status: string;
    reason_code: string | null;
  }>(
    `select s.code as store_code, p.business_date::text as business_date, p.status, p.reason_code from posting_days p join stores s on s.id = p.store_id
      where p.company_id = $1 and (p.status in ('failed', 'expired', 'error', 'outside_fiscal_year', 'period_closed')
        or (p.status not in ('posted', 'retry_wait') and p.updated_at < now() - make_interval(secs => $2))
        or (p.status = 'retry_wait' and p.next_attempt_at < now() - make_interval(secs => $2)))
      limit 200`,
    [world.companyId, staleAfterMs / 1000],
  );
  const fresh = new Set(
    (await world.runtime.store.listStoreConnections(world.companyId))
      .filter((r) => r.connection?.status === 'connected')
      .map((r) => r.storeCode),
  );
  for (const row of rows.filter((r) => fresh.has(r.store_code))) {
    await requestPosting(deps, {
      companyId: world.companyId,
      storeCode: row.store_code,
      from: row.business_date,
      to: row.business_date,
    });
    care.reRuns += 1;
    const why = `${row.status}:${row.reason_code ?? ''}`;
    care.reRunReasons[why] = (care.reRunReasons[why] ?? 0) + 1;
  }
}

export async function runFaultRun(options: FaultRunOptions): Promise<FaultRunResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const secretKeyText = generateSecretKeyText();
  const dir = mkdtempSync(join(tmpdir(), 'uriage-fault-run-'));
  const logFile = join(dir, 'workers.log');
  const world = await createWorld(options.pool, secretKeyText, options.stores);
  const dates = datesBefore(
    new Date().toISOString().slice(0, 10),
    Math.ceil(options.storeDays / options.stores),
  );
  const days = storeDays(
    options.seed,
    world.stores.map((s) => s.storeCode),
    dates,
  ).slice(0, options.storeDays);
  await closeAll(options.pool, world.companyId, days);
  log(
    `${days.length} store-days closed over ${options.stores} stores (${dates[0]} … ${dates[dates.length - 1]}) in ${Math.round(performance.now() - started)} ms`,
  );
  const sandbox = await countingSandbox(options.pool, options.rate, options.seed);
  const timings = postingTimings({
    scale: faultRunTimeScale,
    requestTimeoutMs: faultRunClientTimeoutMs,
  });
  const queue = await startPgBossQueue({
    connectionString: options.connectionString,
    logger: silentLogger,
    queues: postingQueues(timings),
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.connectionString,
    URIAGE_SANDBOX_URL: sandbox.url,
    URIAGE_SECRET_KEY: secretKeyText,
    URIAGE_PUBLIC_URL: faultRunPublicUrl,
    URIAGE_POSTING_TIME_SCALE: String(faultRunTimeScale),
    URIAGE_FREEE_TIMEOUT_MS: String(faultRunClientTimeoutMs),
    URIAGE_JOB_MAINTENANCE_SECONDS: '2',
    URIAGE_POSTING_CONCURRENCY: '4',
    URIAGE_DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: 'warn',
    URIAGE_SANDBOX_FAULTS: '',
  };
  const workers = startWorkers(options.workers, env, logFile);
  const prng = createPrng(options.seed ^ 0x5eed);
  const killAt = Array.from({ length: options.kills }, (_, n) =>
    Math.floor(((n + prng.next()) / (options.kills + 1)) * days.length),
  ).sort((a, b) => a - b);
  const care: Care = { reconnects: 0, reRuns: 0, reRunReasons: {}, ticks: 0, blockedTicks: 0 };
  let kills = 0;
  let lastLog = 0;
  try {
    for (let at = performance.now(); at - started < options.deadlineMs; at = performance.now()) {
      const { posted, byStatus } = await progress(options.pool, world.companyId);
      if (at - lastLog > 10_000) {
        log(
          `t=${Math.round((at - started) / 1000)}s posted ${posted}/${days.length} ${JSON.stringify(byStatus)} kills ${kills} reconnects ${care.reconnects} re-runs ${care.reRuns}`,
        );
        lastLog = at;
      }
      while (
        kills < killAt.length &&
        posted >= (killAt[kills] ?? Infinity) &&
        posted < days.length
      ) {
        workers.killOne(prng.below(1000));
        kills += 1;
        log(`SIGKILL worker #${kills} at ${posted} posted`);
      }
      if (posted >= days.length) break;
      if (await headOfLineBlocked(options.pool)) care.blockedTicks += 1;
      care.ticks += 1;
      await lookAfter(world, options.pool, queue, care, log);
      await new Promise((resolve) => setTimeout(resolve, monitorEveryMs));
    }
  } finally {
    await workers.stop();
    await queue.stop();
  }
  await new Promise((resolve) => setTimeout(resolve, faultRunSandboxHoldMs + 500));
  await sandbox.close();
  const books = await verifyBooks(
    world,
    options.pool,
    days.map((d) => ({ storeCode: d.storeCode, businessDate: d.businessDate })),
  );
  return {
    ...books,
    storeDays: days.length,
    workerKills: kills,
    reconnects: care.reconnects,
    reRuns: care.reRuns,
    reRunReasons: care.reRunReasons,
    queueBlockedTicks: `${care.blockedTicks}/${care.ticks}`,
    faultsFired: sandbox.faults,
    sandboxDealWrites: sandbox.writes,
    elapsedMs: Math.round(performance.now() - started),
    logFile,
  };
}
