// Builds one generated set of 消込 books (see reconcile-data.ts) from a seed: the deposits of each
// kind with their answers, then filler receivables (other invoices, later card days) up to the
// requested count, so the engine searches among many open receivables.
import { addDays } from '../src/domain/calendar/day-arithmetic.js';
import type { BusinessDate } from '../src/domain/calendar/business-date.js';
import type { Receivable } from '../src/domain/reconcile/model.js';
import {
  bankPayerName,
  castOf,
  createPrng,
  dayIn,
  kindOf,
  lineOf,
  receivableOf,
  type Books,
  type Cast,
  type DepositKind,
  type Generator,
} from './reconcile-data.js';

const storesPerProvider = 20;
const pickOf = <T>(g: Generator, list: readonly T[]): T => list[g.p.below(list.length)] as T;
const amount = (g: Generator, min: number, max: number) => min + g.p.below(max - min);

interface Made {
  date: BusinessDate;
  amount: number;
  payer: string;
  ids: string[] | null;
}

type Cursors = Map<string, BusinessDate>;

function providerDays(g: Generator, cast: Cast, cursors: Cursors, days: number) {
  const v = pickOf(g, cast.providers);
  const store = `${v.id}-s${g.p.below(storesPerProvider)}`;
  const from = cursors.get(store) ?? dayIn(g.p, 10);
  const rs = Array.from({ length: days }, (_, i) =>
    receivableOf(g, v.id, amount(g, 5_000, 300_000), addDays(from, i), store),
  );
  cursors.set(store, addDays(from, days));
  return { v, rs, last: addDays(from, days - 1) };
}

function customerDeposit(g: Generator, cast: Cast, kind: DepositKind): Made {
  const c = pickOf(g, cast.customers);
  const due = dayIn(g.p, 170);
  const date = addDays(due, g.p.below(4));
  const payer = bankPayerName(g.p, c.kana);
  if (kind === 'combination') {
    const rs = Array.from({ length: 2 + g.p.below(3) }, () =>
      receivableOf(g, c.id, amount(g, 1_000, 600_000), due),
    );
    const total = rs.reduce((t, r) => t + r.dueAmountYen, 0);
    const fee = g.p.next() < 0.3 ? 1 + g.p.below(880) : 0;
    return { date, amount: total - fee, payer, ids: rs.map((r) => r.id) };
  }
  const r = receivableOf(g, c.id, amount(g, 3_000, 1_500_000), due);
  const owed = r.dueAmountYen;
  const paid =
    kind === 'fee'
      ? owed - 1 - g.p.below(880)
      : kind === 'overpayment'
        ? owed + 1 + g.p.below(5_000)
        : kind === 'partial'
          ? Math.floor(owed * (0.2 + 0.6 * g.p.next()))
          : owed;
  return { date, amount: paid, payer, ids: [r.id] };
}

function depositOf(g: Generator, cast: Cast, cursors: Cursors, kind: DepositKind): Made {
  if (kind === 'batch') {
    const { v, rs, last } = providerDays(g, cast, cursors, 1 + g.p.below(7));
    const net = rs.reduce(
      (t, r) => t + r.dueAmountYen - Math.floor((r.dueAmountYen * v.permille) / 10_000),
      0,
    );
    return {
      date: addDays(last, 2 + g.p.below(5)),
      amount: net,
      payer: bankPayerName(g.p, v.kana),
      ids: rs.map((r) => r.id),
    };
  }
  if (kind === 'parent') {
    const h = pickOf(g, cast.parents);
    const due = dayIn(g.p, 170);
    const r = receivableOf(g, pickOf(g, h.children), amount(g, 3_000, 1_500_000), due);
    return {
      date: addDays(due, g.p.below(4)),
      amount: r.dueAmountYen,
      payer: bankPayerName(g.p, h.kana),
      ids: [r.id],
    };
  }
  if (kind === 'noise') {
    const known = g.p.next() < 0.3;
    const kana = known ? pickOf(g, cast.customers).kana : pickOf(g, cast.unknown);
    return {
      date: dayIn(g.p, 175),
      amount: amount(g, 500, 900_000),
      payer: bankPayerName(g.p, kana),
      ids: null,
    };
  }
  return customerDeposit(g, cast, kind);
}

function fill(g: Generator, cast: Cast, cursors: Cursors, count: number): void {
  while (g.receivables.length < count) {
    if (g.p.next() < 0.2) providerDays(g, cast, cursors, 1);
    else
      receivableOf(g, pickOf(g, cast.customers).id, amount(g, 1_000, 1_500_000), dayIn(g.p, 180));
  }
}

function shuffled<T>(g: Generator, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = g.p.below(i + 1);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

export function generateBooks(seed: number, depositCount: number, receivableCount: number): Books {
  const p = createPrng(seed);
  const cast = castOf(p, Math.max(200, Math.floor(receivableCount / 5)));
  const g: Generator = { p, next: 100_000, receivables: [] };
  const cursors: Cursors = new Map();
  const made = Array.from({ length: depositCount }, () => {
    const kind = kindOf(p);
    return { kind, ...depositOf(g, cast, cursors, kind) };
  });
  fill(g, cast, cursors, receivableCount);
  const receivables: Receivable[] = shuffled(g, g.receivables);
  made.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    partners: cast.partners,
    receivables,
    tolerances: cast.tolerances,
    lines: made.map((m, i) => lineOf(i + 1, m.date, m.amount, m.payer)),
    answers: made.map((m) => ({ kind: m.kind, ids: m.ids })),
  };
}
