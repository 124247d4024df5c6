// What a set of deals does to the books, for comparing what is posted with what is planned:
// lines netted by (account item, tax code, item, 部門) with amount and vat signed in the income
// direction (an expense deal's lines count negated), and payments netted per 口座.
// Descriptions and line order do not count: they move no yen.
import type { Yen } from '../money/yen.js';
import type { DealContent, DealDetail } from './deal-types.js';
import { negated } from './draft-deal.js';

export interface SignedLine {
  account_item_id: number;
  tax_code: number;
  item_id: number;
  section_id: number | null;
  /** Income direction. */
  amount: Yen;
  /** null when the tax code carries no tax. */
  vat: Yen | null;
  description: string;
}

export interface NetAmount {
  amount: Yen;
  vat: Yen;
  taxed: boolean;
}

export interface DealNet {
  lines: Map<string, NetAmount>;
  payments: Map<string, Yen>;
}

export function signOf(deal: Pick<DealContent, 'type'>): 1 | -1 {
  return deal.type === 'income' ? 1 : -1;
}

export function lineIdentity(
  line: Pick<SignedLine, 'account_item_id' | 'tax_code' | 'item_id' | 'section_id'>,
): string {
  return `${line.account_item_id}|${line.tax_code}|${line.item_id}|${line.section_id ?? ''}`;
}

function signedLine(detail: DealDetail, sign: 1 | -1): SignedLine {
  const vat = detail.vat ?? null;
  return {
    account_item_id: detail.account_item_id,
    tax_code: detail.tax_code,
    item_id: detail.item_id,
    section_id: detail.section_id ?? null,
    amount: sign === 1 ? detail.amount : negated(detail.amount),
    vat: vat === null || sign === 1 ? vat : negated(vat),
    description: detail.description,
  };
}

export function signedLinesOf(deal: DealContent): SignedLine[] {
  const sign = signOf(deal);
  return deal.details.map((detail) => signedLine(detail, sign));
}

export function paymentKey(payment: {
  from_walletable_type: string;
  from_walletable_id: number;
}): string {
  return `${payment.from_walletable_type}:${payment.from_walletable_id}`;
}

function addTo<V>(map: Map<string, V>, key: string, add: (current: V | undefined) => V): void {
  map.set(key, add(map.get(key)));
}

export function netOf(deals: readonly DealContent[]): DealNet {
  const net: DealNet = { lines: new Map(), payments: new Map() };
  for (const deal of deals) {
    for (const line of signedLinesOf(deal)) {
      addTo(net.lines, lineIdentity(line), (current) => ({
        amount: ((current?.amount ?? 0) + line.amount) as Yen,
        vat: ((current?.vat ?? 0) + (line.vat ?? 0)) as Yen,
        taxed: (current?.taxed ?? false) || line.vat !== null,
      }));
    }
    for (const payment of deal.payments ?? []) {
      addTo(
        net.payments,
        paymentKey(payment),
        (current) => ((current ?? 0) + signOf(deal) * payment.amount) as Yen,
      );
    }
  }
  return net;
}

export function netsEqual(left: DealNet, right: DealNet): boolean {
  const linesEqual = (a: DealNet, b: DealNet) =>
    [...a.lines].every(
      ([key, value]) =>
        (b.lines.get(key)?.amount ?? 0) === value.amount &&
        (b.lines.get(key)?.vat ?? 0) === value.vat,
    );
  const paymentsEqual = (a: DealNet, b: DealNet) =>
    [...a.payments].every(([key, value]) => (b.payments.get(key) ?? 0) === value);
  return (
    linesEqual(left, right) &&
    linesEqual(right, left) &&
    paymentsEqual(left, right) &&
    paymentsEqual(right, left)
  );
}
