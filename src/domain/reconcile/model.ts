// What the matching engine reads (fetched beforehand: open receivables, partners, tolerances) and
// what it answers (suggestions with reasons, a confidence and alternatives).
import type { BusinessDate } from '../calendar/business-date.js';
import type { Yen } from '../money/yen.js';
import type { FeeRate } from './fee-rate.js';
import type { StatementLine } from './statement.js';

/** An unsettled deal (未決済取引): what is still owed (`dueAmountYen`) by a partner. */
export interface Receivable {
  id: string;
  partnerId: string | null;
  issueDate: BusinessDate;
  dueDate: BusinessDate | null;
  amountYen: Yen;
  dueAmountYen: Yen;
  refNumber: string | null;
  sectionId: string | null;
}

export interface Partner {
  id: string;
  /** name, long_name, name_kana, shortcut1, shortcut2 and learned payer names, as given. */
  names: string[];
}

export type PartnerTolerance = { kind: 'rate'; rate: FeeRate } | { kind: 'fixed'; feeMaxYen: Yen };

export interface Tolerances {
  partners: ReadonlyMap<string, PartnerTolerance>;
  /** Bank transfer fee a payer may deduct (振込手数料先方負担), for partners without their own. */
  transferFeeMaxYen: Yen;
  /** A deposit above what is owed by at most this much is suggested as 仮受金 for review. */
  overpaymentMaxYen: Yen;
}

export interface SearchLimits {
  /** Receivables of one partner a combination may draw from (oldest due first). */
  combinationCandidatesMax: number;
  /** Receivables in one combination. */
  combinationSizeMax: number;
  /** Steps of one combination search (the time limit, counted so the engine stays pure). */
  combinationStepsMax: number;
  /** Days in one provider batch. */
  batchDaysMax: number;
  /** Alternatives kept per deposit. */
  alternativesMax: number;
}

export const defaultLimits: SearchLimits = Object.freeze({
  combinationCandidatesMax: 40,
  combinationSizeMax: 6,
  combinationStepsMax: 200_000,
  batchDaysMax: 35,
  alternativesMax: 5,
});

export type MatchKind =
  'exact' | 'fee' | 'combination' | 'batch' | 'overpayment' | 'partial' | 'amountOnly';

export type DifferenceAccount = '支払手数料' | '仮受金' | null;
/** freee tax codes of the difference: 課対仕入10% (136) for bank transfer fees, 非課仕入 (37) for card
 *  and QR merchant fees, 対象外 (2) for 仮受金. */
export type DifferenceTax = 136 | 37 | 2 | null;

export interface Candidate {
  kind: MatchKind;
  receivableIds: string[];
  /** Σ of the receivables' due amounts. */
  settledYen: Yen;
  /** The difference booked as its own deal (always ≥ 0; its account says which way). */
  differenceYen: Yen;
  differenceAccount: DifferenceAccount;
  differenceTax: DifferenceTax;
  confidence: number;
  /** Orders candidates of equal confidence: nearer due dates, then fewer receivables, first. */
  rank: number;
  reasons: string[];
}

export type LimitName =
  | 'combinationCandidatesMax'
  | 'combinationSizeMax'
  | 'combinationStepsMax'
  | 'batchDaysMax'
  | 'alternativesMax';

export interface Suggestion {
  line: StatementLine;
  best: Candidate | null;
  alternatives: Candidate[];
  /** Limits that cut this deposit's search short: named, never a silent miss. */
  limitsHit: LimitName[];
}
