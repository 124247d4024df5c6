// A bank statement line (入出金明細) as every format becomes it: account, date, amount, direction,
// payer name (振込依頼人名), description, balance when given, and a key that is the same every time
// the same line is read again (a second import, an overlapping period), so a line is stored once.
import type { BusinessDate } from '../calendar/business-date.js';
import type { Yen } from '../money/yen.js';

export type Direction = 'deposit' | 'withdrawal';

export interface StatementLine {
  /** 1-based order among the statement's deposit and withdrawal data lines. */
  line: number;
  /** Where the line sits in the file (record or row number, 1-based), for messages. */
  sourceLine: number;
  /** The account: bank code, branch and number for bank files, `freee:<type>:<id>` for wallet_txns. */
  account: string;
  date: BusinessDate;
  amountYen: Yen;
  direction: Direction;
  payerName: string;
  description: string;
  balanceYen: Yen | null;
  /** Identity across imports: the bank's reference number when it has one, else the content and
   *  the occurrence of that content on that day. */
  key: string;
}

export interface Statement {
  format: 'zengin' | 'bank-csv' | 'wallet-txns';
  /** The preset or layout that read it (e.g. `mufg`, `zengin-200`). */
  layout: string;
  lines: StatementLine[];
}

/** Keys for lines without a reference number: content plus its occurrence on that day, so two
 *  equal deposits on one day stay two lines and re-reading the day gives the same two keys. */
export function contentKeys(
  lines: readonly Omit<StatementLine, 'key'>[],
  prefix: string,
): StatementLine[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const content = [
      l.account,
      l.date,
      l.direction,
      l.amountYen,
      l.payerName,
      l.description,
      l.balanceYen ?? '',
    ].join('|');
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    return { ...l, key: `${prefix}:${content}#${occurrence}` };
  });
}

/** The lines not yet known, each once (a file may repeat a line of an earlier import). */
export function newLines(
  known: ReadonlySet<string>,
  lines: readonly StatementLine[],
): StatementLine[] {
  const taken = new Set(known);
  const out: StatementLine[] = [];
  for (const line of lines) {
    if (taken.has(line.key)) continue;
    taken.add(line.key);
    out.push(line);
  }
  return out;
}
