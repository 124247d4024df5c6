// PostingStore and PostingSources over PostgreSQL (schema/posting.ts; day_closes, stores,
// payment_methods). Every method is ONE statement (autocommit): no transaction is ever open while
// freee is called, and none needs a second connection. Writes of a run are fenced by its lease: the
// statement that records an intent or an answer also checks (and extends) the lease in a CTE, so a
// run that lost the store-day writes nothing.
import type { DealContent } from '../../domain/posting/deal-types.js';
import { yen } from '../../domain/money/yen.js';
import type { PaymentMethod } from '../../domain/ledger/types.js';
import type { DailyReport } from '../../domain/report/types.js';
import type {
  EntryRecord,
  IntentOp,
  PostingDayRecord,
  PostingStatus,
} from '../../app/posting/model.js';
import {
  type DayListFilter,
  type Lease,
  type PostedDealView,
  type PostingSources,
  type PostingStore,
  type PostingStoreRef,
  type RecordWrite,
} from '../../app/posting/ports.js';
import { entryRowsJson, upsertEntriesFrom } from './posting-entry-rows.js';
import type { Pool } from './pool.js';
import { tenancyUnitOfWork } from './tenancy-store.js';
import { storeRefSelect } from './ref-scope.js';
import { dayInputsOver } from './posting-day-inputs.js';

interface ClaimRow {
  auto_retries: number | null;
  held_until: Date | null;
}

interface DayRow {
  company_id: string;
  store_id: string;
  store_code: string;
  business_date: string;
  status: PostingStatus;
  reason_code: string | null;
  message: string | null;
  freee_messages: string[];
  close_version: number | null;
  posted_version: number | null;
  auto_retries: number;
  next_attempt_at: Date | null;
  last_calls: number;
  last_writes: number;
  lease_until: Date | null;
  requested_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

interface EntryRow {
  store_id: string;
  business_date: string;
  freee_company_id: number;
  entry_key: string;
  provider: 'freee' | 'sandbox';
  method_code: string;
  item_name: string;
  ref_number: string;
  deal_id: number | null;
  content: DealContent | null;
  amount_yen: number | null;
  deal_type: string | null;
  has_payments: boolean;
  intent: IntentOp | null;
  intent_content: DealContent | null;
  intent_at: Date | null;
}

const dayColumns = `d.company_id, d.store_id, s.code as store_code, d.business_date::text as business_date, d.status, d.reason_code, d.message,
  d.freee_messages, d.close_version, d.posted_version, d.auto_retries, d.next_attempt_at, d.last_calls, d.last_writes, d.lease_until,
  d.requested_at, d.started_at, d.finished_at, d.updated_at`;

const entryColumns = `e.store_id, e.business_date::text as business_date, e.freee_company_id, e.entry_key, e.provider, e.method_code, e.item_name,
  e.ref_number, e.deal_id, e.content, e.amount_yen, e.deal_type, e.has_payments, e.intent, e.intent_content, e.intent_at`;

const toDay = (r: DayRow): PostingDayRecord => ({
  companyId: r.company_id,
  storeId: r.store_id,
  storeCode: r.store_code,
  businessDate: r.business_date,
  status: r.status,
  reasonCode: r.reason_code,
  message: r.message,
  freeeMessages: Array.isArray(r.freee_messages) ? r.freee_messages : [],
  closeVersion: r.close_version,
  postedVersion: r.posted_version,
  autoRetries: r.auto_retries,
  nextAttemptAt: r.next_attempt_at,
  lastCalls: r.last_calls,
  lastWrites: r.last_writes,
  leaseUntil: r.lease_until,
  requestedAt: r.requested_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  updatedAt: r.updated_at,
});

const toEntry = (r: EntryRow): EntryRecord => ({
  key: r.entry_key,
  methodCode: r.method_code,
  itemName: r.item_name,
  refNumber: r.ref_number,
  dealId: r.deal_id,
  content: r.content,
  hasPayments: r.has_payments,
  intent:
    r.intent === null
      ? null
      : { op: r.intent, content: r.intent_content, at: r.intent_at ?? new Date(0) },
});

/** $1 store, $2 date, $3 lease id, $4 new lease_until, $5 now: extends the lease if still held. */
const fenceCte = `lease as (
      update posting_days set lease_until = $4::timestamptz, updated_at = $5::timestamptz
       where store_id = $1::uuid and business_date = $2::date and lease_id = $3::uuid
      returning company_id)`;

export function postingStoreOver(pool: Pool): PostingStore {
  return {
    ...settingsOpsOver(pool),
    ...dayLeaseOpsOver(pool),
    ...dayQueriesOver(pool),
    ...entryOpsOver(pool),
  };
}

function settingsOpsOver(pool: Pool): Pick<PostingStore, 'readSettings' | 'saveSettings'> {
  return {
    readSettings: async (companyId) => {
      const { rows } = await pool.query<{ settings: unknown }>(
        'select settings from posting_settings where company_id = $1',
        [companyId],
      );
      return rows[0]?.settings ?? null;
    },
    saveSettings: async (companyId, settings, updatedBy, now) => {
      await pool.query(
        `insert into posting_settings (company_id, settings, updated_by, updated_at) values ($1, $2::jsonb, $3, $4)
         on conflict (company_id) do update set settings = excluded.settings, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [companyId, JSON.stringify(settings), updatedBy, now],
      );
    },
  };
}

/** The run's lease on a store-day: claim, renew, finish (which releases it). */
function dayLeaseOpsOver(
  pool: Pool,
): Pick<PostingStore, 'claimStoreDay' | 'renewLease' | 'finishDay'> {
  return {
    claimStoreDay: async ({ companyId, storeCode, businessDate, leaseId, now, until }) => {
      // The lease_until read sees the store-day as before this statement: when the claim failed,
      // the row that holds it (or none, inserted meanwhile by a concurrent claim: then `now`).
      const { rows } = await pool.query<PostingStoreRef & ClaimRow>(
        `with s as (${storeRefSelect} where s.company_id = $1 and s.code = $2),
         claimed as (
           insert into posting_days (store_id, business_date, company_id, status, lease_id, lease_until, started_at, updated_at)
           select s.id, $3::date, $1, 'sending', $4, $5, $6, $6 from s
           on conflict (store_id, business_date) do update set status = 'sending', lease_id = excluded.lease_id, lease_until = excluded.lease_until,
             started_at = excluded.started_at, updated_at = excluded.updated_at
           where posting_days.lease_until is null or posting_days.lease_until <= $6
           returning auto_retries)
         select s.id, s.code, s.name, s."refScope", (select auto_retries from claimed) as auto_retries,
           (select d.lease_until from posting_days d where d.store_id = s.id and d.business_date = $3::date) as held_until
           from s`,
        [companyId, storeCode, businessDate, leaseId, until, now],
      );
      const row = rows[0];
      if (!row) return null;
      const store: PostingStoreRef = {
        id: row.id,
        code: row.code,
        name: row.name,
        refScope: row.refScope,
      };
      return row.auto_retries !== null
        ? { store, claim: { claimed: true, autoRetries: row.auto_retries } }
        : { store, claim: { claimed: false, leaseUntil: row.held_until ?? now } };
    },
    renewLease: async (lease, now, until) => {
      const { rowCount } = await pool.query(
        'update posting_days set lease_until = $4, updated_at = $5 where store_id = $1 and business_date = $2::date and lease_id = $3',
        [lease.storeId, lease.businessDate, lease.leaseId, until, now],
      );
      return (rowCount ?? 0) > 0;
    },
    finishDay: async (lease, finish, now) => {
      const finishSql = `update posting_days set status = $4, reason_code = $5, message = $6, freee_messages = $7::jsonb,
           close_version = coalesce($8, close_version), posted_version = coalesce($9, posted_version), next_attempt_at = $10,
           auto_retries = case $11 when 'reset' then 0 when 'increment' then auto_retries + 1 else auto_retries end,
           last_calls = $12, last_writes = $13, lease_id = null, lease_until = null, finished_at = $14, updated_at = $14
         where store_id = $1 and business_date = $2::date and lease_id = $3`;
      // The run's last answer goes with its finish, under the same lease (nothing if it is lost).
      const withEntries = finish.entries.length > 0;
      await pool.query(
        withEntries
          ? `with fin as (${finishSql} returning company_id) ${upsertEntriesFrom('fin', '$15', '$14')}`
          : finishSql,
        [
          lease.storeId,
          lease.businessDate,
          lease.leaseId,
          finish.status,
          finish.reasonCode,
          finish.message?.slice(0, 2000) ?? null,
          JSON.stringify(finish.freeeMessages.slice(0, 50)),
          finish.closeVersion,
          finish.postedVersion,
          finish.nextAttemptAt,
          finish.autoRetries,
          finish.calls,
          finish.writes,
          now,
          ...(withEntries ? [entryRowsJson(finish.entries, now)] : []),
        ],
      );
    },
  };
}

/** Requests and the read side of the store-days and their posted deals. */
function dayQueriesOver(
  pool: Pool,
): Pick<PostingStore, 'markRequested' | 'getDay' | 'listDays' | 'listPostedDeals'> {
  return {
    markRequested: async ({ companyId, storeId, businessDate, manual, now }) => {
      await pool.query(
        `insert into posting_days (store_id, business_date, company_id, status, requested_at, updated_at) values ($1, $2::date, $3, 'queued', $4, $4)
         on conflict (store_id, business_date) do update set
           status = case when posting_days.lease_until > $4 or posting_days.status = 'retry_wait' then posting_days.status else 'queued' end,
           reason_code = case when posting_days.lease_until > $4 or posting_days.status = 'retry_wait' then posting_days.reason_code else null end,
           requested_at = $4, updated_at = $4, auto_retries = case when $5::boolean then 0 else posting_days.auto_retries end`,
        [storeId, businessDate, companyId, now, manual],
      );
    },
    getDay: async (companyId, storeId, businessDate) => {
      const { rows } = await pool.query<DayRow>(
        `select ${dayColumns} from posting_days d join stores s on s.id = d.store_id where d.company_id = $1 and d.store_id = $2 and d.business_date = $3::date`,
        [companyId, storeId, businessDate],
      );
      return rows[0] ? toDay(rows[0]) : null;
    },
    listDays: async (companyId, filter: DayListFilter) => {
      const { rows } = await pool.query<DayRow>(
        `select ${dayColumns} from posting_days d join stores s on s.id = d.store_id
          where d.company_id = $1 and ($2::uuid is null or d.store_id = $2::uuid) and d.business_date between $3::date and $4::date
          order by d.business_date desc, s.code limit $5`,
        [companyId, filter.storeId, filter.from, filter.to, filter.rowsMax],
      );
      return rows.map(toDay);
    },
    listPostedDeals: async (companyId, filter: DayListFilter) => {
      const { rows } = await pool.query<EntryRow>(
        `select ${entryColumns} from posted_deals e
          where e.company_id = $1 and ($2::uuid is null or e.store_id = $2::uuid) and e.business_date between $3::date and $4::date
          order by e.business_date desc, e.entry_key limit $5`,
        [companyId, filter.storeId, filter.from, filter.to, filter.rowsMax * 20],
      );
      return rows.map((r): PostedDealView => ({
        ...toEntry(r),
        storeId: r.store_id,
        businessDate: r.business_date,
        freeeCompanyId: r.freee_company_id,
        provider: r.provider,
        amountYen: r.amount_yen === null ? null : yen(r.amount_yen),
        dealType: r.deal_type,
      }));
    },
  };
}

/** The deals recorded for a store-day: intents and answers, each write fenced by the lease. */
function entryOpsOver(
  pool: Pool,
): Pick<PostingStore, 'listEntries' | 'writeEntries' | 'removeEntry'> {
  return {
    listEntries: async (storeId, businessDate, freeeCompanyId) => {
      const { rows } = await pool.query<EntryRow>(
        `select ${entryColumns} from posted_deals e where e.store_id = $1 and e.business_date = $2::date and e.freee_company_id = $3 order by e.entry_key`,
        [storeId, businessDate, freeeCompanyId],
      );
      return rows.map(toEntry);
    },
    writeEntries: (lease, writes, now, leaseUntil) =>
      writeEntries(pool, lease, writes, now, leaseUntil),
    removeEntry: async (lease, freeeCompanyId, key, now, leaseUntil) => {
      const { rows } = await pool.query<{ leased: number }>(
        `with ${fenceCte},
         gone as (delete from posted_deals where store_id = $1 and business_date = $2::date and freee_company_id = $6 and entry_key = $7
                    and exists (select 1 from lease) returning 1)
         select (select count(*) from lease)::int as leased, (select count(*) from gone)::int as removed`,
        [lease.storeId, lease.businessDate, lease.leaseId, leaseUntil, now, freeeCompanyId, key],
      );
      return (rows[0]?.leased ?? 0) > 0;
    },
  };
}

/** One statement: extends the lease and upserts the entries, or writes nothing if it is lost. */
async function writeEntries(
  pool: Pool,
  lease: Lease,
  writes: readonly RecordWrite[],
  now: Date,
  leaseUntil: Date,
): Promise<boolean> {
  const rowsJson = entryRowsJson(writes, now);
  const { rows } = await pool.query(
    `with ${fenceCte} ${upsertEntriesFrom('lease', '$6', '$5')} returning entry_key`,
    [lease.storeId, lease.businessDate, lease.leaseId, leaseUntil, now, rowsJson],
  );
  return rows.length > 0;
}

export function postingSourcesOver(pool: Pool): PostingSources {
  const tenancy = tenancyUnitOfWork(pool).read;
  return {
    findStore: async (companyId, storeCode) => {
      const { rows } = await pool.query<PostingStoreRef>(
        `${storeRefSelect} where s.company_id = $1 and s.code = $2`,
        [companyId, storeCode],
      );
      return rows[0] ?? null;
    },
    listStores: async (companyId) => {
      const { rows } = await pool.query<PostingStoreRef>(
        `${storeRefSelect} where s.company_id = $1 order by s.code`,
        [companyId],
      );
      return rows;
    },
    paymentMethods: async (companyId) =>
      (await tenancy.listPaymentMethods(companyId)).map((m): PaymentMethod => ({
        code: m.code,
        name: m.name,
        kind: m.kind,
        givesChange: m.givesChange,
        settlement: m.settlement,
      })),
    dayInputs: dayInputsOver(pool),
    latestClose: async (storeId, businessDate) => {
      const { rows } = await pool.query<{ version: number; report: DailyReport }>(
        'select version, report from day_closes where store_id = $1 and business_date = $2::date order by version desc limit 1',
        [storeId, businessDate],
      );
      return rows[0] ?? null;
    },
    closedDates: async (companyId, storeId, from, to, rowsMax) => {
      const { rows } = await pool.query<{
        store_id: string;
        business_date: string;
        version: number;
      }>(
        `select store_id, business_date::text as business_date, max(version)::int as version from day_closes
          where company_id = $1 and ($2::uuid is null or store_id = $2::uuid) and business_date between $3::date and $4::date
          group by store_id, business_date order by business_date desc limit $5`,
        [companyId, storeId, from, to, rowsMax],
      );
      return rows.map((r) => ({
        storeId: r.store_id,
        businessDate: r.business_date,
        version: r.version,
      }));
    },
  };
}
