// Bulk master data for a sandbox 事業所 (paging tests and the masters bench: e.g. 1,200 or 30,000
// 取引先), and the edits freee's web UI would make: renaming a 取引先 (its update_date becomes
// today) and removing one (freee stops returning it; the sandbox keeps it as available = false).
import type { Clock, Pool } from '../ports.js';
import { jstToday } from '../dates.js';

export interface SandboxMasterCounts {
  partners?: number;
  items?: number;
  tags?: number;
  /** update_date of the seeded records (default: today, JST). */
  updateDate?: string;
}

/** One statement per master; more than this many records per master is refused. */
export const seededRecordsMax = 200_000;

async function seed(
  pool: Pool,
  table: 'partners' | 'items' | 'tags',
  prefix: string,
  companyId: number,
  count: number,
  updateDate: string,
): Promise<void> {
  if (count <= 0) return;
  if (count > seededRecordsMax) throw new Error(`at most ${seededRecordsMax} sandbox ${table}`);
  await pool.query(
    `insert into freee_sandbox.${table} (company_id, name, update_date)
     select $1, $2 || lpad(n::text, 6, '0'), $3::date from generate_series(1, $4) as n`,
    [companyId, prefix, updateDate, count],
  );
}

export async function seedSandboxMasters(
  pool: Pool,
  clock: Clock,
  companyId: number,
  counts: SandboxMasterCounts,
): Promise<void> {
  const updateDate = counts.updateDate ?? jstToday(clock);
  await seed(pool, 'partners', '取引先', companyId, counts.partners ?? 0, updateDate);
  await seed(pool, 'items', '品目', companyId, counts.items ?? 0, updateDate);
  await seed(pool, 'tags', 'タグ', companyId, counts.tags ?? 0, updateDate);
}

/** The company's 取引先 ids, ascending (what GET /partners pages through). */
export async function sandboxPartnerIds(pool: Pool, companyId: number): Promise<number[]> {
  const rows = await pool.query<{ id: number }>(
    'select id from freee_sandbox.partners where company_id = $1 and available order by id',
    [companyId],
  );
  return rows.rows.map((r) => r.id);
}

/** Renames 取引先 as freee's web UI would: update_date becomes today (JST). */
export async function renameSandboxPartners(
  pool: Pool,
  clock: Clock,
  companyId: number,
  ids: readonly number[],
): Promise<void> {
  await pool.query(
    `update freee_sandbox.partners set name = name || '(変更)', update_date = $3::date
      where company_id = $1 and id = any($2::int[])`,
    [companyId, ids, jstToday(clock)],
  );
}

/** Removes a 取引先 in freee: the API stops returning it. */
export async function removeSandboxPartner(
  pool: Pool,
  companyId: number,
  id: number,
): Promise<void> {
  await pool.query(
    'update freee_sandbox.partners set available = false where company_id = $1 and id = $2',
    [companyId, id],
  );
}

/** Marks a 勘定科目 unusable (freee: available false) or renames it, as the web UI would. */
export async function editSandboxAccountItem(
  pool: Pool,
  clock: Clock,
  companyId: number,
  edit: { name: string; newName?: string; available?: boolean },
): Promise<void> {
  await pool.query(
    `update freee_sandbox.account_items
        set name = coalesce($3, name), available = coalesce($4, available), update_date = $5::date
      where company_id = $1 and name = $2`,
    [companyId, edit.name, edit.newName ?? null, edit.available ?? null, jstToday(clock)],
  );
}
