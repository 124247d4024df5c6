// Deals as freee holds them (GET /api/1/deals), turned back into the content we write
// (DealContent), so that what the books hold can be compared with the plan (diff.ts) after a lookup.
// Only the fields we send count: freee's ids, totals, accruals and line ids are left out; vat is kept
// on the taxed codes only (freee reports vat 0 on 対象外 / 非課売上 lines, where we send none).
// Payments: the cash entry's payment is ours; a receivable's payments are the user's 消込 / 決済登録,
// left out of the content and reported as `hasPayments` (diff.ts never rewrites such a deal).
import type { BooksDeal, BooksDetail } from './books.js';
import { assertYen } from '../money/yen.js';
import type { DealContent, DealDetail, DealPayment } from './deal-types.js';
import type { WalletableType } from './mappings.js';

export interface HeldDetail extends BooksDetail {
  description?: string | null;
}

export interface HeldDeal extends BooksDeal {
  id: number;
  details: readonly HeldDetail[];
}

export interface HeldContext {
  companyId: number;
  /** Tax codes that carry a vat (課税売上10%, 8%(軽)). */
  taxedCodes: ReadonlySet<number>;
  /** true for the cash entry: its payments are ours and part of the content. */
  paymentsAreOurs: boolean;
}

function detailOf(detail: HeldDetail, taxedCodes: ReadonlySet<number>): DealDetail {
  const line: DealDetail = {
    account_item_id: detail.account_item_id,
    tax_code: detail.tax_code,
    amount: assertYen(detail.amount),
    item_id: detail.item_id ?? 0,
    description: detail.description ?? '',
  };
  if (taxedCodes.has(detail.tax_code)) line.vat = assertYen(detail.vat ?? 0);
  if (detail.section_id !== null && detail.section_id !== undefined)
    line.section_id = detail.section_id;
  return line;
}

function paymentOf(
  payment: NonNullable<BooksDeal['payments']>[number],
  fallbackDate: string,
): DealPayment {
  return {
    amount: assertYen(payment.amount),
    from_walletable_type: payment.from_walletable_type as WalletableType,
    from_walletable_id: payment.from_walletable_id,
    date: payment.date ?? fallbackDate,
  };
}

/** The content of a held deal in the shape we send. */
export function heldContent(deal: HeldDeal, context: HeldContext): DealContent {
  const content: DealContent = {
    company_id: context.companyId,
    issue_date: deal.issue_date,
    type: deal.type,
    ref_number: deal.ref_number ?? '',
    details: deal.details.map((detail) => detailOf(detail, context.taxedCodes)),
  };
  if (deal.partner_id !== null && deal.partner_id !== undefined)
    content.partner_id = deal.partner_id;
  if (deal.due_date !== null && deal.due_date !== undefined) content.due_date = deal.due_date;
  const payments = deal.payments ?? [];
  if (context.paymentsAreOurs && payments.length > 0)
    content.payments = payments.map((payment) => paymentOf(payment, deal.issue_date));
  return content;
}

const paymentsKey = (
  payments: readonly { amount: number; from_walletable_type: string; from_walletable_id: number }[],
): string =>
  payments
    .map(
      (payment) =>
        `${payment.from_walletable_type}:${payment.from_walletable_id}:${payment.amount}`,
    )
    .sort()
    .join('|');

/**
 * freee shows payments on the deal that we did not write: any payment on a receivable; on the cash
 * entry, payments other than those of our record (`written`; none known → we assume ours).
 */
export function hasForeignPayments(
  deal: HeldDeal,
  paymentsAreOurs: boolean,
  written: DealContent | null,
): boolean {
  const payments = deal.payments ?? [];
  if (!paymentsAreOurs) return payments.length > 0;
  if (written === null) return false;
  return paymentsKey(payments) !== paymentsKey(written.payments ?? []);
}
