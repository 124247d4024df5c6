// レジ入金 / レジ出金 and 現金差異 (spec §3 `cashIn`, `cashOut`, `cash`):
// expected = float + cash method total + Σ cashIn − Σ cashOut; difference = counted − expected.
import { assertYen, type Yen } from '../money/yen.js';
import type { DayClose, DrawerEvent } from '../ledger/types.js';
import { CountAmountAccumulator } from './day-checkout.js';
import type { CashSummary, CountAmount } from './types.js';

export function drawerFigures(events: readonly DrawerEvent[]): {
  cashIn: CountAmount;
  cashOut: CountAmount;
} {
  const cashIn = new CountAmountAccumulator();
  const cashOut = new CountAmountAccumulator();
  for (const event of events)
    (event.type === 'cashIn' ? cashIn : cashOut).add(assertYen(event.amount));
  return { cashIn: cashIn.result(), cashOut: cashOut.result() };
}

export function cashSummary(
  close: DayClose | null,
  cashMethodTotalYen: Yen,
  drawer: { cashIn: CountAmount; cashOut: CountAmount },
): CashSummary | null {
  if (close === null) return null;
  const expected = assertYen(
    close.float + cashMethodTotalYen + drawer.cashIn.amount - drawer.cashOut.amount,
  );
  return {
    float: assertYen(close.float, 'float'),
    expected,
    counted: assertYen(close.countedCash, 'countedCash'),
    difference: assertYen(close.countedCash - expected),
  };
}
