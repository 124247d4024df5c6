// Invariant 3 of posting.md: per unsettled payment method, receivables equal to the method's 日報
// total, with the method's partner and the due date of its schedule, never settled into cash.
// A method's lines are those carrying its 品目 (`【POS Reg】` + name, posting.md).
import type { DailyReport } from '../report/types.js';
import { directionOf, type BooksDeal } from './books.js';
import type { InvariantSetup, InvariantViolation } from './invariant-types.js';
import { dueDate } from './settlement-schedule.js';
import { zeroYen, type Yen } from '../money/yen.js';

interface MethodExpectation {
  code: string;
  itemId: number | undefined;
  partnerId: number | null;
  dueDate: string | null;
  totalYen: Yen;
}

function expectations(report: DailyReport, setup: InvariantSetup): MethodExpectation[] {
  return setup.paymentMethods
    .filter((method) => method.kind !== 'cash')
    .map((method) => {
      const mapping = setup.mappings.methods[method.code];
      const schedule = mapping?.schedule ?? null;
      return {
        code: method.code,
        itemId: mapping?.itemId,
        partnerId: mapping?.partnerId ?? null,
        dueDate: schedule === null ? null : dueDate(report.businessDate, schedule),
        totalYen: report.paymentMethods.find((row) => row.code === method.code)?.amount ?? zeroYen,
      };
    });
}

function dealProblems(
  deal: BooksDeal,
  method: MethodExpectation,
  setup: InvariantSetup,
): InvariantViolation[] {
  const found: InvariantViolation[] = [];
  const at = `deal ${deal.ref_number ?? deal.id ?? '?'} (${method.code})`;
  if ((deal.partner_id ?? null) !== method.partnerId) {
    found.push({
      invariant: 3,
      code: 'receivable.partner',
      message: `${at}: partner ${deal.partner_id ?? 'none'}`,
      expected: method.partnerId,
      actual: deal.partner_id ?? null,
    });
  }
  if ((deal.due_date ?? null) !== method.dueDate) {
    found.push({
      invariant: 3,
      code: 'receivable.dueDate',
      message: `${at}: due date ${deal.due_date ?? 'none'}`,
      expected: method.dueDate,
      actual: deal.due_date ?? null,
    });
  }
  const cash = setup.mappings.store.cashWalletable;
  if (
    (deal.payments ?? []).some(
      (payment) =>
        payment.from_walletable_type === cash.type && payment.from_walletable_id === cash.id,
    )
  ) {
    found.push({
      invariant: 3,
      code: 'receivable.settledInCash',
      message: `${at}: settled into the cash 口座`,
    });
  }
  return found;
}

export function checkReceivables(
  report: DailyReport,
  deals: readonly BooksDeal[],
  setup: InvariantSetup,
): InvariantViolation[] {
  const found: InvariantViolation[] = [];
  for (const method of expectations(report, setup)) {
    if (method.itemId === undefined) {
      if (method.totalYen !== 0)
        found.push({
          invariant: 3,
          code: 'receivable.unmapped',
          message: `method ${method.code} has no 品目 mapping`,
          expected: method.totalYen,
          actual: null,
        });
      continue;
    }
    let receivableYen = 0;
    for (const deal of deals) {
      const lines = deal.details.filter((detail) => detail.item_id === method.itemId);
      if (lines.length === 0) continue;
      for (const line of lines) receivableYen += directionOf(deal) * line.amount;
      found.push(...dealProblems(deal, method, setup));
    }
    if (receivableYen !== method.totalYen) {
      found.push({
        invariant: 3,
        code: 'receivable.amount',
        message: `method ${method.code}: receivables ${receivableYen}`,
        expected: method.totalYen,
        actual: receivableYen,
      });
    }
  }
  return found;
}
