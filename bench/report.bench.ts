// Issue 4 / issue 15 item 5: the 日報 of a store-day of 5,000 checkouts from the PostgreSQL server
// (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; a fresh database, dropped
// afterwards), end to end as the API does it: getDailyReport = loadStoreDaySums (one statement: the
// store head, the groups of the day aggregate store_day_sum_deltas, the last checkout from an index,
// the drawer events) + reportFromDaySums. The import leaves one delta row per group and ingest
// statement; the first read (untimed, reported as information) compacts them, as a report would. Two baselines over the SAME rows, in the
// same run (the bench checks that both agree with the report's figures before timing anything):
// - "raw SQL GROUP BY" (issue 4's baseline): status × hour of completed_at: count, Σ total_yen,
//   Σ customerCount. It reads one stored column per figure and ships ~30 rows.
// - "per-rate SQL" (fairer): per completed checkout, G[c] from its lines (jsonb_to_recordset) and the
//   tax per receipt (floor, inclusive: the bench data), summed per rate. It parses every document's
//   lines as the engine must, but still skips order discounts, tenders, the method × rate matrix and
//   the hourly rows.
// Timing: rounds of (report, GROUP BY, per-rate SQL), the order rotating per round; `warmupRounds`
// untimed, then the median of `timedRounds`. The load and the engine of each report run are timed in
// that run (load = loadStoreDay, engine = the rest of getDailyReport), so total = load + engine per run
// (medians need not add up).
import { fixedClock, type Clock } from '../src/app/clock.js';
import { importDayFile } from '../src/app/ledger/import-day-file.js';
import { getDailyReport, storeDayLimits } from '../src/app/report/daily-report.js';
import type { ReportSource } from '../src/app/report/ports.js';
import { demoPaymentMethods } from '../src/app/tenancy/demo.js';
import { ledgerDepsOver } from '../src/main/app.js';
import { runMigrations } from '../src/adapters/db/migrate.js';
import { createPool, type Pool } from '../src/adapters/db/pool.js';
import { reportSourceOver } from '../src/adapters/db/report-source.js';
import { argon2Hasher } from '../src/adapters/crypto/argon2-hasher.js';
import { tenancyUnitOfWork } from '../src/adapters/db/tenancy-store.js';
import { computeCheckoutTotals } from '../src/domain/ledger/checkout-totals.js';
import type {
  Checkout,
  CheckoutLine,
  CheckoutStatus,
  Payment,
} from '../src/domain/ledger/types.js';
import type { DailyReport } from '../src/domain/report/types.js';
import { createScratchDatabase, serverUrlFromEnv } from '../test/support/database.js';
import { seeded } from '../test/support/prng.js';
import type { Bench, BenchFigure } from './run.js';

const checkoutCount = 5_000;
const warmupRounds = 5;
const timedRounds = 21;
const targetMs = 50;
const targetRatio = 2;
const businessDate = '2025-01-10';

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
    const at = (second: number) =>
      `2025-01-10T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}+09:00`;
    const totalYen = computeCheckoutTotals({ lines, priceMode: 'inclusive' }, 'floor').totalYen;
    const roll = random();
    const payments: Payment[] =
      status === 'aborted' || status === 'pending'
        ? []
        : roll < 0.45
          ? [{ method: 'cash', amount: Math.ceil(totalYen / 1000) * 1000 }]
          : roll < 0.8
            ? [{ method: 'credit', amount: totalYen }]
            : [
                { method: 'paypay', amount: Math.floor(totalYen / 2) },
                { method: 'cash', amount: totalYen - Math.floor(totalYen / 2) + 100 },
              ];
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const groupBySql = `select status, extract(hour from completed_at at time zone 'Asia/Tokyo') as hour, count(*)::int as checkouts,
    sum(total_yen)::bigint as total_yen, sum((document->>'customerCount')::int)::int as customers
  from checkouts where store_id = $1 and business_date = $2::date group by 1, 2`;

/** Σ G[c] and Σ tax[c] per receipt (floor, inclusive) over the completed checkouts' lines. */
const perRateSql = `select count(*)::int as checkouts,
    sum(g.standard10)::bigint as sales10, sum(g.reduced8)::bigint as sales8, sum(g.exempt)::bigint as sales0, sum(g.non_sales)::bigint as non_sales,
    sum(case when g.standard10 < 0 then -((-g.standard10) * 10 / 110) else g.standard10 * 10 / 110 end)::bigint as tax10,
    sum(case when g.reduced8 < 0 then -((-g.reduced8) * 8 / 108) else g.reduced8 * 8 / 108 end)::bigint as tax8
  from checkouts k cross join lateral (
    select coalesce(sum(l.quantity * l."unitPrice" - coalesce(l.discount, 0)) filter (where l."taxCategory" = 'standard10'), 0)::bigint as standard10,
           coalesce(sum(l.quantity * l."unitPrice" - coalesce(l.discount, 0)) filter (where l."taxCategory" = 'reduced8'), 0)::bigint as reduced8,
           coalesce(sum(l.quantity * l."unitPrice" - coalesce(l.discount, 0)) filter (where l."taxCategory" = 'exempt'), 0)::bigint as exempt,
           coalesce(sum(l.quantity * l."unitPrice" - coalesce(l.discount, 0)) filter (where l."taxCategory" = 'nonSales'), 0)::bigint as non_sales
      from jsonb_to_recordset(k.document->'lines') as l(quantity bigint, "unitPrice" bigint, discount bigint, "taxCategory" text)) g
  where k.store_id = $1 and k.business_date = $2::date and k.status = 'completed'`;

interface GroupByRow {
  status: string;
  checkouts: number;
  total_yen: number;
  customers: number;
}
interface PerRateRow {
  checkouts: number;
  sales10: number;
  sales8: number;
  sales0: number;
  non_sales: number;
  tax10: number;
  tax8: number;
}

/** Both baselines read the same rows as the report and reach its figures, or the bench fails. */
function checkSameRows(
  report: DailyReport,
  groupBy: readonly GroupByRow[],
  perRate: PerRateRow | undefined,
): void {
  const completed = groupBy.filter((row) => row.status === 'completed');
  const fromGroupBy = {
    checkoutCount: completed.reduce((n, row) => n + row.checkouts, 0),
    salesTotal: completed.reduce((n, row) => n + row.total_yen, 0),
    customerCount: completed.reduce((n, row) => n + row.customers, 0),
  };
  const fromReport = {
    checkoutCount: report.checkoutCount,
    salesTotal: report.salesTotal,
    customerCount: report.customerCount,
  };
  if (JSON.stringify(fromGroupBy) !== JSON.stringify(fromReport))
    throw new Error(
      `GROUP BY ${JSON.stringify(fromGroupBy)} ≠ report ${JSON.stringify(fromReport)}`,
    );
  const rate = (category: string) =>
    report.byTaxRate.sales.find((row) => row.taxCategory === category);
  const fromSql = perRate && [
    perRate.checkouts,
    perRate.sales10,
    perRate.tax10,
    perRate.sales8,
    perRate.tax8,
    perRate.sales0,
    perRate.non_sales,
  ];
  const fromEngine = [
    report.checkoutCount,
    rate('standard10')?.sales,
    rate('standard10')?.tax,
    rate('reduced8')?.sales,
    rate('reduced8')?.tax,
    rate('exempt')?.sales,
    report.nonSalesIncome,
  ];
  if (JSON.stringify(fromSql) !== JSON.stringify(fromEngine))
    throw new Error(
      `per-rate SQL ${JSON.stringify(fromSql)} ≠ report ${JSON.stringify(fromEngine)}`,
    );
}

/** The bench's day file: one store, 5,000 checkouts, one cash-in. */
function benchDayFile() {
  return {
    company: {
      code: 'bench',
      name: 'ベンチ',
      roundingMode: 'floor',
      paymentMethods: demoPaymentMethods,
      stores: [{ code: '0001', name: '店舗0001', timeZone: 'Asia/Tokyo', registers: ['01'] }],
    },
    checkouts: makeCheckouts(checkoutCount),
    drawer: [
      {
        id: 'in-1',
        type: 'cashIn',
        storeCode: '0001',
        registerCode: '01',
        businessDate,
        at: '2025-01-10T09:00:00+09:00',
        amount: 5000,
      },
    ],
    closes: [],
  };
}

/** Imports the day file and returns its store, once the rows are stored and analysed. */
async function importBenchDay(
  pool: Pool,
  clock: Clock,
): Promise<{ id: string; company_id: string }> {
  await importDayFile(
    {
      tenancy: { uow: tenancyUnitOfWork(pool), clock, hasher: argon2Hasher },
      ledger: ledgerDepsOver(pool, clock),
    },
    benchDayFile(),
  );
  const { rows } = await pool.query<{ id: string; company_id: string }>(
    `select s.id, s.company_id from stores s join companies c on c.id = s.company_id where c.code = 'bench'`,
  );
  const store = rows[0];
  if (!store) throw new Error('bench store missing');
  await pool.query('analyze');
  const stored = await pool.query<{ n: number }>(
    'select count(*)::int as n from checkouts where store_id = $1 and business_date = $2::date',
    [store.id, businessDate],
  );
  if (stored.rows[0]?.n !== checkoutCount)
    throw new Error(`expected ${checkoutCount} stored checkouts, found ${stored.rows[0]?.n}`);
  return store;
}

/** The source with each loadStoreDay timed: `lastLoadMs()` is the last one's duration. */
function timedLoads(source: ReportSource): { source: ReportSource; lastLoadMs: () => number } {
  let lastLoadMs = Number.NaN;
  const { loadStoreDaySums } = source;
  const timedSource: ReportSource = {
    ...source,
    loadStoreDay: async (...args) => {
      const started = performance.now();
      try {
        return await source.loadStoreDay(...args);
      } finally {
        lastLoadMs = performance.now() - started;
      }
    },
    ...(loadStoreDaySums && {
      loadStoreDaySums: async (...args: Parameters<typeof loadStoreDaySums>) => {
        const started = performance.now();
        try {
          return await loadStoreDaySums(...args);
        } finally {
          lastLoadMs = performance.now() - started;
        }
      },
    }),
  };
  return { source: timedSource, lastLoadMs: () => lastLoadMs };
}

type Samples = Record<'total' | 'load' | 'engine' | 'groupBy' | 'perRate', number[]>;

/** Rounds of (report, GROUP BY, per-rate SQL), the order rotating per round; warm-up rounds dropped. */
async function interleavedRounds(
  pool: Pool,
  timed: ReturnType<typeof timedLoads>,
  storeId: string,
  request: {
    actor: Parameters<typeof getDailyReport>[1];
    query: Parameters<typeof getDailyReport>[2];
    clock: Clock;
  },
): Promise<Samples> {
  const samples: Samples = {
    total: [] as number[],
    load: [] as number[],
    engine: [] as number[],
    groupBy: [] as number[],
    perRate: [] as number[],
  };
  const steps: (() => Promise<void>)[] = [
    async () => {
      const started = performance.now();
      await getDailyReport(
        { source: timed.source, clock: request.clock },
        request.actor,
        request.query,
      );
      const totalMs = performance.now() - started;
      samples.total.push(totalMs);
      samples.load.push(timed.lastLoadMs());
      samples.engine.push(totalMs - timed.lastLoadMs());
    },
    async () => {
      const started = performance.now();
      await pool.query(groupBySql, [storeId, businessDate]);
      samples.groupBy.push(performance.now() - started);
    },
    async () => {
      const started = performance.now();
      await pool.query(perRateSql, [storeId, businessDate]);
      samples.perRate.push(performance.now() - started);
    },
  ];
  for (let round = 0; round < warmupRounds + timedRounds; round += 1) {
    if (round === warmupRounds) for (const series of Object.values(samples)) series.length = 0;
    for (let step = 0; step < steps.length; step += 1)
      await steps[(round + step) % steps.length]?.();
  }
  return samples;
}

function reportFigures(samples: Samples, report: DailyReport): BenchFigure[] {
  const totalMs = median(samples.total);
  const loadMs = median(samples.load);
  const engineMs = median(samples.engine);
  const groupByMs = median(samples.groupBy);
  const perRateMs = median(samples.perRate);
  const ratio = totalMs / groupByMs;
  const minOf = (values: readonly number[]) => Math.min(...values).toFixed(1);
  process.stdout.write(
    `(checkoutCount ${report.checkoutCount}, salesTotal ¥${report.salesTotal.toLocaleString('en-US')}; both baselines read the same rows and agree with the report's figures. ` +
      `Medians of ${timedRounds} interleaved rounds after ${warmupRounds} warm-up rounds: total ${totalMs.toFixed(1)} ms = load ${loadMs.toFixed(1)} + engine ${engineMs.toFixed(1)}; ` +
      `minima: total ${minOf(samples.total)}, load ${minOf(samples.load)}, engine ${minOf(samples.engine)}, GROUP BY ${minOf(samples.groupBy)}, per-rate SQL ${minOf(samples.perRate)} ms)\n`,
  );
  const groupByName = 'raw SQL GROUP BY status × hour (count, Σ total_yen, Σ customerCount)';
  return [
    {
      name: 'GET report: one statement over the day aggregate + reportFromDaySums (median)',
      value: totalMs,
      unit: 'ms',
      baselineName: groupByName,
      baselineValue: groupByMs,
      target: `≤ ${targetMs} ms and ≤ ${targetRatio}×`,
      met: totalMs <= targetMs && ratio <= targetRatio,
    },
    {
      name: 'GET report, the same runs, against the fairer baseline',
      value: totalMs,
      unit: 'ms',
      baselineName:
        'per-rate SQL: per checkout G[c] over jsonb_to_recordset(lines) and tax per receipt, Σ per rate',
      baselineValue: perRateMs,
      target: `≤ ${targetMs} ms and ≤ ${targetRatio}×`,
      met: totalMs <= targetMs && totalMs / perRateMs <= targetRatio,
    },
    {
      name: 'of which the load (loadStoreDaySums: one statement over the compacted day aggregate)',
      value: loadMs,
      unit: 'ms',
      baselineName: groupByName,
      baselineValue: groupByMs,
      target: 'information',
      met: true,
    },
    {
      name: 'of which the assembly (reportFromDaySums and the rest of getDailyReport)',
      value: engineMs,
      unit: 'ms',
      baselineName: groupByName,
      baselineValue: groupByMs,
      target: 'information',
      met: true,
    },
  ];
}

export const reportBench: Bench = {
  name: `report (PostgreSQL server, ${checkoutCount.toLocaleString('en-US')} checkouts in one store-day)`,
  run: async () => {
    const database = await createScratchDatabase(serverUrlFromEnv(), 'uriage_bench');
    const pool = createPool(database.url, 4);
    try {
      await runMigrations(pool);
      const clock = fixedClock('2025-01-11T01:00:00+09:00');
      const store = await importBenchDay(pool, clock);

      const source = reportSourceOver(pool);
      const timed = timedLoads(source);
      const actor = { companyId: store.company_id, label: 'bench' };
      const query = { storeCode: '0001', businessDate };
      const deltaRows = async () =>
        (
          await pool.query<{ n: number }>(
            'select count(*)::int as n from store_day_sum_deltas where store_id = $1 and business_date = $2::date',
            [store.id, businessDate],
          )
        ).rows[0]?.n ?? 0;
      const rowsBefore = await deltaRows();
      const probeStarted = performance.now();
      const probe = await source.loadStoreDaySums?.(
        store.company_id,
        '0001',
        businessDate,
        storeDayLimits,
      );
      const firstReadMs = performance.now() - probeStarted;
      if (!probe || !('sums' in probe))
        throw new Error('the report does not read this day as stored sums');
      process.stdout.write(
        `(the import left ${rowsBefore} delta rows; the first read summed them and compacted them to ${await deltaRows()} in ${firstReadMs.toFixed(1)} ms)\n`,
      );
      const check = await getDailyReport({ source, clock }, actor, query);
      const groupByCheck = await pool.query<GroupByRow>(groupBySql, [store.id, businessDate]);
      const perRateCheck = await pool.query<PerRateRow>(perRateSql, [store.id, businessDate]);
      checkSameRows(check.report, groupByCheck.rows, perRateCheck.rows[0]);

      const samples = await interleavedRounds(pool, timed, store.id, { actor, query, clock });
      return reportFigures(samples, check.report);
    } finally {
      await pool.end();
      await database.drop();
    }
  },
};
