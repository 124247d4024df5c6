// The counted rows of the 日報 (spec §3) over the completed checkouts of the day:
// 金券等差額, 金券等釣り, 値引き, 全体割引, 返品, 会計数, 客数, 商品数 and 最終会計時刻, and the
// status rows (取り消された / やり直した / 入力中断した会計) over the other checkouts.
import { assertYen, zeroYen } from '../money/yen.js';
import { instantMs } from '../calendar/instant.js';
import type { CheckoutStatus } from '../ledger/types.js';
import {
  CountAmountAccumulator,
  type CompletedCheckout,
  type PricedCheckout,
} from './day-checkout.js';
import type { CountAmount, DailyReport } from './types.js';

export interface DayCounters {
  voucherShortfall: CountAmount;
  voucherChange: CountAmount;
  lineDiscounts: CountAmount;
  orderDiscounts: CountAmount;
  returns: DailyReport['returns'];
}

export function dayCounters(completed: readonly CompletedCheckout[]): DayCounters {
  const voucherShortfall = new CountAmountAccumulator();
  const voucherChange = new CountAmountAccumulator();
  const lineDiscounts = new CountAmountAccumulator();
  const orderDiscounts = new CountAmountAccumulator();
  const returns = { checkoutCount: 0, itemCount: 0, amount: zeroYen };
  for (const { checkout, math } of completed) {
    if (math.tenders.shortYen > 0) voucherShortfall.add(math.tenders.shortYen);
    if (math.tenders.voucherChangeYen > 0) voucherChange.add(math.tenders.voucherChangeYen);
    if ((checkout.orderDiscount ?? 0) > 0) orderDiscounts.add(checkout.orderDiscount ?? 0);
    let hasReturn = false;
    checkout.lines.forEach((line, index) => {
      if ((line.discount ?? 0) > 0) lineDiscounts.add(line.discount ?? 0);
      if (line.quantity >= 0) return;
      hasReturn = true;
      returns.itemCount += -line.quantity;
      returns.amount = assertYen(returns.amount + Math.abs(math.totals.lineAmountsYen[index] ?? 0));
    });
    if (hasReturn) returns.checkoutCount += 1;
  }
  return {
    voucherShortfall: voucherShortfall.result(),
    voucherChange: voucherChange.result(),
    lineDiscounts: lineDiscounts.result(),
    orderDiscounts: orderDiscounts.result(),
    returns,
  };
}

/** count and Σ T of the day's checkouts in `status`. */
export function statusRow(priced: readonly PricedCheckout[], status: CheckoutStatus): CountAmount {
  const row = new CountAmountAccumulator();
  for (const { checkout, totals } of priced)
    if (checkout.status === status) row.add(totals.totalYen);
  return row.result();
}

/** The latest completedAt as an instant (the original string is kept); null without checkouts. */
export function lastCompletedAt(completed: readonly CompletedCheckout[]): string | null {
  let latest: { epochMs: number; text: string } | null = null;
  for (const { checkout } of completed) {
    const text = checkout.completedAt;
    const epochMs = text === null ? null : instantMs(text);
    if (text === null || epochMs === null) continue;
    const later =
      latest === null ||
      epochMs > latest.epochMs ||
      (epochMs === latest.epochMs && text > latest.text);
    if (later) latest = { epochMs, text };
  }
  return latest?.text ?? null;
}

export function itemCountOf(completed: readonly CompletedCheckout[]): number {
  let itemCount = 0;
  for (const { checkout } of completed)
    for (const line of checkout.lines) itemCount += line.quantity;
  return itemCount;
}
