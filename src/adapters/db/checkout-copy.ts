// New checkout rows by `COPY … FROM STDIN` (a PostgreSQL server only: PGlite's wire server has no
// COPY sub-protocol, copy-capable.ts). PostgreSQL spends less CPU per row on COPY than on the
// INSERT … SELECT FROM unnest of checkout-insert.ts (docs/ledger.md "Stop 24"). COPY has no
// ON CONFLICT: it runs under a savepoint, and when an id is already stored (a checkout sent again
// in a new batch, or inserted by a concurrent batch) the COPY fails with a unique violation, is
// rolled back to the savepoint, and the batch takes the INSERT path, which skips stored ids.
// Looking the ids up first would cost an index probe per row on every batch, for the rare resend.
// The day aggregate's deltas of the copied rows follow in the same transaction.
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { CheckoutWrite } from '../../app/ledger/model.js';
import { checkoutCopyData, copyColumnList } from './checkout-copy-text.js';
import { insertCheckoutRows } from './checkout-insert.js';
import { insertDaySumDeltas } from './day-sum-delta-rows.js';
import type { PoolClient } from './pool.js';

const uniqueViolation = '23505';

/** Writes the rows new to the ledger; returns the ids it wrote. */
export async function copyCheckoutRows(
  client: PoolClient,
  companyId: string,
  rows: readonly CheckoutWrite[],
  now: Date,
): Promise<string[]> {
  await client.query('savepoint checkout_copy'); // released by the transaction's commit
  const stream = client.query(copyFrom(`copy checkouts (${copyColumnList}) from stdin`));
  try {
    stream.end(checkoutCopyData(companyId, rows, now));
    await finished(stream);
  } catch (error) {
    if ((error as { code?: string }).code !== uniqueViolation) throw error;
    await client.query('rollback to savepoint checkout_copy');
    return insertCheckoutRows(client, companyId, rows, now);
  }
  await insertDaySumDeltas(client, rows);
  return rows.map((r) => r.checkoutId);
}
