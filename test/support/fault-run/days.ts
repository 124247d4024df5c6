// Random store-days for the posting fault run: seeded checkouts (every tax category, cash with change,
// card, QR, both kinds of voucher), drawer money now and then, and a close whose counted cash is
// sometimes over or short. Deterministic for a seed.
import { createPrng, type Prng } from '../prng.js';
import { computeCheckoutTotals } from '../../../src/domain/ledger/checkout-totals.js';
import type {
  Checkout,
  CheckoutLine,
  Payment,
  TaxCategory,
} from '../../../src/domain/ledger/types.js';

export interface StoreDayData {
  storeCode: string;
  businessDate: string;
  checkouts: Checkout[];
  drawerEvents: Record<string, unknown>[];
  float: number;
  /** Counted cash = expected + this. */
  differenceYen: number;
}

const categories: readonly [TaxCategory, number][] = [
  ['standard10', 0.45],
  ['reduced8', 0.4],
  ['exempt', 0.05],
  ['nonSales', 0.1],
];

function pick<T>(prng: Prng, weighted: readonly [T, number][]): T {
  let roll = prng.next();
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (weighted[weighted.length - 1] as [T, number])[0];
}

function paymentsFor(prng: Prng, totalYen: number): Payment[] {
  const method = pick(prng, [
    ['cash', 0.5],
    ['credit', 0.2],
    ['paypay', 0.15],
    ['giftNoChange', 0.07],
    ['giftChange', 0.08],
  ] as const);
  if (method === 'cash') return [{ method, amount: Math.ceil(totalYen / 1000) * 1000 }];
  if (method === 'giftNoChange') return [{ method, amount: Math.ceil(totalYen / 500) * 500 }];
  if (method === 'giftChange') return [{ method, amount: Math.ceil(totalYen / 1000) * 1000 }];
  return [{ method, amount: totalYen }];
}

function checkoutOf(prng: Prng, id: string, storeCode: string, businessDate: string): Checkout {
  const lines: CheckoutLine[] = Array.from({ length: 1 + prng.below(3) }, (_, n) => ({
    name: `品${n}`,
    quantity: 1 + prng.below(3),
    unitPrice: 100 + prng.below(2900),
    taxCategory: pick(prng, categories),
  }));
  const totalYen = computeCheckoutTotals({ lines, priceMode: 'inclusive' }, 'floor').totalYen;
  const minute = 9 * 60 + prng.below(11 * 60);
  const at = `${businessDate}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+09:00`;
  return {
    id,
    revision: 1,
    storeCode,
    registerCode: '01',
    businessDate,
    startedAt: at,
    completedAt: at,
    status: 'completed',
    customerCount: 1,
    priceMode: 'inclusive',
    lines,
    payments: totalYen > 0 ? paymentsFor(prng, totalYen) : [{ method: 'cash', amount: 0 }],
  };
}

export function storeDays(
  seed: number,
  storeCodes: readonly string[],
  dates: readonly string[],
): StoreDayData[] {
  const prng = createPrng(seed);
  const out: StoreDayData[] = [];
  for (const businessDate of dates) {
    for (const storeCode of storeCodes) {
      const checkouts = Array.from({ length: 1 + prng.below(6) }, (_, n) =>
        checkoutOf(prng, `fr-${storeCode}-${businessDate}-${n}`, storeCode, businessDate),
      );
      const drawerEvents: Record<string, unknown>[] = [];
      const event = (type: 'cashIn' | 'cashOut', amount: number) =>
        drawerEvents.push({
          id: `de-${storeCode}-${businessDate}-${type}`,
          type,
          storeCode,
          registerCode: '01',
          businessDate,
          at: `${businessDate}T09:00:00+09:00`,
          amount,
        });
      if (prng.next() < 0.2) event('cashIn', 5000);
      if (prng.next() < 0.1) event('cashOut', 3000);
      const differenceYen = prng.next() < 0.7 ? 0 : prng.below(1001) - 500;
      out.push({ storeCode, businessDate, checkouts, drawerEvents, float: 20000, differenceYen });
    }
  }
  return out;
}

/** The `count` business dates before `today` (YYYY-MM-DD), oldest first. */
export function datesBefore(today: string, count: number): string[] {
  const base = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, n) =>
    new Date(base - (count - n) * 86_400_000).toISOString().slice(0, 10),
  );
}
