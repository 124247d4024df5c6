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
} from '../../app/report/ports.js';
import type { Queryable } from './unit-of-work.js';

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
const storeDaySql = `with s as (
  select s.id, json_build_object('id', s.id, 'code', s.code, 'name', s.name, 'timeZone', s.time_zone,
      'reportSettings', s.report_settings, 'printer', s.printer, 'roundingMode', co.rounding_mode,
      'methods', (select coalesce(json_agg(json_build_object('code', m.code, 'name', m.name, 'kind', m.kind, 'givesChange', m.gives_change, 'settlement', m.settlement)
                    order by m.sort_order, m.code), '[]'::json)
                  from payment_methods m where m.company_id = s.company_id),
      'close', (select json_build_object('version', c.version, 'float', c.float_yen, 'countedCash', c.counted_cash_yen)
                from day_closes c where c.store_id = s.id and c.business_date = $3::date order by c.version desc limit 1)) as store
  ${storeFrom})
select 0 as kind, s.store::jsonb as doc from s
union all (select 1, k.document from s join checkouts k on k.store_id = s.id and k.business_date = $3::date limit $4)
union all (select 2, d.document from s join drawer_events d on d.store_id = s.id and d.business_date = $3::date limit $5)`;

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

export function reportSourceOver(client: Queryable): ReportSource {
  return {
    findStore: async (companyId, storeCode) => {
      const { rows } = await client.query<StoreRow>(`select ${storeColumns} ${storeFrom}`, [
        companyId,
        storeCode,
      ]);
      return rows[0] ? toRecords(rows[0]) : null;
    },
    loadStoreDay: async (companyId, storeCode, businessDate, limits): Promise<StoreDay | null> => {
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
    },
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
