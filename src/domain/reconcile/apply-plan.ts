// What applying one accepted suggestion writes to freee for an account NOT synced there (seed 000
// §5-2): a payment on each deal from the bank 口座 on the deposit date (its full due amount; the
// deposit itself for a partial payment), and the difference as its own deal settled through the
// same 口座 — 支払手数料 as an expense, 仮受金 as income — so the 口座 moves by the deposit exactly.
import type { BusinessDate } from '../calendar/business-date.js';
import { sumYen, type Yen } from '../money/yen.js';
import type { Candidate, DifferenceAccount, DifferenceTax, Receivable } from './model.js';
import type { StatementLine } from './statement.js';

export interface PlannedPayment {
  dealId: string;
  amountYen: Yen;
  date: BusinessDate;
}

export interface PlannedDifference {
  type: 'expense' | 'income';
  account: Exclude<DifferenceAccount, null>;
  taxCode: Exclude<DifferenceTax, null>;
  amountYen: Yen;
  date: BusinessDate;
  partnerId: string | null;
}

export interface ApplyPlan {
  payments: PlannedPayment[];
  difference: PlannedDifference | null;
}

export class PlanMismatchError extends Error {
  constructor(readonly reason: string) {
    super(`apply plan: ${reason}`);
    this.name = 'PlanMismatchError';
  }
}

export function applyPlan(
  line: StatementLine,
  candidate: Candidate,
  receivables: readonly Receivable[],
): ApplyPlan {
  if (line.direction !== 'deposit') throw new PlanMismatchError('only deposits settle receivables');
  const byId = new Map(receivables.map((r) => [r.id, r]));
  const deals = candidate.receivableIds.map((id) => {
    const r = byId.get(id);
    if (!r) throw new PlanMismatchError(`receivable ${id} is not open`);
    return r;
  });
  if (candidate.kind === 'partial') {
    const [deal] = deals;
    if (!deal || deals.length !== 1 || line.amountYen >= deal.dueAmountYen)
      throw new PlanMismatchError('a partial payment settles part of one receivable');
    return {
      payments: [{ dealId: deal.id, amountYen: line.amountYen, date: line.date }],
      difference: null,
    };
  }
  const payments = deals.map((r) => ({ dealId: r.id, amountYen: r.dueAmountYen, date: line.date }));
  const settled = sumYen(payments.map((p) => p.amountYen));
  const gap = settled - line.amountYen;
  if (gap === 0) return { payments, difference: null };
  const fee = gap > 0;
  const difference: PlannedDifference = {
    type: fee ? 'expense' : 'income',
    account: fee ? '支払手数料' : '仮受金',
    taxCode: fee ? (candidate.differenceTax === 37 ? 37 : 136) : 2,
    amountYen: (fee ? gap : -gap) as Yen,
    date: line.date,
    partnerId: deals[0]?.partnerId ?? null,
  };
  if (difference.amountYen !== candidate.differenceYen)
    throw new PlanMismatchError(
      `difference ${difference.amountYen} differs from the suggestion's ${candidate.differenceYen}`,
    );
  return { payments, difference };
}
