// ReportSource over PostgreSQL: queries over the tenancy and ledger tables (the ledger owns them:
// src/adapters/db/schema/ledger.ts) and the day aggregate (store_day_sum_deltas, kept by the triggers
// of migration 0008). It writes only derived data, each time in one statement: the lazy backfill of
// fig_* and the compaction of a store-day's aggregate. A store-day is ONE statement (one
// snapshot): the store, its company's rounding and payment methods and the latest close as one
// JSON row, then one row per checkout document and per drawer event document — no per-row round
// trips, no named prepared statements, no transaction (so nothing holds PGlite's single backend).
//
// Why one row per document (measured on 5,000 checkouts, docs/report.md "Performance"): the server's
// cost is turning each jsonb document into text (~15 ms, whatever the client does with it); with one
// row per document pg parses each one (JSON.parse, ~9 ms in all) as it arrives, while the server is
// still converting the next ones. One json_agg value is built whole, then sent, then parsed (~10 ms
// slower), and text parsed after the last row arrives does not overlap (~5 ms slower). Trimming the documents server-side (only the fields the engine reads) costs the
// server more than the bytes it saves, so the stored documents are sent as they are.
import type { Checkout, DrawerEvent, PaymentMethod } from '../../domain/ledger/types.js';
import type { RoundingMode } from '../../domain/money/rounding-mode.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';
import type { PrinterSetting } from '../../app/tenancy/model.js';
import {
  StoreDayTooLargeError,
  type ReportCompanyRecord,
  type ReportSource,
  type ReportStoreRecord,
  type StoreDay,
  type StoreDayClose,
  type StoreDaySums,
} from '../../app/report/ports.js';
import type { Queryable } from './unit-of-work.js';
import {
  figureAssignments,
  figureColumnTypes,
  figureFieldsJson,
} from './checkout-figures-columns.js';
import { figuresKeyOf, storedFiguresOf, type DaySums } from '../../domain/report/day-sums.js';
import { bucketOffset } from '../../domain/report/day-sum-deltas.js';
import {
  CheckoutFigures,
  figuresMethodIndex,
} from '../../domain/ledger/checkout-figures-record.js';
import { indexPaymentMethods } from '../../domain/ledger/payment-methods.js';
import type { Yen } from '../../domain/money/yen.js';

interface StoreRow {
  id: string;
  code: string;
  name: string;
  time_zone: string;
  report_settings: ReportSettings | null;
  printer: PrinterSetting | null;
  rounding_mode: RoundingMode;
  methods: PaymentMethod[];
}

const storeColumns = `s.id, s.code, s.name, s.time_zone, s.report_settings, s.printer, co.rounding_mode,
  (select coalesce(json_agg(json_build_object('code', m.code, 'name', m.name, 'kind', m.kind, 'givesChange', m.gives_change, 'settlement', m.settlement)
            order by m.sort_order, m.code), '[]'::json)
     from payment_methods m where m.company_id = s.company_id) as methods`;

const storeFrom =
  'from stores s join companies co on co.id = s.company_id where s.company_id = $1 and s.code = $2';

/** $3 business date, $4 / $5 the limits + 1 (one more row than allowed tells that the limit is passed). */
const storeHeadSql = `
  select s.id, json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'timeZone', s.time_zone,
      'reportSettings', s.report_settings, 'printer', s.printer, 'roundingMode', co.rounding_mode,
      'methods', (select coalesce(json_agg(json_build_object('code', m.code, 'name', m.name, 'kind', m.kind, 'givesChange', m.gives_change, 'settlement', m.settlement)
                    order by m.sort_order, m.code), '[]'::json)
                  from payment_methods m where m.company_id = s.company_id),
      'close', (select json_build_object('version', c.version, 'float', c.float_yen, 'countedCash', c.counted_cash_yen)
                from day_closes c where c.store_id = s.id and c.business_date = $3::date order by c.version desc limit 1)) as store
  ${storeFrom}`;

const storeDaySql = `with s as (${storeHeadSql})
select 0 as kind, s.store::jsonb as doc from s
union all (select 1, k.document from s join checkouts k on k.store_id = s.id and k.business_date = $3::date limit $4)
union all (select 2, d.document from s join drawer_events d on d.store_id = s.id and d.business_date = $3::date limit $5)`;

/** The value columns of store_day_sum_deltas (schema/report.ts; kind 0 uses all 27). */
const sumValueColumns = Array.from({ length: 27 }, (_, i) => `v${String(i + 1).padStart(2, '0')}`);

/**
 * The store-day as sums of the checkouts' stored figures (day-sums.ts) read from the day aggregate
 * (store_day_sum_deltas: deltas of inserts written by the ledger, of updates and deletes by the
 * triggers of migration 0008), no read of the day's checkout rows: the head row (kind 0, as
 * storeDaySql), then
 * - kind 10, per group of the aggregate (kind, status, fig_key, pos): how many delta rows it sums,
 *   then n and v01…v27 summed (layout: the trigger functions of 0008, read by daySumsOf);
 * - kind 12: the last completedAt as the greatest fig_completed_key in "C" order, from the partial
 *   index checkouts_store_day_last (one index probe);
 * - kind 13: how many checkouts the store-day has (index checkouts_store_day): the aggregate's
 *   rows must count as many, else a row reached `checkouts` without its deltas (an INSERT outside
 *   the ledger: since migration 0010 the ledger, not a trigger, writes an insert's deltas) and
 *   the documents are read instead;
 * - kind 2: the drawer event documents ($4 = their limit + 1).
 */
const storeDaySumsSql = `with s as (${storeHeadSql}),
d as (select kind, status, fig_key, pos, count(*) as delta_rows, sum(n) as n, ${sumValueColumns.map((c) => `sum(${c}) as ${c}`).join(', ')}
  from store_day_sum_deltas where store_id = (select id from s) and business_date = $3::date
  group by kind, status, fig_key, pos)
select 0 as kind, s.store as doc from s
union all (select 10, json_build_array(d.kind, d.status, d.fig_key, d.pos, d.delta_rows, d.n, ${sumValueColumns.map((c) => `d.${c}`).join(', ')}) from d)
union all (select 12, json_build_array(k.fig_completed_key) from checkouts k
  where k.store_id = (select id from s) and k.business_date = $3::date and k.status = 'completed' and k.fig_completed_key is not null
  order by k.fig_completed_key collate "C" desc limit 1)
union all (select 13, json_build_array(count(*)) from checkouts k where k.store_id = (select id from s) and k.business_date = $3::date)
union all (select 2, d.document::json from s join drawer_events d on d.store_id = s.id and d.business_date = $3::date limit $4)`;

/** The key class of the compaction's advisory lock (the second key: the store-day's hash). */
const compactionLockClass = 7_240_508;

/** A store-day's aggregate is compacted once its delta rows outnumber its groups by more than this. */
const compactionSlackRows = 128;

/**
 * Replaces the store-day's delta rows by one row per group (their sums; empty groups dropped), in
 * one statement. Rows appended meanwhile by an ingest are not in its snapshot and stay; a row
 * deleted by a concurrent compaction is skipped, so every delta is counted once whatever the
 * interleaving. The transaction-level try-lock only spares a second compaction of the same
 * store-day the work (it then does nothing).
 */
const compactSql = `with go as (select pg_try_advisory_xact_lock(${compactionLockClass}, hashtext($1::uuid::text || '|' || $2::date::text)) as locked),
gone as (delete from store_day_sum_deltas x where x.store_id = $1::uuid and x.business_date = $2::date and (select locked from go)
  returning x.*)
insert into store_day_sum_deltas (store_id, business_date, kind, status, fig_key, pos, n, ${sumValueColumns.join(', ')})
select g.* from (select store_id, business_date, kind, status, fig_key, pos, sum(n) as n, ${sumValueColumns.map((c) => `sum(${c}) as ${c}`).join(', ')}
  from gone group by store_id, business_date, kind, status, fig_key, pos) g
where g.n <> 0 or ${sumValueColumns.map((c) => `g.${c} <> 0`).join(' or ')}`;

/** The first row of storeDaySql. */
interface StoreDayHead {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  reportSettings: ReportSettings | null;
  printer: PrinterSetting | null;
  roundingMode: RoundingMode;
  methods: PaymentMethod[];
  close: StoreDayClose | null;
}

const int4Oid = 23;
const jsonbOid = 3802;
const parseInt4 = (text: string): number => Number(text);
const parseJsonb = (text: string): unknown => JSON.parse(text);
const asText = (text: string): unknown => text;

/** The two column types of storeDaySql (int4 kind, jsonb doc), whatever parsers are set globally. */
function typeParserOf(oid: number): (text: string) => unknown {
  if (oid === int4Oid) return parseInt4;
  if (oid === jsonbOid) return parseJsonb;
  return asText;
}

const storeRowKind = 0;
const checkoutRowKind = 1;
const drawerRowKind = 2;
const groupRowKind = 10;
const lastRowKind = 12;
const rowCountKind = 13;
/** The groups of store_day_sum_deltas (migration 0008). */
const groupKind = { status: 0, bucket: 1, method: 2, matrix: 3 } as const;

function toRecords(row: StoreRow): { company: ReportCompanyRecord; store: ReportStoreRecord } {
  return {
    company: { roundingMode: row.rounding_mode, paymentMethods: row.methods },
    store: {
      id: row.id,
      code: row.code,
      name: row.name,
      timeZone: row.time_zone,
      reportSettings: row.report_settings,
      printer: row.printer,
    },
  };
}

const jsonOid = 114;
/** The column types of storeDaySumsSql (int4 kind, json doc). */
function sumsTypeParserOf(oid: number): (text: string) => unknown {
  if (oid === int4Oid) return parseInt4;
  if (oid === jsonOid) return parseJsonb;
  return asText;
}

const num = (value: unknown): number => Number(value);
const triple = (row: readonly unknown[], at: number): [number, number, number] => [
  num(row[at]),
  num(row[at + 1]),
  num(row[at + 2]),
];
const countAmount = (row: readonly unknown[], at: number) => ({
  count: num(row[at]),
  amount: num(row[at + 1]) as Yen,
});

/** One kind-10 row: kind, status, fig_key, pos, delta rows, n, v01…v27 (v01 at `valueAt`). */
const valueAt = 6;

/** The kind-0 group of the completed checkouts (its layout: v01 at `valueAt`) as DaySums fields. */
function completedSumsOf(
  c: readonly unknown[],
): Omit<DaySums, 'statuses' | 'hourBuckets' | 'methods' | 'matrix' | 'lastCheckoutAt'> {
  const v = valueAt;
  return {
    completedCount: num(c[5]),
    salesYen: triple(c, v + 1),
    taxYen: triple(c, v + 4),
    netYen: triple(c, v + 7),
    nonSalesYen: num(c[v + 10]),
    customerCount: num(c[v + 11]),
    itemCount: num(c[v + 12]),
    voucherShortfall: countAmount(c, v + 13),
    voucherChange: countAmount(c, v + 15),
    lineDiscounts: countAmount(c, v + 17),
    orderDiscounts: countAmount(c, v + 19),
    returns: {
      checkoutCount: num(c[v + 21]),
      itemCount: num(c[v + 22]),
      amount: num(c[v + 23]) as Yen,
    },
    refunds: {
      checkoutCount: num(c[v + 24]),
      paymentCount: num(c[v + 25]),
      amount: num(c[v + 26]) as Yen,
    },
  };
}

/**
 * What the kind-10 and kind-12 rows tell: the sums, how many checkouts, whether every one carries
 * `key` (and the aggregate is sane: no group below zero), and how many delta rows were summed
 * into how many groups.
 */
function daySumsOf(
  groups: readonly unknown[][],
  lastKey: string | null,
  key: string,
): { count: number; allPriced: boolean; sums: DaySums; deltaRows: number } {
  const statuses: DaySums['statuses'] = {};
  const hourBuckets: DaySums['hourBuckets'][number][] = [];
  const methods: DaySums['methods'][number][] = [];
  const matrix: DaySums['matrix'][number][] = [];
  let count = 0;
  let deltaRows = 0;
  let allPriced = true;
  let completed: readonly unknown[] = new Array<unknown>(valueAt + 27).fill(0);
  for (const row of groups) {
    deltaRows += num(row[4]);
    const n = num(row[5]);
    if (n < 0) allPriced = false; // not the sums of any set of rows: read the documents
    if (n <= 0) continue; // an empty group (sums of no row)
    const kind = num(row[0]);
    const position = num(row[3]);
    const at = (i: number) => num(row[valueAt + i]);
    if (kind === groupKind.bucket) {
      hourBuckets.push({
        bucket: position - bucketOffset,
        checkoutCount: n,
        salesTotal: at(0),
        customerCount: at(1),
        itemCount: at(2),
      });
    } else if (kind === groupKind.method) {
      methods.push({ position, tenderCount: at(0), totalYen: at(1) });
    } else if (kind === groupKind.matrix) {
      matrix.push({ position, yen: [at(0), at(1), at(2), at(3)] });
    } else {
      const status = String(row[1]);
      count += n;
      if (row[2] !== key) allPriced = false;
      const previous = statuses[status];
      statuses[status] = {
        count: (previous?.count ?? 0) + n,
        amount: ((previous?.amount ?? 0) + at(0)) as Yen,
      };
      if (status === 'completed') completed = row;
    }
  }
  const sums: DaySums = {
    ...completedSumsOf(completed),
    statuses,
    hourBuckets,
    methods,
    matrix,
    lastCheckoutAt: lastKey === null ? null : lastKey.slice(lastKey.indexOf('|') + 1),
  };
  return { count, allPriced, sums, deltaRows };
}

const backfillBatch = 2_000;

/**
 * Lazy pricing of rows stored before 0007 (or under another configuration): prices the loaded
 * documents under the current one and stores the figures, so the next report of the day is read
 * as sums. A row is only written while it still holds the revision that was priced.
 */
async function storeMissingFigures(
  client: Queryable,
  day: StoreDay,
  businessDate: string,
  key: string,
): Promise<void> {
  let index;
  try {
    index = figuresMethodIndex(indexPaymentMethods(day.company.paymentMethods));
  } catch {
    return; // the report names the configuration error
  }
  const out = new CheckoutFigures();
  const parts: string[] = [];
  for (const checkout of day.checkouts) {
    const figures = storedFiguresOf(checkout, index, day.company.roundingMode, out);
    if (figures === null) continue;
    parts.push(
      `{"checkout_id":${JSON.stringify(checkout.id)},"revision":${checkout.revision},${figureFieldsJson({ key, figures })}"x":0}`,
    );
  }
  for (let start = 0; start < parts.length; start += backfillBatch) {
    await client.query(
      `update checkouts k set ${figureAssignments}
         from jsonb_to_recordset($3::jsonb) as x(checkout_id text, revision bigint, ${figureColumnTypes})
        where k.store_id = $1 and k.business_date = $2::date and k.checkout_id = x.checkout_id and k.revision = x.revision
          and k.fig_key is distinct from x.fig_key`,
      [day.store.id, businessDate, `[${parts.slice(start, start + backfillBatch).join(',')}]`],
    );
  }
}

function loadStoreDayOver(client: Queryable): ReportSource['loadStoreDay'] {
  return async (companyId, storeCode, businessDate, limits) => {
    // jsonb values are parsed by pg's type parser (JSON.parse) as each row arrives.
    const { rows } = await client.query<[kind: number, doc: unknown]>({
      text: storeDaySql,
      values: [
        companyId,
        storeCode,
        businessDate,
        limits.checkoutsMax + 1,
        limits.drawerEventsMax + 1,
      ],
      rowMode: 'array',
      types: { getTypeParser: typeParserOf },
    });
    let head: StoreDayHead | null = null;
    const checkouts: Checkout[] = [];
    const drawerEvents: DrawerEvent[] = [];
    for (const [kind, doc] of rows) {
      if (kind === checkoutRowKind) checkouts.push(doc as Checkout);
      else if (kind === storeRowKind) head = doc as StoreDayHead;
      else drawerEvents.push(doc as DrawerEvent);
    }
    if (head === null) return null;
    if (checkouts.length > limits.checkoutsMax)
      throw new StoreDayTooLargeError('checkouts', limits.checkoutsMax);
    if (drawerEvents.length > limits.drawerEventsMax)
      throw new StoreDayTooLargeError('drawer events', limits.drawerEventsMax);
    const store: ReportStoreRecord = {
      id: head.id,
      code: head.code,
      name: head.name,
      timeZone: head.timeZone,
      reportSettings: head.reportSettings,
      printer: head.printer,
    };
    return {
      company: { roundingMode: head.roundingMode, paymentMethods: head.methods },
      store,
      checkouts,
      drawerEvents,
      close: head.close,
    };
  };
}

/** Compacts the store-day's aggregate (compactSql); a no-op while another compaction of it runs. */
export async function compactStoreDaySums(
  client: Queryable,
  storeId: string,
  businessDate: string,
): Promise<void> {
  await client.query(compactSql, [storeId, businessDate]);
}

async function loadStoreDaySumsOver(
  client: Queryable,
  loadStoreDay: ReportSource['loadStoreDay'],
  ...[companyId, storeCode, businessDate, limits]: Parameters<ReportSource['loadStoreDay']>
): Promise<StoreDaySums | StoreDay | null> {
  const { rows } = await client.query<[kind: number, doc: unknown]>({
    text: storeDaySumsSql,
    values: [companyId, storeCode, businessDate, limits.drawerEventsMax + 1],
    rowMode: 'array',
    types: { getTypeParser: sumsTypeParserOf },
  });
  let head: StoreDayHead | null = null;
  let lastKey: string | null = null;
  let rowCount = 0;
  const groups: unknown[][] = [];
  const drawerEvents: DrawerEvent[] = [];
  for (const [kind, doc] of rows) {
    if (kind === storeRowKind) head = doc as StoreDayHead;
    else if (kind === drawerRowKind) drawerEvents.push(doc as DrawerEvent);
    else if (kind === groupRowKind) groups.push(doc as unknown[]);
    else if (kind === lastRowKind) lastKey = String((doc as unknown[])[0]);
    else if (kind === rowCountKind) rowCount = Number((doc as unknown[])[0]);
  }
  if (head === null) return null;
  const { count, allPriced, sums, deltaRows } = daySumsOf(
    groups,
    lastKey,
    figuresKeyOf(head.methods, head.roundingMode),
  );
  if (deltaRows - groups.length > compactionSlackRows)
    await compactStoreDaySums(client, head.id, businessDate);
  if (count > limits.checkoutsMax)
    throw new StoreDayTooLargeError('checkouts', limits.checkoutsMax);
  if (drawerEvents.length > limits.drawerEventsMax)
    throw new StoreDayTooLargeError('drawer events', limits.drawerEventsMax);
  if (count !== rowCount) return loadStoreDay(companyId, storeCode, businessDate, limits);
  if (!allPriced) {
    const day = await loadStoreDay(companyId, storeCode, businessDate, limits);
    if (day !== null)
      await storeMissingFigures(
        client,
        day,
        businessDate,
        figuresKeyOf(head.methods, head.roundingMode),
      );
    return day;
  }
  return {
    company: { roundingMode: head.roundingMode, paymentMethods: head.methods },
    store: {
      id: head.id,
      code: head.code,
      name: head.name,
      timeZone: head.timeZone,
      reportSettings: head.reportSettings,
      printer: head.printer,
    },
    sums,
    drawerEvents,
    close: head.close,
  };
}

export function reportSourceOver(client: Queryable): ReportSource {
  const loadStoreDay = loadStoreDayOver(client);
  return {
    findStore: async (companyId, storeCode) => {
      const { rows } = await client.query<StoreRow>(`select ${storeColumns} ${storeFrom}`, [
        companyId,
        storeCode,
      ]);
      return rows[0] ? toRecords(rows[0]) : null;
    },
    loadStoreDay,
    loadStoreDaySums: (...args) => loadStoreDaySumsOver(client, loadStoreDay, ...args),
    closeReport: async (companyId, storeCode, businessDate, version) => {
      const { rows } = await client.query<{ report: DailyReport }>(
        `select c.report from day_closes c join stores s on s.id = c.store_id
          where s.company_id = $1 and s.code = $2 and c.business_date = $3::date and c.version = $4`,
        [companyId, storeCode, businessDate, version],
      );
      return rows[0]?.report ?? null;
    },
  };
}
