// LedgerStore over PostgreSQL. Batch writes are ONE statement each: the rows travel as one array
// parameter per column expanded by unnest (no per-row round trips, no named prepared statements).
import type {
  CheckoutStatus,
  Checkout,
  DrawerEvent,
  PaymentMethod,
} from '../../domain/ledger/types.js';
import type { RoundingMode } from '../../domain/money/rounding-mode.js';
import { yen } from '../../domain/money/yen.js';
import type { DailyReport, ReportSettings } from '../../domain/report/types.js';
import type {
  CheckoutHead,
  CompanyLedgerContext,
  DayCloseRecord,
  LedgerStoreRef,
  StoredCheckout,
} from '../../app/ledger/model.js';
import {
  RetryableConflictError,
  type DayCheckoutFilter,
  type LedgerReads,
  type LedgerTransaction,
  type LedgerUnitOfWork,
  type NewDayClose,
} from '../../app/ledger/ports.js';
import { checkoutRows } from './checkout-rows.js';
import { copyCheckoutRows } from './checkout-copy.js';
import { insertCheckoutRows } from './checkout-insert.js';
import { copyCapable } from './copy-capable.js';
import type { Pool, PoolClient } from './pool.js';
import { inTransaction, type Queryable } from './unit-of-work.js';

export class DayTooLargeError extends Error {
  constructor(what: string, countMax: number) {
    super(`more than ${countMax} ${what} in one store-day`);
    this.name = 'DayTooLargeError';
  }
}

interface CloseRow {
  id: string;
  business_date: string;
  version: number;
  float_yen: number;
  counted_cash_yen: number;
  expected_cash_yen: number;
  difference_yen: number;
  report: DailyReport;
  report_hash: string;
  closed_at: Date;
  closed_by: string;
}

const toClose = (r: CloseRow): DayCloseRecord => ({
  id: r.id,
  businessDate: r.business_date,
  version: r.version,
  floatYen: yen(r.float_yen),
  countedCashYen: yen(r.counted_cash_yen),
  expectedCashYen: yen(r.expected_cash_yen),
  differenceYen: yen(r.difference_yen),
  report: r.report,
  reportHash: r.report_hash,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
});

const closeColumns =
  'id, business_date, version, float_yen, counted_cash_yen, expected_cash_yen, difference_yen, report, report_hash, closed_at, closed_by';

function readsOver(client: Queryable): LedgerReads {
  return {
    loadCompanyContext: (companyId) => loadCompanyContext(client, companyId),
    listDayCheckouts: (storeId, businessDate, filter) =>
      listDayCheckouts(client, storeId, businessDate, filter),
    listCloses: async (storeId, businessDate) => {
      const { rows } = await client.query<CloseRow>(
        `select ${closeColumns} from day_closes where store_id = $1 and business_date = $2 order by version`,
        [storeId, businessDate],
      );
      return rows.map(toClose);
    },
    latestClose: async (storeId, businessDate) => {
      const { rows } = await client.query<CloseRow>(
        `select ${closeColumns} from day_closes where store_id = $1 and business_date = $2 order by version desc limit 1`,
        [storeId, businessDate],
      );
      return rows[0] ? toClose(rows[0]) : null;
    },
    dayCheckoutDocuments: async (storeId, businessDate, countMax) => {
      const { rows } = await client.query<{ document: Checkout }>(
        'select document from checkouts where store_id = $1 and business_date = $2 limit $3',
        [storeId, businessDate, countMax + 1],
      );
      if (rows.length > countMax) throw new DayTooLargeError('checkouts', countMax);
      return rows.map((r) => r.document);
    },
    dayDrawerEvents: async (storeId, businessDate, countMax) => {
      const { rows } = await client.query<{ document: DrawerEvent }>(
        'select document from drawer_events where store_id = $1 and business_date = $2 limit $3',
        [storeId, businessDate, countMax + 1],
      );
      if (rows.length > countMax) throw new DayTooLargeError('drawer events', countMax);
      return rows.map((r) => r.document);
    },
  };
}

async function loadCompanyContext(
  client: Queryable,
  companyId: string,
): Promise<Omit<CompanyLedgerContext, 'methodIndex'> | null> {
  const company = await client.query<{ rounding_mode: RoundingMode }>(
    'select rounding_mode from companies where id = $1',
    [companyId],
  );
  const row = company.rows[0];
  if (!row) return null;
  const methods = await client.query<{
    code: string;
    name: string;
    kind: PaymentMethod['kind'];
    gives_change: boolean;
    settlement: PaymentMethod['settlement'];
  }>(
    'select code, name, kind, gives_change, settlement from payment_methods where company_id = $1 order by sort_order, code',
    [companyId],
  );
  const places = await client.query<{
    id: string;
    code: string;
    name: string;
    time_zone: string;
    report_settings: ReportSettings | null;
    register_id: string | null;
    register_code: string | null;
  }>(
    `select s.id, s.code, s.name, s.time_zone, s.report_settings, r.id as register_id, r.code as register_code
       from stores s left join registers r on r.store_id = s.id where s.company_id = $1`,
    [companyId],
  );
  const stores = new Map<string, LedgerStoreRef & { registers: Map<string, string> }>();
  for (const p of places.rows) {
    const store = stores.get(p.code) ?? {
      id: p.id,
      code: p.code,
      name: p.name,
      timeZone: p.time_zone,
      reportSettings: p.report_settings,
      registers: new Map<string, string>(),
    };
    if (p.register_id && p.register_code) store.registers.set(p.register_code, p.register_id);
    stores.set(p.code, store);
  }
  const paymentMethods = methods.rows.map((m) => ({
    code: m.code,
    name: m.name,
    kind: m.kind,
    givesChange: m.gives_change,
    settlement: m.settlement,
  }));
  return { companyId, roundingMode: row.rounding_mode, paymentMethods, stores };
}

async function listDayCheckouts(
  client: Queryable,
  storeId: string,
  businessDate: string,
  filter: DayCheckoutFilter,
): Promise<StoredCheckout[]> {
  const values: unknown[] = [storeId, businessDate, filter.limit];
  let where = 'c.store_id = $1 and c.business_date = $2';
  if (filter.status) where += ` and c.status = $${values.push(filter.status)}`;
  if (filter.afterId) where += ` and c.checkout_id > $${values.push(filter.afterId)}`;
  const { rows } = await client.query<{
    checkout_id: string;
    revision: number;
    register_code: string;
    business_date: string;
    status: CheckoutStatus;
    completed_at: Date | null;
    total_yen: number;
    document: unknown;
    received_at: Date;
  }>(
    `select c.checkout_id, c.revision, r.code as register_code, c.business_date, c.status, c.completed_at, c.total_yen, c.document, c.received_at
       from checkouts c join registers r on r.id = c.register_id where ${where} order by c.checkout_id limit $3`,
    values,
  );
  return rows.map((r) => ({
    checkoutId: r.checkout_id,
    revision: r.revision,
    registerCode: r.register_code,
    businessDate: r.business_date,
    status: r.status,
    completedAt: r.completed_at,
    totalYen: yen(r.total_yen),
    document: r.document,
    receivedAt: r.received_at,
  }));
}

function transactionOver(client: PoolClient, copy: boolean): LedgerTransaction {
  return {
    ...readsOver(client),
    ...revisionChecksOver(client),
    ...checkoutWritesOver(client, copy),
    ...drawerWritesOver(client),
    ...closeWritesOver(client),
  };
}

/** Locks and hashes of the stored revisions, read before a batch decides what to write. */
function revisionChecksOver(
  client: PoolClient,
): Pick<LedgerTransaction, 'lockCheckoutHeads' | 'findRevisionHashes'> {
  return {
    lockCheckoutHeads: async (companyId, checkoutIds) => {
      const { rows } = await client.query<{
        checkout_id: string;
        revision: number;
        status: CheckoutStatus;
        content_hash: string;
        store_id: string;
        register_id: string;
      }>(
        'select checkout_id, revision, status, content_hash, store_id, register_id from checkouts where company_id = $1 and checkout_id = any($2::text[]) order by checkout_id for update',
        [companyId, checkoutIds],
      );
      return rows.map((r): CheckoutHead => ({
        checkoutId: r.checkout_id,
        revision: r.revision,
        status: r.status,
        contentHash: r.content_hash,
        storeId: r.store_id,
        registerId: r.register_id,
      }));
    },
    findRevisionHashes: async (companyId, keys) => {
      const { rows } = await client.query<{
        checkout_id: string;
        revision: number;
        content_hash: string;
      }>(
        `select h.checkout_id, h.revision, h.content_hash from checkout_revisions h
           join unnest($2::text[], $3::bigint[]) as k(checkout_id, revision) on h.checkout_id = k.checkout_id and h.revision = k.revision
          where h.company_id = $1`,
        [companyId, keys.map((k) => k.checkoutId), keys.map((k) => k.revision)],
      );
      return rows.map((r) => ({
        checkoutId: r.checkout_id,
        revision: r.revision,
        contentHash: r.content_hash,
      }));
    },
  };
}

/** Batch writes of checkouts and their revision history: one statement each. */
function checkoutWritesOver(
  client: PoolClient,
  copy: boolean,
): Pick<
  LedgerTransaction,
  'archiveCurrentRevisions' | 'insertRevisionHistory' | 'insertCheckouts' | 'replaceCheckouts'
> {
  return {
    archiveCurrentRevisions: async (companyId, checkoutIds, now) => {
      await client.query(
        `insert into checkout_revisions (company_id, checkout_id, revision, status, document, content_hash, received_at, superseded_at)
         select company_id, checkout_id, revision, status, document, content_hash, received_at, $3
           from checkouts where company_id = $1 and checkout_id = any($2::text[])
         on conflict do nothing`,
        [companyId, checkoutIds, now],
      );
    },
    insertRevisionHistory: async (companyId, rows, now) => {
      const batch = checkoutRows(rows, 3);
      await client.query(
        `insert into checkout_revisions (company_id, checkout_id, revision, status, document, content_hash, received_at, superseded_at)
         select $1, x.checkout_id, x.revision, x.status, x.document, x.content_hash, $2, $2 from ${batch.from}
         on conflict do nothing`,
        [companyId, now, ...batch.params],
      );
    },
    insertCheckouts: (companyId, rows, now) =>
      copy
        ? copyCheckoutRows(client, companyId, rows, now)
        : insertCheckoutRows(client, companyId, rows, now),
    replaceCheckouts: async (companyId, rows, now) => {
      const batch = checkoutRows(rows, 3);
      const result = await client.query(
        `update checkouts c set revision = x.revision, store_id = x.store_id, register_id = x.register_id, business_date = x.business_date,
                status = x.status, completed_at = x.completed_at, total_yen = x.total_yen, redoes = x.redoes, document = x.document,
                content_hash = x.content_hash, received_at = $2, ${batch.figures.assignments}
           from ${batch.from}
          where c.company_id = $1 and c.checkout_id = x.checkout_id and c.revision < x.revision`,
        [companyId, now, ...batch.params],
      );
      return result.rowCount ?? 0;
    },
  };
}

function drawerWritesOver(
  client: PoolClient,
): Pick<LedgerTransaction, 'insertDrawerEvents' | 'findDrawerEventHashes'> {
  return {
    insertDrawerEvents: async (companyId, rows, now) => {
      const json = JSON.stringify(
        rows.map((r) => ({
          event_id: r.eventId,
          store_id: r.storeId,
          register_id: r.registerId,
          business_date: r.businessDate,
          type: r.type,
          at: r.at,
          amount_yen: r.amountYen,
          reason: r.reason,
          content_hash: r.contentHash,
          document: JSON.parse(r.documentJson) as unknown,
        })),
      );
      const result = await client.query<{ event_id: string }>(
        `insert into drawer_events (company_id, event_id, store_id, register_id, business_date, type, at, amount_yen, reason, document, content_hash, received_at)
         select $1, x.event_id, x.store_id, x.register_id, x.business_date, x.type, x.at, x.amount_yen, x.reason, x.document, x.content_hash, $2
           from jsonb_to_recordset($3::jsonb) as x(event_id text, store_id uuid, register_id uuid, business_date date, type text, at timestamptz,
                amount_yen bigint, reason text, document jsonb, content_hash text)
         on conflict (company_id, event_id) do nothing
         returning event_id`,
        [companyId, now, json],
      );
      return result.rows.map((r) => r.event_id);
    },
    findDrawerEventHashes: async (companyId, eventIds) => {
      const { rows } = await client.query<{ event_id: string; content_hash: string }>(
        'select event_id, content_hash from drawer_events where company_id = $1 and event_id = any($2::text[])',
        [companyId, eventIds],
      );
      return new Map(rows.map((r) => [r.event_id, r.content_hash]));
    },
  };
}

/** The close of a store-day: its lock, its row, and the domain event written with it. */
function closeWritesOver(
  client: PoolClient,
): Pick<LedgerTransaction, 'lockDay' | 'insertClose' | 'insertDomainEvent'> {
  return {
    lockDay: async (storeId, businessDate) => {
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [
        `uriage.close:${storeId}:${businessDate}`,
      ]);
    },
    insertClose: async (close: NewDayClose) => {
      const { rows } = await client.query<CloseRow>(
        `insert into day_closes (company_id, store_id, business_date, version, float_yen, counted_cash_yen, expected_cash_yen, difference_yen, report, report_hash, closed_at, closed_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning ${closeColumns}`,
        [
          close.companyId,
          close.storeId,
          close.businessDate,
          close.version,
          close.floatYen,
          close.countedCashYen,
          close.expectedCashYen,
          close.differenceYen,
          JSON.stringify(close.report),
          close.reportHash,
          close.closedAt,
          close.closedBy,
        ],
      );
      const row = rows[0];
      if (!row) throw new Error('insert into day_closes returned no row');
      return toClose(row);
    },
    insertDomainEvent: async (companyId, type, payload, now) => {
      const { rows } = await client.query<{ id: string }>(
        'insert into domain_events (company_id, type, payload, created_at) values ($1, $2, $3, $4) returning id',
        [companyId, type, JSON.stringify(payload), now],
      );
      return rows[0]?.id ?? '';
    },
  };
}

const retryableCodes = new Set(['40P01', '40001']);

export function ledgerUnitOfWork(pool: Pool): LedgerUnitOfWork {
  return {
    read: readsOver(pool),
    transaction: async (work) => {
      const copy = await copyCapable(pool);
      try {
        return await inTransaction(pool, (client) => work(transactionOver(client, copy)));
      } catch (error) {
        if (retryableCodes.has((error as { code?: string }).code ?? ''))
          throw new RetryableConflictError(error);
        throw error;
      }
    },
  };
}
