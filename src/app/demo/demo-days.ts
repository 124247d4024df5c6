// Demo data for `npm start`: a few closed business days of a small café (store 0001 of the demo
// company) as a day file, so the 日報, the close history and freee連携 have something to show.
// Deterministic (seeded generator), valid by construction (tenders computed from the totals).
import { computeCheckoutTotals } from '../../domain/ledger/checkout-totals.js';
import type { Checkout, CheckoutLine, DrawerEvent, Payment } from '../../domain/ledger/types.js';

interface MenuItem {
  sku: string;
  name: string;
  unitPrice: number;
  taxCategory: CheckoutLine['taxCategory'];
}

const menu: readonly MenuItem[] = [
  { sku: 'C01', name: 'ブレンドコーヒー', unitPrice: 480, taxCategory: 'standard10' },
  { sku: 'C02', name: 'カフェラテ', unitPrice: 550, taxCategory: 'standard10' },
  { sku: 'L01', name: '日替わりランチ', unitPrice: 1100, taxCategory: 'standard10' },
  { sku: 'B01', name: 'クロワッサン(持ち帰り)', unitPrice: 260, taxCategory: 'reduced8' },
  { sku: 'B02', name: '食パン(持ち帰り)', unitPrice: 540, taxCategory: 'reduced8' },
  { sku: 'T01', name: 'コーヒー豆200g(持ち帰り)', unitPrice: 1620, taxCategory: 'reduced8' },
];

/** A small seeded generator (mulberry32): the demo is the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function tenderFor(random: () => number, totalYen: number): Payment[] {
  const roll = random();
  if (roll < 0.5) return [{ method: 'cash', amount: Math.ceil(totalYen / 1000) * 1000 }];
  if (roll < 0.75) return [{ method: 'credit', amount: totalYen }];
  if (roll < 0.9) return [{ method: 'paypay', amount: totalYen }];
  if (roll < 0.95 && totalYen > 500)
    return [
      { method: 'giftNoChange', amount: 500 },
      { method: 'cash', amount: Math.ceil((totalYen - 500) / 100) * 100 },
    ];
  return [{ method: 'giftChange', amount: Math.ceil(totalYen / 1000) * 1000 }];
}

function localInstant(date: string, minutesAfterMidnight: number): string {
  const hours = String(Math.floor(minutesAfterMidnight / 60)).padStart(2, '0');
  const minutes = String(minutesAfterMidnight % 60).padStart(2, '0');
  return `${date}T${hours}:${minutes}:00+09:00`;
}

function checkoutOf(random: () => number, date: string, index: number): Checkout {
  const lineCount = 1 + Math.floor(random() * 3);
  const lines: CheckoutLine[] = [];
  for (let i = 0; i < lineCount; i += 1) {
    const item = pick(random, menu);
    lines.push({
      sku: item.sku,
      name: item.name,
      quantity: 1 + Math.floor(random() * 2),
      unitPrice: item.unitPrice,
      taxCategory: item.taxCategory,
      ...(random() < 0.05 ? { discount: 50 } : {}),
    });
  }
  const minute = 8 * 60 + Math.floor((index / 60) * 11 * 60) + Math.floor(random() * 10);
  const draft: Checkout = {
    id: `demo-${date}-${String(index).padStart(3, '0')}`,
    revision: 1,
    storeCode: '0001',
    registerCode: '01',
    businessDate: date,
    startedAt: localInstant(date, minute),
    completedAt: localInstant(date, minute + 2),
    status: random() < 0.03 ? 'cancelled' : 'completed',
    customerCount: 1 + Math.floor(random() * 3),
    priceMode: 'inclusive',
    lines,
    payments: [],
  };
  const totalYen = computeCheckoutTotals(draft, 'floor').totalYen;
  return { ...draft, payments: tenderFor(random, totalYen) };
}

export interface DemoDay {
  checkouts: Checkout[];
  drawer: DrawerEvent[];
}

/** About 60 checkouts of one business date, with a morning float top-up. */
export function demoDay(date: string, seed: number): DemoDay {
  const random = seeded(seed);
  const checkouts = Array.from({ length: 60 }, (_, i) => checkoutOf(random, date, i));
  const drawer: DrawerEvent[] = [
    {
      id: `demo-${date}-in`,
      type: 'cashIn',
      storeCode: '0001',
      registerCode: '01',
      businessDate: date,
      at: localInstant(date, 7 * 60 + 50),
      amount: 10_000,
      reason: '両替',
    },
  ];
  return { checkouts, drawer };
}
