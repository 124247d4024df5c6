// Master records and import dates over PostgreSQL (schema/masters). One statement per method
// (autocommit): pages are stored as they come, no transaction spans a freee call. A page is
// upserted in one statement from a JSON array; a record returned again is un-archived.
import type { MasterName } from '../../domain/masters/kinds.js';
import type { MasterRecord } from '../../domain/masters/records.js';
import type { MastersStore, StoredRecord } from '../../app/masters/ports.js';
import type { Pool } from './pool.js';

type Key = { companyId: string; freeeCompanyId: number; master: MasterName };

/** Rows per upsert statement (freee's largest page is 3000). */
const upsertChunk = 3000;

export type RecordsPart = Pick<
  MastersStore,
  'importDates' | 'setImportDate' | 'upsertRecords' | 'activeKeys' | 'archive' | 'listRecords'
>;

export function masterRecordsOver(pool: Pool): RecordsPart {
  return {
    importDates: async (companyId, freeeCompanyId) => {
      const rows = await pool.query<{ master: MasterName; last_import_date: string }>(
        `select master, last_import_date from master_import_states
          where company_id = $1 and freee_company_id = $2 and last_import_date is not null`,
        [companyId, freeeCompanyId],
      );
      return new Map(rows.rows.map((r) => [r.master, r.last_import_date]));
    },
    setImportDate: async (key, date, now) => {
      await pool.query(
        `insert into master_import_states (company_id, freee_company_id, master, last_import_date, updated_at)
         values ($1, $2, $3, $4, $5)
         on conflict (company_id, freee_company_id, master)
         do update set last_import_date = excluded.last_import_date, updated_at = excluded.updated_at`,
        [key.companyId, key.freeeCompanyId, key.master, date, now],
      );
    },
    upsertRecords: async (key, records, now) => {
      let stored = 0;
      for (let i = 0; i < records.length; i += upsertChunk)
        stored += await upsertPage(pool, key, records.slice(i, i + upsertChunk), now);
      return stored;
    },
    activeKeys: async (key) => {
      const rows = await pool.query<{ key: string }>(
        `select key from master_records
          where company_id = $1 and freee_company_id = $2 and master = $3 and not archived`,
        [key.companyId, key.freeeCompanyId, key.master],
      );
      return rows.rows.map((r) => r.key);
    },
    archive: async (key, keys, now) => {
      if (keys.length === 0) return 0;
      const result = await pool.query(
        `update master_records set archived = true, archived_at = $5
          where company_id = $1 and freee_company_id = $2 and master = $3
            and key = any($4::text[]) and not archived`,
        [key.companyId, key.freeeCompanyId, key.master, keys, now],
      );
      return result.rowCount ?? 0;
    },
    listRecords: async (companyId, freeeCompanyId, master, limit) => {
      const rows = await pool.query<{
        key: string;
        code: string | null;
        name: string;
        available: boolean | null;
        archived: boolean;
        update_date: string | null;
        data: Record<string, unknown>;
      }>(
        `select key, code, name, available, archived, update_date, data from master_records
          where company_id = $1 and freee_company_id = $2 and master = $3
          order by archived, code nulls last, name, key limit $4`,
        [companyId, freeeCompanyId, master, limit],
      );
      return rows.rows.map((r): StoredRecord => ({
        key: r.key,
        code: r.code,
        name: r.name,
        available: r.available,
        archived: r.archived,
        updateDate: r.update_date,
        data: r.data,
      }));
    },
  };
}

async function upsertPage(
  pool: Pool,
  key: Key,
  records: readonly MasterRecord[],
  now: Date,
): Promise<number> {
  if (records.length === 0) return 0;
  const rows = records.map((r) => ({
    key: r.key,
    code: r.code,
    name: r.name,
    available: r.available,
    update_date: r.updateDate,
    data: r.data,
  }));
  const result = await pool.query(
    `insert into master_records
       (company_id, freee_company_id, master, key, code, name, available, update_date, data,
        archived, archived_at, synced_at)
     select $1, $2, $3, r.key, r.code, r.name, r.available, r.update_date, r.data, false, null, $5
       from jsonb_to_recordset($4::jsonb)
         as r(key text, code text, name text, available boolean, update_date date, data jsonb)
     on conflict (company_id, freee_company_id, master, key) do update set
       code = excluded.code, name = excluded.name, available = excluded.available,
       update_date = excluded.update_date, data = excluded.data, archived = false,
       archived_at = null, synced_at = excluded.synced_at`,
    [key.companyId, key.freeeCompanyId, key.master, JSON.stringify(rows), now],
  );
  return result.rowCount ?? 0;
}
