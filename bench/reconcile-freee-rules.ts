// freee's documented 自動で経理 rules (seed 004) as the bench's baseline, on the same books: the
// amount alone decides. A receivable of the same amount → 入金予定とマッチ (the nearest due date
// when several); else the receivable just above the deposit → 未決済取引と消し込み with the gap as
// 支払手数料; a deposit above every receivable → 推測なし. No names, no combinations, no batches.
import { daysBetween } from '../src/domain/calendar/day-arithmetic.js';
import type { Receivable } from '../src/domain/reconcile/model.js';
import type { StatementLine } from '../src/domain/reconcile/statement.js';

/** Per line: the receivable ids freee would suggest, or null. Each receivable used once. */
export function freeeRules(
  lines: readonly StatementLine[],
  receivables: readonly Receivable[],
): (string[] | null)[] {
  const sorted = [...receivables].sort((a, b) => a.dueAmountYen - b.dueAmountYen);
  const amounts = sorted.map((r) => r.dueAmountYen);
  const used = new Set<string>();
  const firstAtLeast = (x: number) => {
    let lo = 0;
    let hi = amounts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((amounts[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lines.map((line) => {
    if (line.direction !== 'deposit') return null;
    let i = firstAtLeast(line.amountYen);
    let best: Receivable | null = null;
    for (; i < sorted.length && sorted[i]?.dueAmountYen === line.amountYen; i += 1) {
      const r = sorted[i] as Receivable;
      if (used.has(r.id)) continue;
      const d = (x: Receivable) => Math.abs(daysBetween(x.dueDate ?? x.issueDate, line.date));
      if (!best || d(r) < d(best)) best = r;
    }
    for (; !best && i < sorted.length; i += 1) {
      const r = sorted[i] as Receivable;
      if (!used.has(r.id)) best = r;
    }
    if (!best) return null;
    used.add(best.id);
    return [best.id];
  });
}
