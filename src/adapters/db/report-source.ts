// ReportSource over PostgreSQL: READ-ONLY queries over the tenancy and ledger tables (the ledger owns
// them: src/adapters/db/schema/ledger.ts). A store-day is ONE statement: the store, its company's
// rounding and payment methods, and the day's checkout documents, drawer event documents and latest
// close, each aggregated server-side into one JSON value — no per-row round trips, no named
// prepared statements, no transaction (so nothing holds PGlite's single backend).
import type { Checkout, DrawerEvent, PaymentMethod, RoundingMode } from '../../domain/register/types.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';
import type { PrinterSetting } from '../../app/tenancy/model.js';
import { StoreDayTooLargeError, type ReportCompanyRecord, type ReportSource, type ReportStoreRecord, type StoreDay, type StoreDayClose } from '../../app/report/ports.js';
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

interface StoreDayRow extends StoreRow {
  checkouts: Checkout[];
  drawer: DrawerEvent[];
  close: StoreDayClose | null;
}

const storeColumns = `s.id, s.code, s.name, s.time_zone, s.report_settings, s.printer, co.rounding_mode,
  (select coalesce(json_agg(json_build_object('code', m.code, 'name', m.name, 'kind', m.kind, 'givesChange', m.gives_change, 'settlement', m.settlement)
            order by m.sort_order, m.code), '[]'::json)
     from payment_methods m where m.company_id = s.company_id) as methods`;

const storeFrom = 'from stores s join companies co on co.id = s.company_id where s.company_id = $1 and s.code = $2';

/** $3 business date, $4 / $5 the limits + 1 (one more row than allowed tells that the limit is passed). */
const storeDaySql = `select ${storeColumns},
  (select coalesce(json_agg(k.document), '[]'::json)
     from (select document from checkouts where store_id = s.id and business_date = $3::date limit $4) k) as checkouts,
  (select coalesce(json_agg(d.document), '[]'::json)
     from (select document from drawer_events where store_id = s.id and business_date = $3::date limit $5) d) as drawer,
  (select json_build_object('version', c.version, 'float', c.float_yen, 'countedCash', c.counted_cash_yen)
     from day_closes c where c.store_id = s.id and c.business_date = $3::date order by c.version desc limit 1) as close
  ${storeFrom}`;

function toRecords(row: StoreRow): { company: ReportCompanyRecord; store: ReportStoreRecord } {
  return {
    company: { roundingMode: row.rounding_mode, paymentMethods: row.methods },
    store: { id: row.id, code: row.code, name: row.name, timeZone: row.time_zone, reportSettings: row.report_settings, printer: row.printer },
  };
}

export function reportSourceOver(client: Queryable): ReportSource {
  return {
    findStore: async (companyId, storeCode) => {
      const { rows } = await client.query<StoreRow>(`select ${storeColumns} ${storeFrom}`, [companyId, storeCode]);
      return rows[0] ? toRecords(rows[0]) : null;
    },
    loadStoreDay: async (companyId, storeCode, businessDate, limits): Promise<StoreDay | null> => {
      const { rows } = await client.query<StoreDayRow>(storeDaySql, [companyId, storeCode, businessDate, limits.checkoutsMax + 1, limits.drawerEventsMax + 1]);
      const row = rows[0];
      if (!row) return null;
      if (row.checkouts.length > limits.checkoutsMax) throw new StoreDayTooLargeError('checkouts', limits.checkoutsMax);
      if (row.drawer.length > limits.drawerEventsMax) throw new StoreDayTooLargeError('drawer events', limits.drawerEventsMax);
      return { ...toRecords(row), checkouts: row.checkouts, drawerEvents: row.drawer, close: row.close };
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
