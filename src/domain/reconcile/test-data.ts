// Builders shared by the reconcile engine's tests (not a test file itself).
import { parseBusinessDate } from '../calendar/business-date.js';
import { yen, type Yen } from '../money/yen.js';
import { parseFeeRate } from './fee-rate.js';
import type { PartnerTolerance, Receivable, Tolerances } from './model.js';
import type { StatementLine } from './statement.js';

export function receivable(
  id: string,
  partnerId: string | null,
  amount: number,
  due = '2025-01-31',
  sectionId: string | null = null,
): Receivable {
  return {
    id,
    partnerId,
    issueDate: parseBusinessDate(due),
    dueDate: parseBusinessDate(due),
    amountYen: yen(amount),
    dueAmountYen: yen(amount),
    refNumber: null,
    sectionId,
  };
}

export function deposit(
  line: number,
  amount: number,
  payer: string,
  date = '2025-01-31',
): StatementLine {
  return {
    line,
    sourceLine: line,
    account: '0001-001-1234567',
    date: parseBusinessDate(date),
    amountYen: yen(amount),
    direction: 'deposit',
    payerName: payer,
    description: '',
    balanceYen: null,
    key: `k${line}`,
  };
}

export function tolerances(
  partners: Record<string, { feeRate?: string; feeMaxYen?: number }> = {},
): Tolerances {
  const map = new Map<string, PartnerTolerance>();
  for (const [id, t] of Object.entries(partners)) {
    if (t.feeRate !== undefined) map.set(id, { kind: 'rate', rate: parseFeeRate(t.feeRate) });
    else if (t.feeMaxYen !== undefined) map.set(id, { kind: 'fixed', feeMaxYen: yen(t.feeMaxYen) });
  }
  return { partners: map, transferFeeMaxYen: 880 as Yen, overpaymentMaxYen: 5_000 as Yen };
}
