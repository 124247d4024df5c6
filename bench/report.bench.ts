// Issue 4: the 日報 of a store-day of 5,000 checkouts from the PostgreSQL server (DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/postgres; a fresh database, dropped afterwards), end to end as
// the API does it: one query (store, company, payment methods, the day's documents as jsonb, drawer
// events, latest close) + buildDailyReport. Baseline in the same run: a raw SQL GROUP BY over the
// same rows (status × hour of completedAt: count, Σ total, Σ customerCount read from the document).
// Each figure is the median of `runs` timed runs after `warmups` untimed ones.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { fixedClock } from '../src/app/clock.js';
import { importDayFile } from '../src/app/ledger/import-day-file.js';
import { getDailyReport, storeDayLimits } from '../src/app/report/daily-report.js';
import { reportOfDay } from '../src/app/report/daily-report.js';
import { demoPaymentMethods } from '../src/app/tenancy/demo.js';
import { ledgerDepsOver } from '../src/adapters/http/routes/ledger-deps.js';
import { runMigrations } from '../src/adapters/db/migrate.js';
import { createPool } from '../src/adapters/db/pool.js';
import { reportSourceOver } from '../src/adapters/db/report-source.js';
import { argon2Hasher } from '../src/adapters/crypto/argon2-hasher.js';
import { tenancyUnitOfWork } from '../src/adapters/db/tenancy-store.js';
import { computeCheckoutTotals } from '../src/domain/register/checkout-totals.js';
import type { Checkout, CheckoutLine, CheckoutStatus, Payment } from '../src/domain/register/types.js';
import type { Bench } from './run.js';

const checkoutCount = 5_000;
const warmups = 3;
const runs = 15;
const targetMs = 50;
const targetRatio = 2;
const businessDate = '2025-01-10';

/** Deterministic pseudo-random numbers (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function statusOf(roll: number): CheckoutStatus {
  if (roll < 0.02) return 'cancelled';
  if (roll < 0.03) return 'aborted';
  if (roll < 0.04) return 'pending';
  return 'completed';
}

/** 5,000 checkouts of one store-day: 3 lines (10% / 8% / some 売上外), cash, credit, PayPay, split tenders. */
function makeCheckouts(count: number): Checkout[] {
  const random = seeded(20250110);
  const out: Checkout[] = [];
  for (let i = 0; i < count; i += 1) {
    const lines: CheckoutLine[] = [0, 1, 2].map((n) => ({
      sku: `SKU${n}${Math.floor(random() * 100)}`,
      name: ['パン', 'ランチ', 'コーヒー', '弁当', 'ケーキ'][Math.floor(random() * 5)] ?? 'パン',
      quantity: 1 + Math.floor(random() * 3),
      unitPrice: 100 + Math.floor(random() * 1500),
      taxCategory: random() < 0.05 ? 'nonSales' : random() < 0.5 ? 'standard10' : 'reduced8',
      ...(random() < 0.2 ? { discount: 50 } : {}),
    }));
    const status = statusOf(random());
    const minute = 9 * 60 + Math.floor(random() * 14 * 60);
    const at = (second: number) => `2025-01-10T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}+09:00`;
    const totalYen = computeCheckoutTotals({ lines, priceMode: 'inclusive' }, 'floor').totalYen;
    const roll = random();
    const payments: Payment[] =
      status === 'aborted' || status === 'pending'
        ? []
        : roll < 0.45
          ? [{ method: 'cash', amount: Math.ceil(totalYen / 1000) * 1000 }]
          : roll < 0.8
            ? [{ method: 'credit', amount: totalYen }]
            : [{ method: 'paypay', amount: Math.floor(totalYen / 2) }, { method: 'cash', amount: totalYen - Math.floor(totalYen / 2) + 100 }];
    out.push({
      id: `bench-${String(i).padStart(6, '0')}-${Math.floor(random() * 1e9).toString(16)}`,
      revision: 1,
      storeCode: '0001',
      registerCode: '01',
      businessDate,
      startedAt: at(0),
      completedAt: status === 'aborted' || status === 'pending' ? null : at(45),
      status,
      customerCount: 1 + Math.floor(random() * 3),
      priceMode: 'inclusive',
      lines,
      payments,
    });
  }
  return out;
}

async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `uriage_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmups; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const groupBySql = `select status, extract(hour from completed_at at time zone 'Asia/Tokyo') as hour, count(*) as checkouts,
    sum(total_yen) as total_yen, sum((document->>'customerCount')::int) as customers
  from checkouts where store_id = $1 and business_date = $2::date group by 1, 2`;

export const reportBench: Bench = {
  name: `report (PostgreSQL server, ${checkoutCount.toLocaleString('en-US')} checkouts in one store-day)`,
  run: async () => {
    const database = await createDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    const pool = createPool(database.url, 4);
    try {
      await runMigrations(pool);
      const clock = fixedClock('2025-01-11T01:00:00+09:00');
      const dayFile = {
        company: { code: 'bench', name: 'ベンチ', roundingMode: 'floor', paymentMethods: demoPaymentMethods, stores: [{ code: '0001', name: '店舗0001', timeZone: 'Asia/Tokyo', registers: ['01'] }] },
        checkouts: makeCheckouts(checkoutCount),
        drawer: [{ id: 'in-1', type: 'cashIn', storeCode: '0001', registerCode: '01', businessDate, at: '2025-01-10T09:00:00+09:00', amount: 5000 }],
        closes: [],
      };
      await importDayFile({ tenancy: { uow: tenancyUnitOfWork(pool), clock, hasher: argon2Hasher }, ledger: ledgerDepsOver(pool, clock) }, dayFile);
      const { rows } = await pool.query<{ id: string; company_id: string }>(`select s.id, s.company_id from stores s join companies c on c.id = s.company_id where c.code = 'bench'`);
      const store = rows[0];
      if (!store) throw new Error('bench store missing');
      await pool.query('analyze');
      const source = reportSourceOver(pool);
      const actor = { companyId: store.company_id, label: 'bench' };
      const check = await getDailyReport({ source, clock }, actor, { storeCode: '0001', businessDate });
      const stored = await pool.query<{ n: number }>('select count(*)::int as n from checkouts where store_id = $1', [store.id]);
      if (stored.rows[0]?.n !== checkoutCount) throw new Error(`expected ${checkoutCount} stored checkouts, found ${stored.rows[0]?.n}`);
      const reportMs = await medianMs(() => getDailyReport({ source, clock }, actor, { storeCode: '0001', businessDate }));
      const baselineMs = await medianMs(() => pool.query(groupBySql, [store.id, businessDate]));
      const loadMs = await medianMs(() => source.loadStoreDay(store.company_id, '0001', businessDate, storeDayLimits));
      const day = await source.loadStoreDay(store.company_id, '0001', businessDate, storeDayLimits);
      if (!day) throw new Error('bench day missing');
      const buildMs = await medianMs(async () => reportOfDay(day, businessDate, '2025-01-11T01:00:00+09:00'));
      const ratio = reportMs / baselineMs;
      process.stdout.write(`(checkoutCount ${check.report.checkoutCount}, salesTotal ¥${check.report.salesTotal.toLocaleString('en-US')}; load ${loadMs.toFixed(1)} ms, build ${buildMs.toFixed(1)} ms)\n`);
      return [
        {
          name: 'GET report: one query + buildDailyReport (median)',
          value: reportMs,
          unit: 'ms',
          baselineName: 'raw SQL GROUP BY status × hour',
          baselineValue: baselineMs,
          target: `≤ ${targetMs} ms and ≤ ${targetRatio}×`,
          met: reportMs <= targetMs && ratio <= targetRatio,
        },
        { name: 'of which the load (one query, jsonb documents)', value: loadMs, unit: 'ms', baselineName: 'raw SQL GROUP BY status × hour', baselineValue: baselineMs, target: 'information', met: true },
        { name: 'of which buildDailyReport', value: buildMs, unit: 'ms', baselineName: 'raw SQL GROUP BY status × hour', baselineValue: baselineMs, target: 'information', met: true },
      ];
    } finally {
      await pool.end();
      await database.drop();
    }
  },
};
