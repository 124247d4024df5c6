// Generated 消込 books with known answers for the reconcile bench: partners (customers, parent
// companies, card/QR providers), open receivables and deposits of each kind — exact, transfer fee,
// combination, provider batch, overpayment, partial, paid by a parent company, noise — with payer
// names as banks write them (half-width, 法人略語 in three positions, small kana large, cut).
import Encoding from 'encoding-japanese';
import { addDays } from '../src/domain/calendar/day-arithmetic.js';
import { parseBusinessDate, type BusinessDate } from '../src/domain/calendar/business-date.js';
import { yen, type Yen } from '../src/domain/money/yen.js';
import { parseFeeRate } from '../src/domain/reconcile/fee-rate.js';
import type {
  Partner,
  PartnerTolerance,
  Receivable,
  Tolerances,
} from '../src/domain/reconcile/model.js';
import type { StatementLine } from '../src/domain/reconcile/statement.js';
import { createPrng, type Prng } from '../test/support/prng.js';

export const depositKinds = [
  'exact',
  'fee',
  'combination',
  'batch',
  'overpayment',
  'partial',
  'parent',
  'noise',
] as const;
export type DepositKind = (typeof depositKinds)[number];
const kindShare: Record<DepositKind, number> = {
  exact: 0.33,
  fee: 0.14,
  combination: 0.1,
  batch: 0.1,
  overpayment: 0.05,
  partial: 0.05,
  parent: 0.05,
  noise: 0.18,
};

export interface Books {
  partners: Partner[];
  receivables: Receivable[];
  lines: StatementLine[];
  tolerances: Tolerances;
  /** Per line: its kind and the receivables it pays (null: nothing should be suggested). */
  answers: { kind: DepositKind; ids: string[] | null }[];
}

const syllables =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワガギグゲゴザジズゼゾダデドバビブベボパピプペポ'.split(
    '',
  );
const suffixes = [
  'ショウジ',
  'サンギョウ',
  'ベーカリー',
  'コウギョウ',
  'デンキ',
  'ショウテン',
  'ケンセツ',
  'フーズ',
  '',
];
const start = parseBusinessDate('2025-01-01');

const pick = <T>(p: Prng, list: readonly T[]): T => list[p.below(list.length)] as T;

function kanaName(p: Prng, taken: Set<string>): string {
  for (;;) {
    const n = 3 + p.below(4);
    const name = Array.from({ length: n }, () => pick(p, syllables)).join('') + pick(p, suffixes);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** The name as a bank writes it: half-width, small kana large, 法人略語 somewhere, cut to width. */
export function bankPayerName(p: Prng, kana: string): string {
  const large = kana.replace(/[ァィゥェォッャュョ]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) + 1),
  );
  const half = Encoding.toHankanaCase(large);
  const abbr = pick(p, ['ｶ', 'ｶ', 'ﾕ', 'ﾄﾞ']);
  const roll = p.next();
  const written =
    roll < 0.45 ? `${abbr})${half}` : roll < 0.85 ? `${half}(${abbr}` : `${half}(${abbr})ｼﾃﾝ`;
  const width = pick(p, [48, 48, 48, 30, 12]);
  return written.slice(0, width);
}

export interface Generator {
  p: Prng;
  next: number;
  receivables: Receivable[];
}

export function receivableOf(
  g: Generator,
  partnerId: string,
  amount: number,
  due: BusinessDate,
  section: string | null = null,
): Receivable {
  g.next += 1;
  const r: Receivable = {
    id: String(g.next),
    partnerId,
    issueDate: addDays(due, -30),
    dueDate: due,
    amountYen: yen(amount),
    dueAmountYen: yen(amount),
    refNumber: null,
    sectionId: section,
  };
  g.receivables.push(r);
  return r;
}

export function lineOf(
  n: number,
  date: BusinessDate,
  amount: number,
  payer: string,
): StatementLine {
  return {
    line: n,
    sourceLine: n,
    account: '0005-001-1-1234567',
    date,
    amountYen: yen(amount),
    direction: 'deposit',
    payerName: payer,
    description: '',
    balanceYen: null,
    key: `bench:${n}`,
  };
}

export interface Cast {
  customers: { id: string; kana: string }[];
  parents: { id: string; kana: string; children: string[] }[];
  providers: { id: string; kana: string; rate: string; permille: number }[];
  unknown: string[];
  partners: Partner[];
  tolerances: Tolerances;
}

export function castOf(p: Prng, customersCount: number): Cast {
  const taken = new Set<string>();
  const customers = Array.from({ length: customersCount }, (_, i) => ({
    id: `c${i}`,
    kana: kanaName(p, taken),
  }));
  const parents = Array.from({ length: Math.ceil(customersCount / 20) }, (_, i) => ({
    id: `h${i}`,
    kana: `${kanaName(p, taken)}ホールディングス`,
    children: Array.from({ length: 3 }, () => pick(p, customers).id),
  }));
  const rates = ['0.0324', '0.0198', '0.0360', '0.0250', '0.0300'];
  const providers = rates.map((rate, i) => ({
    id: `v${i}`,
    kana: `${kanaName(p, taken)}カード`,
    rate,
    permille: Number(rate.slice(2)),
  }));
  const unknown = Array.from({ length: 500 }, () => kanaName(p, taken));
  const partners: Partner[] = [
    ...customers.map((c) => ({ id: c.id, names: [`株式会社${c.kana}`, c.kana] })),
    ...parents.map((c) => ({ id: c.id, names: [c.kana] })),
    ...providers.map((c) => ({ id: c.id, names: [c.kana] })),
  ];
  const map = new Map<string, PartnerTolerance>(
    providers.map((v) => [v.id, { kind: 'rate', rate: parseFeeRate(v.rate) }]),
  );
  return {
    customers,
    parents,
    providers,
    unknown,
    partners,
    tolerances: { partners: map, transferFeeMaxYen: 880 as Yen, overpaymentMaxYen: 5_000 as Yen },
  };
}

export function kindOf(p: Prng): DepositKind {
  let roll = p.next();
  for (const kind of depositKinds) {
    roll -= kindShare[kind];
    if (roll < 0) return kind;
  }
  return 'noise';
}

export const dayIn = (p: Prng, days: number): BusinessDate => addDays(start, p.below(days));

export { createPrng };
