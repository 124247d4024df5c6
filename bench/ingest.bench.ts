// Issue 3: ingest throughput of 100,000 checkouts (3 lines, 1–2 payments each) in batches of 500
// over real HTTP (a register token) into the PostgreSQL server (DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/postgres; a fresh database, dropped afterwards). Baselines on
// the same rows in the same run, into a table shaped like `checkouts`:
// The registers' side runs in a worker thread, not on the server's event loop. BENCH_DEBUG=1 also
// prints the server's event-loop utilisation (near 1.0 = bound by the server's CPU) and the CPU
// per checkout of this process and of the machine's PostgreSQL processes.
//   - raw multi-row INSERT … SELECT FROM unnest(…) in batches of 500 over `pg` (always);
//   - raw COPY FROM STDIN (text format) through `psql \copy`, when psql is installed (one stream,
//     no Node work: the ingest itself writes by COPY through pg-copy-streams since stop 24);
//   - raw COPY of the rows as the ingest stored them (every column, the 日報 figure columns filled):
//     "COPY of the same rows" of issue 15 item 4, the figure its target ≥ 0.5× is judged on.
// The HTTP ingest and both COPYs run `BENCH_INGEST_RUNS` times (3) and report their medians, each
// run into an empty table after VACUUM ANALYZE + CHECKPOINT (single runs varied ±20 %).
// BENCH_CPU_PROFILE=dir writes a CPU profile of the server's main thread over each HTTP run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { serve, type ServerType } from '@hono/node-server';
import type pg from 'pg';
import { createRegisterToken } from '../src/app/auth/login.js';
import { systemClock } from '../src/app/clock.js';
import { sha256Hex } from '../src/app/ledger/content-hash.js';
import { canonicalJson } from '../src/domain/text/canonical-json.js';
import { demoPaymentMethods } from '../src/app/tenancy/demo.js';
import { saveCompany } from '../src/app/tenancy/service.js';
import { runMigrations } from '../src/adapters/db/migrate.js';
import { createPool } from '../src/adapters/db/pool.js';
import { silentLogger } from '../src/adapters/log/logger.js';
import { computeCheckoutTotals } from '../src/domain/ledger/checkout-totals.js';
import type { Checkout, CheckoutLine, Payment } from '../src/domain/ledger/types.js';
import { buildServices, httpAppOver } from '../test/support/app.js';
import { createScratchDatabase, serverUrlFromEnv } from '../test/support/database.js';
import { seeded } from '../test/support/prng.js';
import { median, psqlCopyMs, psqlCopyStoredMs, type BaselineRow } from './ingest-copy.js';
import type { Bench, BenchFigure } from './run.js';

const checkoutCount = 100_000;
const batchSize = 500;
const requestsInFlight = Number(process.env.BENCH_INGEST_IN_FLIGHT ?? 4);
const targetPerSecond = 10_000;
const targetRatio = 0.5; // issue 15 item 4: ≥ 0.5× a raw COPY of the same rows
/** HTTP runs and COPY runs timed each (the figures are medians): single runs varied ±20 %. */
const timedRuns = Number(process.env.BENCH_INGEST_RUNS ?? 3);

function makeCheckouts(count: number, seed = 20250110): Checkout[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out: Checkout[] = [];
  for (let i = 0; i < count; i += 1) {
    const lines: CheckoutLine[] = [0, 1, 2].map((n) => ({
      sku: `SKU${n}${Math.floor(random() * 100)}`,
      name: pick(['パン', 'ランチ', 'コーヒー', '弁当', 'ケーキ']),
      quantity: 1 + Math.floor(random() * 3),
      unitPrice: 100 + Math.floor(random() * 1500),
      taxCategory: pick(['standard10', 'reduced8', 'reduced8']),
      ...(random() < 0.2 ? { discount: 50 } : {}),
    }));
    const minute = Math.floor(random() * 600);
    const started = new Date(Date.UTC(2025, 0, 10, 0, minute, 0))
      .toISOString()
      .replace('.000Z', 'Z');
    const completed = new Date(Date.UTC(2025, 0, 10, 0, minute, 45))
      .toISOString()
      .replace('.000Z', 'Z');
    const base = { lines, priceMode: 'inclusive' as const };
    const totalYen = computeCheckoutTotals(base, 'floor').totalYen;
    const payments: Payment[] =
      random() < 0.5
        ? [{ method: 'cash', amount: Math.ceil(totalYen / 1000) * 1000 }]
        : [
            { method: 'credit', amount: Math.floor(totalYen / 2) },
            { method: 'cash', amount: totalYen - Math.floor(totalYen / 2) + 100 },
          ];
    const idHex = Array.from({ length: 4 }, () =>
      Math.floor(random() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    out.push({
      id: `${idHex.slice(0, 8)}-${idHex.slice(8, 12)}-4${idHex.slice(13, 16)}-8${idHex.slice(17, 20)}-${idHex.slice(20, 32)}`,
      revision: 1,
      storeCode: '0001',
      registerCode: '01',
      businessDate: '2025-01-10',
      startedAt: started,
      completedAt: completed,
      status: 'completed',
      customerCount: 1 + Math.floor(random() * 3),
      priceMode: 'inclusive',
      lines,
      payments,
    });
  }
  return out;
}

async function inFlight<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

function baselineRows(checkouts: readonly Checkout[]): BaselineRow[] {
  return checkouts.map((c) => {
    const document = canonicalJson(c);
    return {
      id: c.id,
      total: computeCheckoutTotals(c, 'floor').totalYen,
      completedAt: c.completedAt ?? '',
      document,
      hash: sha256Hex(document),
    };
  });
}

async function unnestInsertMs(
  pool: pg.Pool,
  place: { companyId: string; storeId: string; registerId: string },
  rows: readonly BaselineRow[],
): Promise<number> {
  await pool.query('create table bench_insert_baseline (like checkouts including all)');
  const started = performance.now();
  const batches: BaselineRow[][] = [];
  for (let i = 0; i < rows.length; i += batchSize) batches.push(rows.slice(i, i + batchSize));
  await inFlight(batches, requestsInFlight, async (batch) => {
    await pool.query(
      `insert into bench_insert_baseline (company_id, checkout_id, revision, store_id, register_id, business_date, status, completed_at, total_yen, redoes, document, content_hash, received_at)
       select $1, x.id, 1, $2, $3, '2025-01-10', 'completed', x.completed_at, x.total, null, x.document, x.hash, now()
         from unnest($4::text[], $5::timestamptz[], $6::bigint[], $7::jsonb[], $8::text[]) as x(id, completed_at, total, document, hash)`,
      [
        place.companyId,
        place.storeId,
        place.registerId,
        batch.map((r) => r.id),
        batch.map((r) => r.completedAt),
        batch.map((r) => r.total),
        batch.map((r) => r.document),
        batch.map((r) => r.hash),
      ],
    );
  });
  return performance.now() - started;
}

/** The registers' side runs in a worker thread (plain JS, global fetch): in real life the clients
 *  are other machines, so their JSON and socket work must not share the server's event loop. */
const clientSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, buffers, inFlight } = workerData;
const bodies = buffers.map((buffer) => new Uint8Array(buffer));
(async () => {
  let next = 0, accepted = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(url + '/api/v1/checkouts', { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body });
      const result = await response.json();
      if (response.status !== 200 || result.rejected !== 0) throw new Error('batch failed: ' + response.status + ' ' + JSON.stringify(result).slice(0, 500));
      accepted += result.accepted;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  parentPort.postMessage({ elapsedMs: performance.now() - started, accepted });
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/** Request bodies as bytes, built from a fresh copy of the data so that nothing of it stays on the
 *  server's heap (the buffers are moved to the client thread). */
function encodedBodies(count: number, seed: number): ArrayBuffer[] {
  const checkouts = makeCheckouts(count, seed);
  const encoder = new TextEncoder();
  const buffers: ArrayBuffer[] = [];
  for (let i = 0; i < checkouts.length; i += batchSize)
    buffers.push(
      encoder.encode(JSON.stringify({ checkouts: checkouts.slice(i, i + batchSize) }))
        .buffer as ArrayBuffer,
    );
  return buffers;
}

const perCheckoutUs = (usage: NodeJS.CpuUsage, count: number) =>
  ((usage.user + usage.system) / count).toFixed(0);

/** CPU time of this machine's PostgreSQL processes (Linux /proc; null elsewhere): BENCH_DEBUG only. */
function postgresCpuMs(): number | null {
  try {
    const ticksPerMs = 100 / 1000; // USER_HZ
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / ticksPerMs;
  } catch {
    return null;
  }
}

/** BENCH_CPU_PROFILE=dir: a CPU profile of the server's main thread during each timed HTTP run. */
async function startProfile(): Promise<{ stop: (count: number) => Promise<void> } | null> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    stop: async (count) => {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      session.disconnect();
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `ingest-${count}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

async function httpIngestMs(
  url: string,
  token: string,
  count: number,
  seed: number,
): Promise<{ elapsedMs: number; accepted: number }> {
  const buffers = encodedBodies(count, seed);
  const elu = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const pgBefore = postgresCpuMs();
  const profile = await startProfile();
  const result = await new Promise<{ elapsedMs: number; accepted: number; error?: string }>(
    (resolve, reject) => {
      const worker = new Worker(clientSource, {
        eval: true,
        workerData: { url, token, buffers, inFlight: requestsInFlight },
        transferList: buffers,
      });
      worker.once('message', (message: { elapsedMs: number; accepted: number; error?: string }) => {
        void worker.terminate();
        resolve(message);
      });
      worker.once('error', reject);
    },
  );
  await profile?.stop(count);
  if (result.error) throw new Error(result.error);
  if (process.env.BENCH_DEBUG)
    process.stderr.write(
      `server event loop utilisation ${performance.eventLoopUtilization(elu).utilization.toFixed(2)}; CPU per checkout: this process ${perCheckoutUs(process.cpuUsage(cpuBefore), count)} µs, PostgreSQL processes ${pgBefore === null ? '?' : ((((postgresCpuMs() ?? 0) - pgBefore) * 1000) / count).toFixed(0)} µs\n`,
    );
  return result;
}

/**
 * Before each timed phase: the phase before's writes flushed (CHECKPOINT: else a checkpoint and
 * its full-page writes fall into whichever phase reaches max_wal_size) and the tables analysed.
 */
async function settle(pool: pg.Pool): Promise<void> {
  await pool.query('vacuum analyze');
  await pool.query('checkpoint').catch(() => undefined); // needs pg_checkpoint / superuser
}

/** The HTTP rate against each baseline measured in the same run (COPY only when psql exists). */
function ingestFigures(
  httpMs: number,
  insertMs: number,
  copyMs: number | null,
  copyStoredMs: number | null,
): BenchFigure[] {
  const perSecond = (ms: number) => (checkoutCount * 1000) / ms;
  const httpRate = perSecond(httpMs);
  const figure = (baselineName: string, baselineMs: number): BenchFigure => ({
    name: `HTTP ingest, batches of ${batchSize}, ${requestsInFlight} in flight`,
    value: httpRate,
    unit: 'checkouts/s',
    baselineName,
    baselineValue: perSecond(baselineMs),
    target: `≥ ${targetPerSecond} checkouts/s and ≥ ${targetRatio}× baseline`,
    met: httpRate >= targetPerSecond && httpRate >= targetRatio * perSecond(baselineMs),
  });
  const figures = [
    figure(
      `raw multi-row INSERT…SELECT FROM unnest (pg, ${batchSize}/statement, ${requestsInFlight} in flight)`,
      insertMs,
    ),
  ];
  if (copyMs !== null)
    figures.push(figure('raw COPY FROM STDIN (psql \\copy, text format, one stream)', copyMs));
  if (copyStoredMs !== null)
    figures.push(
      figure(
        'raw COPY of the same rows as stored, figure columns filled (psql \\copy, one stream)',
        copyStoredMs,
      ),
    );
  return figures;
}

export const ingestBench: Bench = {
  name: 'checkout ingest (100,000 checkouts over HTTP into PostgreSQL)',
  run: async () => {
    const database = await createScratchDatabase(serverUrlFromEnv(), 'uriage_bench');
    const pool = createPool(database.url, 10);
    let server: ServerType | null = null;
    try {
      await runMigrations(pool);
      const services = buildServices({ pool, clock: systemClock, logger: silentLogger });
      const { company } = await saveCompany(
        { uow: services.tenancy, clock: systemClock, hasher: services.hasher },
        {
          code: 'bench',
          name: 'ベンチ',
          roundingMode: 'floor',
          paymentMethods: demoPaymentMethods,
          stores: [{ code: '0001', name: '店舗0001', timeZone: 'Asia/Tokyo', registers: ['01'] }],
        },
      );
      const token = await createRegisterToken(services, {
        companyId: company.id,
        storeCode: '0001',
        registerCode: '01',
      });
      const place = (
        await pool.query<{ store_id: string; register_id: string }>(
          'select s.id as store_id, r.id as register_id from stores s join registers r on r.store_id = s.id where s.company_id = $1',
          [company.id],
        )
      ).rows[0];
      if (!place) throw new Error('bench store missing');
      const app = httpAppOver(services);
      const port = await new Promise<number>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
          resolve(info.port),
        );
      });
      const seed = 20250110;
      await httpIngestMs(`http://127.0.0.1:${port}`, token, 4 * batchSize, seed + 1); // JIT warm-up, other ids
      // Each timed run into an empty ledger, as each COPY goes into an empty table (TRUNCATE's
      // trigger empties the day aggregate too); the figures are the medians of `timedRuns`.
      const httpTimings: number[] = [];
      for (let run = 0; run < timedRuns; run += 1) {
        await pool.query('truncate checkouts cascade');
        await settle(pool);
        const http = await httpIngestMs(`http://127.0.0.1:${port}`, token, checkoutCount, seed);
        if (http.accepted !== checkoutCount)
          throw new Error(`accepted ${http.accepted} of ${checkoutCount}`);
        httpTimings.push(http.elapsedMs);
      }
      const rows = baselineRows(makeCheckouts(checkoutCount, seed));
      const ids = { companyId: company.id, storeId: place.store_id, registerId: place.register_id };
      const settled = () => settle(pool);
      await settled();
      const insertMs = await unnestInsertMs(pool, ids, rows);
      const copyMs = await psqlCopyMs(database.url, settled, ids, rows, timedRuns);
      const copyStoredMs = await psqlCopyStoredMs(database.url, settled, timedRuns, checkoutCount);
      return ingestFigures(median(httpTimings), insertMs, copyMs, copyStoredMs);
    } finally {
      const running = server as ServerType | null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
      await pool.end();
      await database.drop();
    }
  },
};
