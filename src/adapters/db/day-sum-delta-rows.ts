// The day aggregate's delta rows of a batch of inserted checkouts (domain/report/day-sum-deltas.ts)
// as one JSON array, expanded by json_populate_recordset into store_day_sum_deltas: inside the
// insert's own statement when every row is new, else as a statement of their own for the rows the
// insert wrote (updates and deletes are still summed by the triggers of migration 0008).
import type { CheckoutWrite } from '../../app/ledger/model.js';
import { daySumDeltasOf, type DaySumDelta } from '../../domain/report/day-sum-deltas.js';
import type { Queryable } from './unit-of-work.js';

const valueName = (at: number) => `v${String(at + 1).padStart(2, '0')}`;

function deltaJson(delta: DaySumDelta): string {
  const values = delta.values.map((value, at) => `"${valueName(at)}":${value}`).join(',');
  return (
    `{"store_id":${JSON.stringify(delta.storeId)},"business_date":${JSON.stringify(delta.businessDate)},` +
    `"kind":${delta.kind},"status":${JSON.stringify(delta.status)},"fig_key":${JSON.stringify(delta.figKey)},` +
    `"pos":${delta.pos},"n":${delta.n},${values}}`
  );
}

/** The delta rows of `rows` as one JSON array for json_populate_recordset, or null when none. */
export function daySumDeltasJson(rows: readonly CheckoutWrite[]): string | null {
  const deltas = daySumDeltasOf(rows);
  return deltas.length === 0 ? null : `[${deltas.map(deltaJson).join(',')}]`;
}

/** `insert … select` of the rows of a JSON parameter `$at` (from daySumDeltasJson). */
export const daySumDeltasInsert = (at: number) =>
  `insert into store_day_sum_deltas
     select * from json_populate_recordset(null::store_day_sum_deltas, $${at}::json)`;

/** Adds the inserted rows' sums to the day aggregate; `rows` are exactly the rows inserted. */
export async function insertDaySumDeltas(
  client: Queryable,
  rows: readonly CheckoutWrite[],
): Promise<void> {
  const json = daySumDeltasJson(rows);
  if (json !== null) await client.query(daySumDeltasInsert(1), [json]);
}

/** The rows of a batch whose ids the insert returned (ids are unique within a batch). */
export function insertedRows(
  rows: readonly CheckoutWrite[],
  insertedIds: readonly string[],
): CheckoutWrite[] {
  if (insertedIds.length === rows.length) return [...rows];
  const inserted = new Set(insertedIds);
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (seen.has(row.checkoutId)) throw new Error(`checkout ${row.checkoutId} twice in one insert`);
    seen.add(row.checkoutId);
    return inserted.has(row.checkoutId);
  });
}
