// The night (issue 15 item 2): chains close their stores between 23:00 and 01:00 of a simulated
// night, compressed `timeFactor` times; `workers` `uriage worker` PROCESSES post them to a sandbox
// served over HTTP by this process with freee's service behaviour on (latency, day caps by plan,
// 403 lock-outs, bounded concurrency; caps measured on the simulated clock). Measured: time until
// the last store-day is 送信済, close → 送信済 per store-day (p50/p95/max, simulated minutes), freee
// calls per store-day, per-company calls vs cap, throttles, worker and PostgreSQL CPU; then the books
// of every store-day (0 duplicates, 0 missing, invariants 1–6).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { systemClock, type Clock } from '../../../src/app/clock.js';
import { postingQueues } from '../../../src/app/posting/jobs.js';
import { requestPosting } from '../../../src/app/posting/requests.js';
import { postingTimings } from '../../../src/app/posting/timings.js';
import type { JobQueue } from '../../../src/app/jobs/ports.js';
import { generateSecretKeyText } from '../../../src/adapters/crypto/secret-box.js';
import { postingSourcesOver, postingStoreOver } from '../../../src/adapters/db/posting-store.js';
import { startPgBossQueue } from '../../../src/adapters/jobs/pg-boss-queue.js';
import { silentLogger } from '../../../src/adapters/log/logger.js';
import type { Pool } from '../../../src/adapters/db/pool.js';
import {
  createSandboxApp,
  createServicePlan,
  type CompanyUsage,
  type ServicePlan,
} from '../../../src/sandbox/index.js';
import { faultRunPublicUrl } from '../fault-run/setup.js';
import { verifyBooks, type BooksCheck } from '../fault-run/verify.js';
import type { PreparedNight } from './template.js';
import { closeStoreDay, createNight, type NightShape, type NightStoreDay } from './world.js';

export interface NightOptions extends NightShape {
  pool: Pool;
  connectionString: string;
  workers: number;
  /** Simulated time runs this many times faster than wall time. */
  timeFactor: number;
  /** Posting runs per worker process, and per company per process. */
  perProcess: number;
  perCompany: number;
  /** Runs of one company at once over all workers (URIAGE_POSTING_COMPANY_RUNS_MAX; default 4). */
  companyRunsMax?: number;
  /** freee's concurrent requests per 事業所 in the sandbox (default 8). */
  sandboxConcurrency?: number;
  latencyMedianMs: number;
  deadlineMs: number;
  /** The world built beforehand (a copy of a kept template, template.ts); else built here. */
  prepared?: PreparedNight;
  /** SIGKILL the first worker once this many store-days are 送信済 (not restarted). */
  killOneWorkerAtPosted?: number;
  log?: (line: string) => void;
}

export interface NightResult extends BooksCheck {
  companies: number;
  storeDays: number;
  /** Simulated minutes after 01:00 when the last store-day was 送信済 (negative: before 01:00). */
  lastPostedAfterOneMin: number;
  closeToPostedMin: { p50: number; p95: number; max: number };
  storeDaysOver15Min: number;
  apiCallsPerStoreDay: number;
  tokenCalls: number;
  /** Days the harness re-ran (as a shop would) after they ended 失敗, by reason. */
  reRuns: Record<string, number>;
  companiesOverCap: number;
  /** Most freee calls of one company in flight at once, and companies above companyRunsMax. */
  inFlightPeak: number;
  companiesOverRuns: number;
  /** Simulated minutes after 01:00 of the last 送信済 of the big chain and of every other chain. */
  bigChainLastAfterOneMin: number;
  smallChainsLastAfterOneMin: number;
  /** Close → 送信済, the longest (simulated minutes), of the big chain and of the other chains. */
  bigChainMaxMin: number;
  smallChainsMaxMin: number;
  busiestCompany: CompanyUsage | null;
  throttled: number;
  /** Wall seconds from the SIGKILL to the last 送信済 (null: no worker killed). */
  afterKillWallSeconds: number | null;
  workerCpuSeconds: number;
  /** This process during the night: the sandbox (freee) it serves, the closes and the polling. */
  harnessCpuSeconds: number;
  postgresCpuSeconds: number;
  wallSeconds: number;
}

const clockTicksPerSecond = 100;
/** Stores the harness closes at once (as many registers closing at the same minute). */
const closesAtOnceMax = 8;

/** utime + stime of the processes; with `reaped`, also of their ended children (cutime + cstime). */
function cpuSecondsOf(pids: readonly number[], reaped = false): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      if (reaped) ticks += Number(fields[13] ?? 0) + Number(fields[14] ?? 0);
    } catch {
      // gone
    }
  }
  return ticks / clockTicksPerSecond;
}

function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** Simulated time: starts at 22:55 JST of the business date + 1 day's eve, runs `factor` × faster. */
function simulatedClock(
  startIso: string,
  factor: number,
): Clock & { simMs(wallMs: number): number } {
  const simStart = Date.parse(startIso);
  const wallStart = performance.now();
  const simMs = (wallMs: number) => simStart + (wallMs - wallStart) * factor;
  return { now: () => new Date(simMs(performance.now())), simMs };
}

interface ServedSandbox {
  url: string;
  service: ServicePlan;
  apiCalls: () => number;
  tokenCalls: () => number;
  close(): Promise<void>;
}

async function serveSandbox(
  pool: Pool,
  serviceClock: Clock,
  service: ServicePlan,
): Promise<ServedSandbox> {
  let apiCalls = 0;
  let tokenCalls = 0;
  let app: ReturnType<typeof createSandboxApp> | null = null;
  let url = '';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      {
        port: 0,
        hostname: '127.0.0.1',
        fetch: (request, env) => {
          if (!app) return new Response(null, { status: 503 });
          const path = new URL(request.url).pathname;
          if (path.startsWith('/api/1/')) apiCalls += 1;
          else if (path.endsWith('/public_api/token')) tokenCalls += 1;
          return app.fetch(request, env);
        },
      },
      (info) => {
        url = `http://127.0.0.1:${info.port}`;
        app = createSandboxApp({ pool, clock: systemClock, service, serviceClock, baseUrl: url });
        resolve(started);
      },
    );
  });
  return {
    url,
    service,
    apiCalls: () => apiCalls,
    tokenCalls: () => tokenCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

const workerStartMsMax = 120_000;

/** `count` worker processes, resolved once each has said it runs (the night starts after that). */
async function spawnWorkers(
  count: number,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<ChildProcess[]> {
  const log = createWriteStream(logFile, { flags: 'a' });
  log.setMaxListeners(4 * count + 10); // two pipes per worker
  const children = Array.from({ length: count }, () => {
    // NIGHT_WORKER_NODE_ARGS: extra node flags for the workers (e.g. `--cpu-prof --cpu-prof-dir=…`).
    const nodeArgs = (process.env.NIGHT_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const args = [...nodeArgs, '--import', 'tsx', 'src/main/index.ts', 'worker'];
    const child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    return child;
  });
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error('worker did not start')),
            workerStartMsMax,
          );
          const watch = (chunk: Buffer) => {
            if (!chunk.toString().includes('worker running')) return;
            clearTimeout(timer);
            child.stdout?.off('data', watch);
            child.stderr?.off('data', watch);
            resolve();
          };
          child.stdout?.on('data', watch);
          child.stderr?.on('data', watch);
          child.once('exit', (code) => reject(new Error(`worker exited ${code} at start`)));
        }),
    ),
  );
  return children;
}

async function stopWorkers(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
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
}

/**
 * Store-days 送信済 at their latest close (`<company>/<store>`: one business date in the night)
 * whose row changed since `sinceIso` (the poll reads only what moved; a full read of 10,000 rows
 * four times a second would cost the night more than the posting).
 */
async function postedKeysSince(
  pool: Pool,
  sinceIso: string,
): Promise<{ keys: string[]; latestIso: string }> {
  const { rows } = await pool.query<{ key: string; at: string }>(
    `select p.company_id::text || '/' || s.code as key, to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
       from posting_days p join stores s on s.id = p.store_id
      where p.status = 'posted' and p.updated_at >= $1
        and p.posted_version = (select max(version) from day_closes c
          where c.store_id = p.store_id and c.business_date = p.business_date)`,
    [sinceIso],
  );
  const latestIso = rows.reduce((latest, r) => (r.at > latest ? r.at : latest), sinceIso);
  return { keys: rows.map((r) => r.key), latestIso };
}

/** What a shop would do: 再実行 of a day that ended 失敗 (e.g. two runs creating one 品目 at once). */
async function reRunFailed(
  pool: Pool,
  queue: JobQueue,
  timeFactor: number,
  reRuns: Record<string, number>,
): Promise<void> {
  const { rows } = await pool.query<{
    company_id: string;
    code: string;
    date: string;
    reason: string;
  }>(
    `select p.company_id, s.code, p.business_date::text as date, coalesce(p.reason_code, '') as reason
       from posting_days p join stores s on s.id = p.store_id where p.status = 'failed' limit 100`,
  );
  const deps = {
    store: postingStoreOver(pool),
    sources: postingSourcesOver(pool),
    queue,
    clock: systemClock,
    timings: postingTimings({ scale: 1 / timeFactor, requestTimeoutMs: 10_000 }),
  };
  for (const row of rows) {
    await requestPosting(deps, {
      companyId: row.company_id,
      storeCode: row.code,
      from: row.date,
      to: row.date,
    });
    reRuns[row.reason] = (reRuns[row.reason] ?? 0) + 1;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

async function prepareHere(
  options: NightOptions,
  log: (line: string) => void,
): Promise<PreparedNight> {
  const secretKeyText = generateSecretKeyText();
  const businessDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const chains = await createNight(options.pool, secretKeyText, options, businessDate, log);
  return { secretKeyText, businessDate, chains };
}

export async function runNight(options: NightOptions): Promise<NightResult> {
  const log = options.log ?? (() => undefined);
  const wallStarted = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'uriage-night-'));
  const { secretKeyText, businessDate, chains } =
    options.prepared ?? (await prepareHere(options, log));
  const days = chains.flatMap((c) => c.storeDays);
  log(`${chains.length} chains, ${days.length} store-days ingested (${dir})`);
  const plans = new Map(
    chains.map((c, i) => [c.freeeCompanyId, i === 0 ? 'enterprise' : 'basic'] as const),
  );
  let clock = simulatedClock(`${businessDate}T22:55:00+09:00`, options.timeFactor);
  const service = createServicePlan({
    latencyMedianMs: options.latencyMedianMs,
    latencyTail: 0.6,
    plans,
    concurrency: options.sandboxConcurrency ?? 8,
    lockMs: 10 * 60_000,
  });
  const sandbox = await serveSandbox(options.pool, clock, service);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.connectionString,
    URIAGE_SANDBOX_URL: sandbox.url,
    URIAGE_SECRET_KEY: secretKeyText,
    URIAGE_PUBLIC_URL: faultRunPublicUrl,
    URIAGE_POSTING_TIME_SCALE: String(1 / options.timeFactor),
    URIAGE_FREEE_TIMEOUT_MS: '10000',
    URIAGE_JOB_MAINTENANCE_SECONDS: '10',
    URIAGE_POSTING_CONCURRENCY: String(options.perProcess),
    URIAGE_POSTING_COMPANY_CONCURRENCY: String(options.perCompany),
    URIAGE_POSTING_COMPANY_RUNS_MAX: String(options.companyRunsMax ?? 4),
    URIAGE_DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: 'warn',
    URIAGE_SANDBOX_FAULTS: '',
    URIAGE_SANDBOX_SERVICE: '',
  };
  const queue = await startPgBossQueue({
    connectionString: options.connectionString,
    logger: silentLogger,
    queues: postingQueues(
      postingTimings({ scale: 1 / options.timeFactor, requestTimeoutMs: 10_000 }),
    ),
  });
  const reRuns: Record<string, number> = {};
  let lastCare = 0;
  // PostgreSQL's backends come and go: the postmaster's reaped-children time counts the ended ones.
  const pgCpuBefore = cpuSecondsOf(postgresPids(), true);
  const workers = await spawnWorkers(options.workers, env, join(dir, 'workers.log'));
  const harnessCpuBefore = process.cpuUsage();
  // The night starts once the workers run (the sandbox holds `clock`: its `now` moves with it).
  const ready = simulatedClock(`${businessDate}T22:59:00+09:00`, options.timeFactor);
  clock.now = ready.now;
  clock = ready;
  const order = [...days].sort((a, b) => a.closeMinute - b.closeMinute);
  const closedAtSim = new Map<string, number>();
  const postedAtSim = new Map<string, number>();
  const keyOf = (d: NightStoreDay) => `${d.companyId}/${d.storeCode}`;
  const nightStartSim = Date.parse(`${businessDate}T23:00:00+09:00`);
  let next = 0;
  let postedSince = '1970-01-01T00:00:00.000Z';
  let workerCpu = 0;
  let lastLog = 0;
  let killedAtWall: number | null = null;
  let [postedCount, lastPostedWall] = [0, 0];
  try {
    while (performance.now() - wallStarted < options.deadlineMs) {
      const nowSim = clock.now().getTime();
      const due: NightStoreDay[] = [];
      while (
        next < order.length &&
        due.length < closesAtOnceMax &&
        nightStartSim + (order[next]?.closeMinute ?? 0) * 60_000 <= nowSim
      ) {
        due.push(order[next] as NightStoreDay);
        next += 1;
      }
      await Promise.all(
        due.map(async (day) => {
          await closeStoreDay(options.pool, day);
          closedAtSim.set(keyOf(day), clock.now().getTime());
        }),
      );
      // Rows are read again from 30 s before the latest seen: commits land out of updated_at order.
      const since = new Date(Date.parse(postedSince) - 30_000).toISOString();
      const polled = await postedKeysSince(options.pool, since);
      postedSince = polled.latestIso;
      const seenSim = clock.now().getTime();
      for (const key of polled.keys) if (!postedAtSim.has(key)) postedAtSim.set(key, seenSim);
      if (
        killedAtWall === null &&
        postedAtSim.size >= (options.killOneWorkerAtPosted ?? Infinity)
      ) {
        workers[0]?.kill('SIGKILL');
        killedAtWall = performance.now();
        log(`SIGKILL worker 1 at ${postedAtSim.size} posted`);
      }
      if (postedAtSim.size > postedCount)
        [postedCount, lastPostedWall] = [postedAtSim.size, performance.now()];
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(
          `sim ${clock.now().toISOString()} closed ${next}/${days.length} posted ${postedAtSim.size} calls ${sandbox.apiCalls()}`,
        );
      }
      if (postedAtSim.size >= days.length) break;
      if (performance.now() - lastCare > 2_000) {
        lastCare = performance.now();
        await reRunFailed(options.pool, queue, options.timeFactor, reRuns);
      }
      workerCpu = cpuSecondsOf(workers.map((w) => w.pid ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await stopWorkers(workers);
    await queue.stop();
  }
  const postgresCpuSeconds = cpuSecondsOf(postgresPids(), true) - pgCpuBefore;
  const harnessCpu = process.cpuUsage(harnessCpuBefore);
  await sandbox.close();
  const books = emptyBooks();
  for (const chain of chains) {
    const check = await verifyBooks(chain.world, options.pool, chain.storeDays);
    mergeBooks(books, check);
  }
  const latencies = days
    .map(
      (d) =>
        ((postedAtSim.get(keyOf(d)) ?? Number.NaN) - (closedAtSim.get(keyOf(d)) ?? 0)) / 60_000,
    )
    .filter((m) => !Number.isNaN(m))
    .sort((a, b) => a - b);
  const usage = service.usage();
  const lastPosted = Math.max(...postedAtSim.values());
  const oneAm = nightStartSim + 120 * 60_000;
  const lastOf = (list: readonly NightStoreDay[]) =>
    round1((Math.max(...list.map((d) => postedAtSim.get(keyOf(d)) ?? Infinity)) - oneAm) / 60_000);
  const maxWaitOf = (list: readonly NightStoreDay[]) =>
    round1(
      Math.max(
        ...list.map(
          (d) => (postedAtSim.get(keyOf(d)) ?? Infinity) - (closedAtSim.get(keyOf(d)) ?? 0),
        ),
      ) / 60_000,
    );
  const small = chains.slice(1).flatMap((c) => c.storeDays);
  return {
    ...books,
    companies: chains.length,
    storeDays: days.length,
    lastPostedAfterOneMin:
      Math.round(((lastPosted - (nightStartSim + 120 * 60_000)) / 60_000) * 10) / 10,
    closeToPostedMin: {
      p50: round1(percentile(latencies, 0.5)),
      p95: round1(percentile(latencies, 0.95)),
      max: round1(latencies[latencies.length - 1] ?? Number.NaN),
    },
    storeDaysOver15Min: latencies.filter((m) => m > 15).length,
    apiCallsPerStoreDay: Math.round((sandbox.apiCalls() / days.length) * 100) / 100,
    tokenCalls: sandbox.tokenCalls(),
    reRuns,
    companiesOverCap: usage.filter((u) => u.dayPeak > u.dayCap).length,
    inFlightPeak: Math.max(0, ...usage.map((u) => u.inFlightPeak)),
    companiesOverRuns: usage.filter((u) => u.inFlightPeak > (options.companyRunsMax ?? 4)).length,
    bigChainLastAfterOneMin: lastOf(chains[0]?.storeDays ?? []),
    smallChainsLastAfterOneMin: lastOf(small),
    bigChainMaxMin: maxWaitOf(chains[0]?.storeDays ?? []),
    smallChainsMaxMin: maxWaitOf(small),
    busiestCompany: [...usage].sort((a, b) => b.hourPeak - a.hourPeak)[0] ?? null,
    throttled: usage.reduce((n, u) => n + u.throttled, 0),
    afterKillWallSeconds:
      killedAtWall === null ? null : Math.round((lastPostedWall - killedAtWall) / 1000),
    workerCpuSeconds: round1(workerCpu),
    harnessCpuSeconds: round1((harnessCpu.user + harnessCpu.system) / 1e6),
    postgresCpuSeconds: round1(postgresCpuSeconds),
    wallSeconds: Math.round((performance.now() - wallStarted) / 1000),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function emptyBooks(): BooksCheck {
  return {
    postedDays: 0,
    notPosted: [],
    deals: 0,
    duplicateDeals: 0,
    missingDeals: 0,
    unexpectedDeals: 0,
    daysWithViolations: 0,
    violations: [],
  };
}

function mergeBooks(into: BooksCheck, check: BooksCheck): void {
  into.postedDays += check.postedDays;
  into.notPosted.push(...check.notPosted);
  into.deals += check.deals;
  into.duplicateDeals += check.duplicateDeals;
  into.missingDeals += check.missingDeals;
  into.unexpectedDeals += check.unexpectedDeals;
  into.daysWithViolations += check.daysWithViolations;
  into.violations.push(...check.violations.slice(0, 20 - into.violations.length));
}
