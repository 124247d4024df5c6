// ReportSource over PostgreSQL: READ-ONLY queries over the tenancy and ledger tables (the ledger owns
// them: src/adapters/db/schema/ledger.ts). A store-day is ONE statement (one snapshot): the store, its
// company's rounding and payment methods and the latest close as one JSON row, then one row per
// checkout document and per drawer event document — no per-row round trips, no named prepared
// statements, no transaction (so nothing holds PGlite's single backend).
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
import {
  figuresKeyOf,
  hourBucketMs,
  storedFiguresOf,
  type DaySums,
} from '../../domain/report/day-sums.js';
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

/** Added to completedAt's epoch ms before the bucket's integer division (a multiple of the bucket). */
const bucketOffset = 4_000_000_000_000;

/**
 * The store-day as sums of the checkouts' stored figures (day-sums.ts), in four scans of the day's
 * rows and no document: the head row (kind 0, as storeDaySql), then
 * - kind 10, per status: the count, the fig_key check (min, max, how many carry one), Σ T and
 *   every sum the report needs (layout: daySumsOf); the last completedAt as the greatest
 *   fig_completed_key (checkout-figures-columns.ts);
 * - kind 11, per 15-minute bucket of the completed ones' completedAt (offset to stay positive):
 *   count, Σ T, Σ customers, Σ items;
 * - kind 13: the method rows and the matrix rows of the completed checkouts: rows 1 and 2 from
 *   their columns in one scan (GROUP BY GROUPING SETS over the four position columns), further
 *   rows from the arrays (one unnest of both, the shorter padded with nulls, GROUP BY GROUPING SETS
 *   ((method position), (matrix position))); a null position (no such row) is skipped;
 * - kind 2: the drawer event documents ($4 = their limit + 1).
 */
const storeDaySumsSql = `with s as (${storeHeadSql})
select 0 as kind, s.store as doc from s
union all (select 10, json_build_array(1, k.status, null, count(*), count(k.fig_key), min(k.fig_key collate "C"), max(k.fig_key collate "C"),
    coalesce(sum(k.fig_total), 0), coalesce(sum(k.fig_sales10), 0), coalesce(sum(k.fig_sales8), 0), coalesce(sum(k.fig_sales0), 0),
    coalesce(sum(k.fig_tax10), 0), coalesce(sum(k.fig_tax8), 0), coalesce(sum(k.fig_tax0), 0),
    coalesce(sum(k.fig_net10), 0), coalesce(sum(k.fig_net8), 0), coalesce(sum(k.fig_net0), 0),
    coalesce(sum(k.fig_non_sales), 0), coalesce(sum(k.fig_customers), 0), coalesce(sum(k.fig_items), 0),
    count(*) filter (where k.fig_short > 0), coalesce(sum(k.fig_short) filter (where k.fig_short > 0), 0),
    count(*) filter (where k.fig_voucher_change > 0), coalesce(sum(k.fig_voucher_change) filter (where k.fig_voucher_change > 0), 0),
    coalesce(sum(k.fig_line_discounts) filter (where k.fig_line_discounts > 0), 0), coalesce(sum(k.fig_line_discount_yen) filter (where k.fig_line_discounts > 0), 0),
    count(*) filter (where k.fig_order_discount > 0), coalesce(sum(k.fig_order_discount) filter (where k.fig_order_discount > 0), 0),
    count(*) filter (where k.fig_return_lines > 0), coalesce(sum(k.fig_return_items) filter (where k.fig_return_lines > 0), 0),
    coalesce(sum(k.fig_return_yen) filter (where k.fig_return_lines > 0), 0),
    count(*) filter (where k.fig_total < 0), coalesce(sum(k.fig_refund_payments) filter (where k.fig_total < 0), 0),
    coalesce(sum(k.fig_refund_yen) filter (where k.fig_total < 0), 0),
    max(k.fig_completed_key collate "C"))
  from checkouts k where k.store_id = (select id from s) and k.business_date = $3::date
  group by k.status)
union all (select 11, json_build_array(b, count(*), sum(fig_total), sum(fig_customers), sum(fig_items))
  from (select (k.fig_completed_ms + ${bucketOffset}::bigint * ${hourBucketMs}) / ${hourBucketMs} as b, k.fig_total, k.fig_customers, k.fig_items
    from checkouts k where k.store_id = (select id from s) and k.business_date = $3::date and k.status = 'completed'
      and k.fig_completed_ms is not null) h
  group by b)
union all (select 13, case grouping(k.fig_m1_pos, k.fig_m2_pos, k.fig_x1_pos, k.fig_x2_pos)
      when 7 then json_build_array(0, k.fig_m1_pos, sum(k.fig_m1_tenders), sum(k.fig_m1_yen))
      when 11 then json_build_array(0, k.fig_m2_pos, sum(k.fig_m2_tenders), sum(k.fig_m2_yen))
      when 13 then json_build_array(1, k.fig_x1_pos, null, null, sum(k.fig_x1_10), sum(k.fig_x1_8), sum(k.fig_x1_0), sum(k.fig_x1_non))
      else json_build_array(1, k.fig_x2_pos, null, null, sum(k.fig_x2_10), sum(k.fig_x2_8), sum(k.fig_x2_0), sum(k.fig_x2_non)) end
  from checkouts k where k.store_id = (select id from s) and k.business_date = $3::date and k.status = 'completed'
  group by grouping sets ((k.fig_m1_pos), (k.fig_m2_pos), (k.fig_x1_pos), (k.fig_x2_pos)))
union all (select 13, json_build_array(grouping(m.mpos), coalesce(m.mpos, m.xpos), sum(m.tenders), sum(m.yen), sum(m.x10), sum(m.x8), sum(m.x0), sum(m.xnon))
  from (select unnest(k.fig_method_pos) as mpos, unnest(k.fig_method_tenders) as tenders, unnest(k.fig_method_yen) as yen,
      unnest(k.fig_matrix_pos) as xpos, unnest(k.fig_matrix10) as x10, unnest(k.fig_matrix8) as x8, unnest(k.fig_matrix0) as x0,
      unnest(k.fig_matrix_non) as xnon
    from checkouts k where k.store_id = (select id from s) and k.business_date = $3::date and k.status = 'completed' and (k.fig_method_pos is not null or k.fig_matrix_pos is not null)) m
  group by grouping sets ((m.mpos), (m.xpos)))
union all (select 2, d.document::json from s join drawer_events d on d.store_id = s.id and d.business_date = $3::date limit $4)`;

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
const bucketRowKind = 11;
const methodRowKind = 13;

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

/** What the kind-10 and kind-13 rows tell: the sums, and whether every row carries `key`. */
function daySumsOf(
  rows: readonly [number, unknown[]][],
  key: string,
): { count: number; allPriced: boolean; sums: DaySums } {
  const statuses: DaySums['statuses'] = {};
  const hourBuckets: DaySums['hourBuckets'][number][] = [];
  const methods: DaySums['methods'][number][] = [];
  const matrix: DaySums['matrix'][number][] = [];
  let count = 0;
  let allPriced = true;
  let completed: readonly unknown[] = [];
  for (const [kind, row] of rows) {
    if (kind === methodRowKind) {
      const position = row[1];
      if (position === null) continue; // the padding of the shorter array
      if (row[0] === 0)
        methods.push({ position: num(position), tenderCount: num(row[2]), totalYen: num(row[3]) });
      else
        matrix.push({
          position: num(position),
          yen: [num(row[4]), num(row[5]), num(row[6]), num(row[7])],
        });
      continue;
    }
    if (kind === bucketRowKind) {
      hourBuckets.push({
        bucket: num(row[0]) - bucketOffset,
        checkoutCount: num(row[1]),
        salesTotal: num(row[2]),
        customerCount: num(row[3]),
        itemCount: num(row[4]),
      });
      continue;
    }
    const status = String(row[1]);
    count += num(row[3]);
    if (num(row[4]) !== num(row[3]) || row[5] !== key || row[6] !== key) allPriced = false;
    statuses[status] = { count: num(row[3]), amount: num(row[7]) as Yen };
    if (status === 'completed') completed = row;
  }
  const last = completed[34];
  const c = completed.length > 0 ? completed : new Array<unknown>(35).fill(0);
  const sums: DaySums = {
    completedCount: num(c[3]),
    salesYen: triple(c, 8),
    taxYen: triple(c, 11),
    netYen: triple(c, 14),
    nonSalesYen: num(c[17]),
    customerCount: num(c[18]),
    itemCount: num(c[19]),
    voucherShortfall: countAmount(c, 20),
    voucherChange: countAmount(c, 22),
    lineDiscounts: countAmount(c, 24),
    orderDiscounts: countAmount(c, 26),
    returns: { checkoutCount: num(c[28]), itemCount: num(c[29]), amount: num(c[30]) as Yen },
    refunds: { checkoutCount: num(c[31]), paymentCount: num(c[32]), amount: num(c[33]) as Yen },
    statuses,
    hourBuckets,
    methods,
    matrix,
    lastCheckoutAt: typeof last === 'string' ? last.slice(last.indexOf('|') + 1) : null,
  };
  return { count, allPriced, sums };
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
  const aggregates: [number, unknown[]][] = [];
  const drawerEvents: DrawerEvent[] = [];
  for (const [kind, doc] of rows) {
    if (kind === storeRowKind) head = doc as StoreDayHead;
    else if (kind === drawerRowKind) drawerEvents.push(doc as DrawerEvent);
    else aggregates.push([kind, doc as unknown[]]);
  }
  if (head === null) return null;
  const { count, allPriced, sums } = daySumsOf(
    aggregates,
    figuresKeyOf(head.methods, head.roundingMode),
  );
  if (count > limits.checkoutsMax)
    throw new StoreDayTooLargeError('checkouts', limits.checkoutsMax);
  if (drawerEvents.length > limits.drawerEventsMax)
    throw new StoreDayTooLargeError('drawer events', limits.drawerEventsMax);
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
