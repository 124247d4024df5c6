// The adjusting deal (修正取引) of an entry whose posted deal must not be rewritten: it carries
// exactly the difference planned − held, so that held + adjustment = planned in the books.
// Per line identity (account item, tax code, item, 部門) one line of the difference ("差額"), when
// that is a line freee accepts (vat with the amount's sign, |vat| ≤ |amount|, amount ≠ 0);
// otherwise the held lines of that identity reversed ("取消") plus the planned ones ("訂正"),
// each of them a valid line already. Payments: the difference per 口座 (only for settled entries).
import type { Yen } from '../money/yen.js';
import type { DealContent, DealDetail, DealPayment } from './deal-types.js';
import { lineIdentity, paymentKey, signedLinesOf, signOf, type SignedLine } from './deal-net.js';
import { negated } from './draft-deal.js';

/** freee's 備考 (description) limit. */
export const descriptionLengthMax = 255;

export interface AdjustmentFrame {
  companyId: number;
  businessDate: string;
  refNumber: string;
  partnerId: number | null;
  dueDate: string | null;
}

function sumOf(lines: readonly SignedLine[], pick: (line: SignedLine) => Yen | null): Yen {
  return lines.reduce((sum, line) => sum + (pick(line) ?? 0), 0) as Yen;
}

function isValidLine(amount: Yen, vat: Yen, taxed: boolean): boolean {
  if (amount === 0) return false;
  return !taxed || (Math.abs(vat) <= Math.abs(amount) && vat * amount >= 0);
}

function reversed(line: SignedLine): SignedLine {
  return {
    ...line,
    amount: negated(line.amount),
    vat: line.vat === null ? null : negated(line.vat),
    description: `取消 ${line.description}`,
  };
}

function identityLines(planned: readonly SignedLine[], held: readonly SignedLine[]): SignedLine[] {
  const amount = (sumOf(planned, (line) => line.amount) -
    sumOf(held, (line) => line.amount)) as Yen;
  const vat = (sumOf(planned, (line) => line.vat) - sumOf(held, (line) => line.vat)) as Yen;
  if (amount === 0 && vat === 0) return [];
  const taxed = [...planned, ...held].some((line) => line.vat !== null);
  const model = planned[0] ?? held[0];
  if (model === undefined) return [];
  if (isValidLine(amount, vat, taxed))
    return [
      { ...model, amount, vat: taxed ? vat : null, description: `差額 ${model.description}` },
    ];
  return [
    ...held.map(reversed),
    ...planned.map((line) => ({ ...line, description: `訂正 ${line.description}` })),
  ].filter((line) => line.amount !== 0 || (line.vat ?? 0) !== 0);
}

function differenceLines(
  planned: readonly DealContent[],
  held: readonly DealContent[],
): SignedLine[] {
  const plannedLines = planned.flatMap(signedLinesOf);
  const heldLines = held.flatMap(signedLinesOf);
  const identities = [...new Set([...plannedLines, ...heldLines].map(lineIdentity))];
  return identities.flatMap((identity) =>
    identityLines(
      plannedLines.filter((line) => lineIdentity(line) === identity),
      heldLines.filter((line) => lineIdentity(line) === identity),
    ),
  );
}

function differencePayments(
  planned: readonly DealContent[],
  held: readonly DealContent[],
  date: string,
): DealPayment[] {
  const byKey = new Map<string, DealPayment>();
  const add = (deals: readonly DealContent[], factor: 1 | -1) => {
    for (const deal of deals) {
      for (const payment of deal.payments ?? []) {
        const current = byKey.get(paymentKey(payment)) ?? { ...payment, amount: 0, date };
        byKey.set(paymentKey(payment), {
          ...current,
          amount: (current.amount + factor * signOf(deal) * payment.amount) as Yen,
        });
      }
    }
  };
  add(planned, 1);
  add(held, -1);
  return [...byKey.values()].filter((payment) => payment.amount !== 0);
}

function detailOf(line: SignedLine, sign: 1 | -1): DealDetail {
  const detail: DealDetail = {
    account_item_id: line.account_item_id,
    tax_code: line.tax_code,
    amount: sign === 1 ? line.amount : negated(line.amount),
    item_id: line.item_id,
    description: line.description.slice(0, descriptionLengthMax),
  };
  if (line.vat !== null) detail.vat = sign === 1 ? line.vat : negated(line.vat);
  if (line.section_id !== null) detail.section_id = line.section_id;
  return detail;
}

/** The deal that moves the books from `held` to `planned`, or null when they already agree. */
export function adjustmentDeal(
  planned: readonly DealContent[],
  held: readonly DealContent[],
  frame: AdjustmentFrame,
): DealContent | null {
  const lines = differenceLines(planned, held);
  if (lines.length === 0) return null;
  const payments = differencePayments(planned, held, frame.businessDate);
  const totalYen = sumOf(lines, (line) => line.amount);
  const sign = payments.length > 0 && totalYen < 0 ? -1 : 1;
  const deal: DealContent = {
    company_id: frame.companyId,
    issue_date: frame.businessDate,
    type: sign === 1 ? 'income' : 'expense',
    ref_number: frame.refNumber,
    details: lines.map((line) => detailOf(line, sign)),
  };
  if (frame.partnerId !== null) deal.partner_id = frame.partnerId;
  if (frame.dueDate !== null) deal.due_date = frame.dueDate;
  if (payments.length > 0)
    deal.payments = payments.map((payment) => ({
      ...payment,
      amount: (sign * payment.amount) as Yen,
    }));
  return deal;
}
