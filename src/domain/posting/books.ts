// The books of a store-day as freee returns them (GET /api/1/deals: details with account_item_id,
// tax_code, amount, vat, item_id, section_id; payments with from_walletable_*; partner_id;
// due_date), and plain sums over them for the invariant checkers. Written apart from the deal
// building on purpose: the checkers are a second model and share none of its code.
export interface BooksDetail {
  account_item_id: number;
  tax_code: number;
  amount: number;
  vat?: number | null;
  item_id?: number | null;
  section_id?: number | null;
}

export interface BooksPayment {
  amount: number;
  from_walletable_type: string;
  from_walletable_id: number;
  date?: string;
}

export interface BooksDeal {
  id?: number;
  issue_date: string;
  type: 'income' | 'expense';
  partner_id?: number | null;
  due_date?: string | null;
  ref_number?: string | null;
  details: readonly BooksDetail[];
  /** freee leaves the key out when there are none. */
  payments?: readonly BooksPayment[];
}

/** +1 for income, −1 for expense: amounts in the income direction (credit of sales, money in). */
export function directionOf(deal: BooksDeal): number {
  return deal.type === 'income' ? 1 : -1;
}

export interface BooksLine extends BooksDetail {
  deal: BooksDeal;
  /** amount in the income direction */
  credit: number;
  /** vat in the income direction, 0 when absent */
  creditVat: number;
}

export function booksLines(deals: readonly BooksDeal[]): BooksLine[] {
  return deals.flatMap((deal) =>
    deal.details.map((detail) => ({
      ...detail,
      deal,
      credit: directionOf(deal) * detail.amount,
      creditVat: directionOf(deal) * (detail.vat ?? 0),
    })),
  );
}

export function totalOf(lines: readonly BooksLine[], pick: (line: BooksLine) => number): number {
  let total = 0;
  for (const line of lines) total += pick(line);
  return total;
}

/** Money into the 口座 (type, id) through the deals' payments, in the income direction. */
export function walletableMovement(deals: readonly BooksDeal[], type: string, id: number): number {
  let total = 0;
  for (const deal of deals) {
    for (const payment of deal.payments ?? []) {
      if (payment.from_walletable_type === type && payment.from_walletable_id === id)
        total += directionOf(deal) * payment.amount;
    }
  }
  return total;
}
