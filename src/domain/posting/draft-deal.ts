// A deal before it takes freee's shape: signed lines (income direction) and how it is settled.
// toDealContent gives it freee's shape:
// - unsettled (a receivable): type income, amounts as signed, partner and due date, no payments.
//   A negative total stays an income deal with a negative amount (freee keeps unsettled deals as
//   sent, API-NOTES §5 dev:/news/4383): the receivable goes down, as it should.
// - cash: settled in full into the store's cash 口座 on the business date. A negative total
//   becomes an expense deal with every amount negated and a positive payment (freee flips settled
//   negative deals itself; sending the flipped form keeps what we send equal to what it keeps).
//   A total of 0 has no payment.
import { negateYen, zeroYen, type Yen } from '../money/yen.js';
import type { DealContent, DealDetail } from './deal-types.js';
import type { PostingMappings } from './mappings.js';
import type { DraftLine } from './method-lines.js';

export type DraftSettlement =
  { kind: 'cash' } | { kind: 'unsettled'; partnerId: number; dueDate: string };

export interface DraftEntry {
  key: string;
  methodCode: string;
  itemId: number;
  settlement: DraftSettlement;
  lines: DraftLine[];
}

export interface DealFrame {
  mappings: PostingMappings;
  businessDate: string;
  refNumber: string;
}

/** −x without producing −0. */
export function negated(value: Yen): Yen {
  return value === 0 ? zeroYen : negateYen(value);
}

function detailOf(
  draftLine: DraftLine,
  sign: 1 | -1,
  itemId: number,
  mappings: PostingMappings,
): DealDetail {
  const detail: DealDetail = {
    account_item_id: mappings.accounts[draftLine.accountRole],
    tax_code: mappings.taxCodes[draftLine.taxRole],
    amount: sign === 1 ? draftLine.amount : negated(draftLine.amount),
    item_id: itemId,
    description: draftLine.description,
  };
  if (draftLine.vat !== null) detail.vat = sign === 1 ? draftLine.vat : negated(draftLine.vat);
  if (mappings.store.sectionId !== null) detail.section_id = mappings.store.sectionId;
  return detail;
}

export function toDealContent(draft: DraftEntry, frame: DealFrame): DealContent {
  const totalYen = draft.lines.reduce((sum, each) => sum + each.amount, 0);
  const sign = draft.settlement.kind === 'cash' && totalYen < 0 ? -1 : 1;
  const deal: DealContent = {
    company_id: frame.mappings.store.companyId,
    issue_date: frame.businessDate,
    type: sign === 1 ? 'income' : 'expense',
    ref_number: frame.refNumber,
    details: draft.lines.map((each) => detailOf(each, sign, draft.itemId, frame.mappings)),
  };
  if (draft.settlement.kind === 'unsettled') {
    deal.partner_id = draft.settlement.partnerId;
    deal.due_date = draft.settlement.dueDate;
  } else if (totalYen !== 0) {
    const cash = frame.mappings.store.cashWalletable;
    deal.payments = [
      {
        amount: Math.abs(totalYen) as Yen,
        from_walletable_type: cash.type,
        from_walletable_id: cash.id,
        date: frame.businessDate,
      },
    ];
  }
  return deal;
}
