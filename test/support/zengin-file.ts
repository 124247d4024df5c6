// Builds 全銀協 入出金取引明細 files (200-byte Shift_JIS records) for the corpus, tests and benches.
import iconv from 'iconv-lite';

export interface ZenginLineSpec {
  reference?: string;
  /** 和暦 YYMMDD, e.g. 070106 = 令和7年1月6日. */
  date: string;
  direction: 1 | 2;
  amount: number;
  payer?: string;
  summary?: string;
}

export interface ZenginAccountSpec {
  bank: string;
  branch: string;
  number: string;
  from: string;
  to: string;
  opening: number;
  lines: ZenginLineSpec[];
}

const left = (s: string, n: number) => s.padEnd(n, ' ').slice(0, n);
const right = (v: number | string, n: number) => String(v).padStart(n, '0').slice(-n);

export function headerRecord(a: ZenginAccountSpec): string {
  return [
    '1030',
    a.to,
    a.from,
    a.to,
    a.bank,
    left('ﾃｽﾄｷﾞﾝｺｳ', 15),
    a.branch,
    left('ﾎﾝﾃﾝ', 15),
    '   ',
    '1',
    right(a.number, 10),
    left('ｶ)ｳﾘｱｹﾞ', 40),
    '1',
    '1',
    right(a.opening, 14),
    ' '.repeat(71),
  ].join('');
}

export function dataRecord(l: ZenginLineSpec, i: number): string {
  return [
    '2',
    right(l.reference ?? String(i + 1), 8),
    l.date,
    l.date,
    String(l.direction),
    l.direction === 1 ? '11' : '14',
    right(l.amount, 12),
    right(0, 12),
    '000000',
    '000000',
    ' ',
    '0000000',
    '000',
    '0000000000',
    left(l.payer ?? '', 48),
    left('ﾃｽﾄｷﾞﾝｺｳ', 15),
    left('ｼﾃﾝ', 15),
    left(l.summary ?? (l.direction === 1 ? 'ﾌﾘｺﾐ' : 'ﾃｽｳﾘﾖｳ'), 20),
    ' '.repeat(20),
    ' ',
  ].join('');
}

export function trailerRecord(a: ZenginAccountSpec): string {
  const deposits = a.lines.filter((l) => l.direction === 1);
  const withdrawals = a.lines.filter((l) => l.direction === 2);
  const sum = (ls: ZenginLineSpec[]) => ls.reduce((t, l) => t + l.amount, 0);
  const closing = a.opening + sum(deposits) - sum(withdrawals);
  return [
    '8',
    right(deposits.length, 6),
    right(sum(deposits), 13),
    right(withdrawals.length, 6),
    right(sum(withdrawals), 13),
    '1',
    right(closing, 14),
    ' '.repeat(146),
  ].join('');
}

export const endRecord = `9${' '.repeat(199)}`;

export function zenginRecords(accounts: ZenginAccountSpec[]): string[] {
  const out: string[] = [];
  for (const a of accounts) {
    out.push(headerRecord(a), ...a.lines.map(dataRecord), trailerRecord(a));
  }
  out.push(endRecord);
  return out;
}

export function zenginBytes(records: string[], crlf: boolean): Buffer {
  return iconv.encode(records.join(crlf ? '\r\n' : '') + (crlf ? '\r\n' : ''), 'cp932');
}
