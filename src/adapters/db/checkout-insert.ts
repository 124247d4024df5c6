// A batch of new checkout rows in ONE statement (ledger-store.ts `insertCheckouts`): the rows
// (`ON CONFLICT DO NOTHING`: an id already stored is left to the caller's decided path) and the
// day aggregate's deltas of all of them, written only when every row was inserted; else the
// deltas of the rows that were inserted follow in a statement of their own. Since migration 0010
// no trigger sums inserts into the aggregate: this is the only writer of new checkout rows.
import type { CheckoutWrite } from '../../app/ledger/model.js';
import { figureColumnList } from './checkout-figures-columns.js';
import { checkoutRows } from './checkout-rows.js';
import {
  daySumDeltasInsert,
  daySumDeltasJson,
  insertDaySumDeltas,
  insertedRows,
} from './day-sum-delta-rows.js';
import type { Queryable } from './unit-of-work.js';

/** Inserts the rows new to the ledger; returns the ids it wrote. */
export async function insertCheckoutRows(
  client: Queryable,
  companyId: string,
  rows: readonly CheckoutWrite[],
  now: Date,
): Promise<string[]> {
  const batch = checkoutRows(rows, 3);
  const deltasAt = 3 + batch.params.length;
  const result = await client.query<{ checkout_id: string }>(
    `with inserted as (
       insert into checkouts (company_id, checkout_id, revision, store_id, register_id, business_date, status, completed_at, total_yen, redoes, document, content_hash, received_at, ${figureColumnList})
       select $1, x.checkout_id, x.revision, x.store_id, x.register_id, x.business_date, x.status, x.completed_at, x.total_yen, x.redoes, x.document, x.content_hash, $2, ${batch.figures.values}
         from ${batch.from}
       on conflict (company_id, checkout_id) do nothing
       returning checkout_id),
     sums as (${daySumDeltasInsert(deltasAt)}
       where (select count(*) from inserted) = $${deltasAt + 1})
     select checkout_id from inserted`,
    [companyId, now, ...batch.params, daySumDeltasJson(rows) ?? '[]', rows.length],
  );
  const insertedIds = result.rows.map((r) => r.checkout_id);
  if (insertedIds.length !== rows.length)
    await insertDaySumDeltas(client, insertedRows(rows, insertedIds));
  return insertedIds;
}
