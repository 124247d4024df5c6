// Receipt issues (app port ReceiptIssueStore, table register_receipt_issues): the count of an issue
// is taken while the checkout's row is locked, so two prints at once get 1 and 2, never 1 twice.
import type {
  ReceiptIssueRecord,
  ReceiptIssueStore,
  StoredCheckoutForReceipt,
} from '../../app/register/ports.js';
import { eq } from 'drizzle-orm';
import type { Pool } from './pool.js';
import { receiptIssues } from './schema/register/index.js';
import { drizzleOver, inTransaction } from './unit-of-work.js';

interface IssueRow {
  id: string;
  checkout_id: string;
  revision: number;
  kind: ReceiptIssueRecord['kind'];
  count: number;
  reissue: boolean;
  addressee: string | null;
  note: string | null;
  source: ReceiptIssueRecord['source'];
  requested_by: string;
  status: ReceiptIssueRecord['status'];
  reason: string | null;
  printer_address: string | null;
  created_at: Date;
}

const columns = `id, checkout_id, revision, kind, count, reissue, addressee, note, source, requested_by,
  status, reason, printer_address, created_at`;

const toRecord = (r: IssueRow): ReceiptIssueRecord => ({
  id: r.id,
  checkoutId: r.checkout_id,
  revision: r.revision,
  kind: r.kind,
  count: r.count,
  reissue: r.reissue,
  addressee: r.addressee,
  note: r.note,
  source: r.source,
  requestedBy: r.requested_by,
  status: r.status,
  reason: r.reason,
  printerAddress: r.printer_address,
  createdAt: r.created_at.toISOString(),
});

export function receiptIssueStoreOver(pool: Pool): ReceiptIssueStore {
  return {
    findCheckout: async (companyId, checkoutId) => {
      const { rows } = await pool.query<{
        store_code: string;
        revision: string | number;
        document: unknown;
      }>(
        `select s.code as store_code, c.revision, c.document from checkouts c join stores s on s.id = c.store_id
          where c.company_id = $1 and c.checkout_id = $2`,
        [companyId, checkoutId],
      );
      const row = rows[0];
      if (!row) return null;
      const found: StoredCheckoutForReceipt = {
        storeCode: row.store_code,
        revision: Number(row.revision),
        document: row.document,
      };
      return found;
    },
    recordIssue: (issue, now) =>
      inTransaction(pool, async (client) => {
        await client.query(
          'select 1 from checkouts where company_id = $1 and checkout_id = $2 for update',
          [issue.companyId, issue.checkoutId],
        );
        const { rows: before } = await client.query<{ n: number; printed: boolean }>(
          `select coalesce(max(count), 0)::int as n, coalesce(bool_or(status = 'printed'), false) as printed
             from register_receipt_issues where company_id = $1 and checkout_id = $2 and kind = $3`,
          [issue.companyId, issue.checkoutId, issue.kind],
        );
        const { rows } = await client.query<IssueRow>(
          `insert into register_receipt_issues (company_id, checkout_id, revision, kind, count, reissue, addressee, note,
             source, requested_by, status, created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'printing', $11, $11) returning ${columns}`,
          [
            issue.companyId,
            issue.checkoutId,
            issue.revision,
            issue.kind,
            (before[0]?.n ?? 0) + 1,
            before[0]?.printed ?? false,
            issue.addressee,
            issue.note,
            issue.source,
            issue.requestedBy,
            now,
          ],
        );
        const row = rows[0];
        if (!row) throw new Error(`receipt issue of ${issue.checkoutId} not inserted`);
        return toRecord(row);
      }),
    markIssue: async (id, outcome, now) => {
      await drizzleOver(pool)
        .update(receiptIssues)
        .set({ ...outcome, updatedAt: now })
        .where(eq(receiptIssues.id, id));
    },
    listIssues: async (companyId, checkoutId, limit) => {
      const { rows } = await pool.query<IssueRow>(
        `select ${columns} from register_receipt_issues where company_id = $1 and checkout_id = $2
          order by seq limit $3`,
        [companyId, checkoutId, limit],
      );
      return rows.map(toRecord);
    },
  };
}
