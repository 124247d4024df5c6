// Reads a 全銀協 入出金取引明細 file into statement lines (see zengin-records.ts for the layout):
// every record checked, the trailer's counts and totals compared with the data, 和暦 dates, the
// running balance from the header's opening balance. Any fault refuses the whole file.
import type { BusinessDate } from '../../domain/calendar/business-date.js';
import { yen } from '../../domain/money/yen.js';
import {
  contentKeys,
  type Statement,
  type StatementLine,
} from '../../domain/reconcile/statement.js';
import { StatementFileError, statementLinesMax, tooManyLines } from './errors.js';
import { zenginDate } from './dates.js';
import {
  dataFields,
  field,
  headerFields,
  numberField,
  splitRecords,
  trailerFields,
  zenginRecordBytes,
  type ZenginRecord,
} from './zengin-records.js';

type Raw = Omit<StatementLine, 'key'> & { reference: string };

interface Account {
  id: string;
  balance: number;
  deposits: { count: number; total: number };
  withdrawals: { count: number; total: number };
}

const refuse = (line: number, reason: string, userMessage: string): never => {
  throw new StatementFileError(line, reason, userMessage);
};

function dateField(record: ZenginRecord, range: readonly [number, number], name: string) {
  const text = field(record, range);
  const date: BusinessDate | null = zenginDate(text);
  return (
    date ??
    refuse(
      record.line,
      `${name} is not a 和暦 date: "${text}"`,
      `${name}が日付ではありません: 「${text}」`,
    )
  );
}

function signed(record: ZenginRecord, overdraft: string, amount: number): number {
  if (overdraft === '1' || overdraft === ' ' || overdraft === '0') return amount;
  if (overdraft === '2') return -amount;
  return refuse(record.line, `貸越区分 is "${overdraft}"`, `貸越区分が不正です: 「${overdraft}」`);
}

function openAccount(record: ZenginRecord): Account {
  if (field(record, headerFields.kind) !== '03')
    refuse(
      record.line,
      `種別コード is "${field(record, headerFields.kind)}", not 03 (入出金取引明細)`,
      '種別コードが03（入出金取引明細）ではありません',
    );
  if (field(record, headerFields.codeSet) === '1')
    refuse(record.line, 'EBCDIC files are not read', 'EBCDICのファイルは読めません');
  const bank = numberField(record, headerFields.bankCode, '銀行コード');
  const branch = numberField(record, headerFields.branchCode, '支店コード');
  const number = numberField(record, headerFields.accountNumber, '口座番号');
  const opening = numberField(record, headerFields.openingBalance, '取引前残高');
  return {
    id: `${String(bank).padStart(4, '0')}-${String(branch).padStart(3, '0')}-${field(record, headerFields.depositType)}-${String(number).padStart(7, '0')}`,
    balance: signed(record, field(record, headerFields.overdraft), opening),
    deposits: { count: 0, total: 0 },
    withdrawals: { count: 0, total: 0 },
  };
}

function dataLine(record: ZenginRecord, account: Account, line: number): Raw {
  const date = dateField(record, dataFields.accountDate, '勘定日');
  const way = field(record, dataFields.direction);
  if (way !== '1' && way !== '2')
    refuse(
      record.line,
      `入払区分 is "${way}", not 1 or 2`,
      `入払区分が1（入金）でも2（出金）でもありません: 「${way}」`,
    );
  const amount = numberField(record, dataFields.amount, '取引金額');
  const direction = way === '1' ? 'deposit' : 'withdrawal';
  const tally = direction === 'deposit' ? account.deposits : account.withdrawals;
  tally.count += 1;
  tally.total += amount;
  account.balance += direction === 'deposit' ? amount : -amount;
  return {
    line,
    sourceLine: record.line,
    account: account.id,
    date,
    amountYen: yen(amount),
    direction,
    payerName: field(record, dataFields.payerName).trim(),
    description: field(record, dataFields.summary).trim(),
    balanceYen: yen(account.balance),
    reference: field(record, dataFields.reference).trim(),
  };
}

function closeAccount(record: ZenginRecord, account: Account): void {
  const checks: [string, number, number][] = [
    [
      '入金件数',
      numberField(record, trailerFields.depositCount, '入金件数'),
      account.deposits.count,
    ],
    [
      '入金額合計',
      numberField(record, trailerFields.depositTotal, '入金額合計'),
      account.deposits.total,
    ],
    [
      '出金件数',
      numberField(record, trailerFields.withdrawalCount, '出金件数'),
      account.withdrawals.count,
    ],
    [
      '出金額合計',
      numberField(record, trailerFields.withdrawalTotal, '出金額合計'),
      account.withdrawals.total,
    ],
  ];
  for (const [name, stated, counted] of checks)
    if (stated !== counted)
      refuse(
        record.line,
        `trailer ${name} ${stated} differs from the data (${counted})`,
        `トレーラの${name}（${stated}）が明細（${counted}）と合いません`,
      );
}

function walk(records: readonly ZenginRecord[]): Raw[] {
  const lines: Raw[] = [];
  let account: Account | null = null;
  let ended = false;
  for (const record of records) {
    const kind = record.text[0];
    if (ended)
      refuse(record.line, 'record after the end record', 'エンドレコードの後にレコードがあります');
    if (kind === '1') {
      if (account)
        refuse(
          record.line,
          'header before the trailer of the previous account',
          'トレーラレコードの前にヘッダレコードがあります',
        );
      account = openAccount(record);
    } else if (kind === '2') {
      if (!account)
        refuse(
          record.line,
          'data record outside an account',
          'ヘッダレコードの前にデータレコードがあります',
        );
      if (lines.length >= statementLinesMax) throw tooManyLines(record.line);
      lines.push(dataLine(record, account as Account, lines.length + 1));
    } else if (kind === '8') {
      if (!account)
        refuse(record.line, 'trailer without a header', 'ヘッダレコードのないトレーラレコードです');
      closeAccount(record, account as Account);
      account = null;
    } else if (kind === '9') {
      if (account)
        refuse(
          record.line,
          'end record before the trailer',
          'トレーラレコードの前にエンドレコードがあります',
        );
      ended = true;
    } else
      refuse(
        record.line,
        `データ区分 is "${kind ?? ''}"`,
        `データ区分が不正です: 「${kind ?? ''}」`,
      );
  }
  const last = records[records.length - 1]?.line ?? 0;
  if (records.length === 0) refuse(0, 'empty file', 'ファイルが空です');
  if (!ended) refuse(last, 'no end record', 'エンドレコードがありません');
  return lines;
}

export function parseZengin(file: Buffer): Statement {
  const raw = walk(splitRecords(file));
  const keyed = contentKeys(raw, 'zengin');
  const lines = keyed.map((l, i) => {
    const reference = raw[i]?.reference ?? '';
    const { reference: _omit, ...line } = l as StatementLine & { reference?: string };
    void _omit;
    return /^0*$/.test(reference)
      ? line
      : { ...line, key: `zengin:${l.account}:${l.date}:${reference}` };
  });
  return { format: 'zengin', layout: 'zengin-200', lines };
}

/** Whether the bytes look like a 全銀 file: a record kind first, and a first record of 200 bytes
 *  (or no line ends and at least one record's worth of bytes). */
export function looksLikeZengin(file: Buffer): boolean {
  const kind = file[0];
  if (kind !== 0x31 && kind !== 0x32 && kind !== 0x38 && kind !== 0x39) return false;
  const lf = file.indexOf(0x0a);
  const cr = file.indexOf(0x0d);
  const stops = [lf, cr].filter((i) => i >= 0);
  if (stops.length === 0) return file.length >= zenginRecordBytes;
  const first = Math.min(...stops);
  return first === zenginRecordBytes || (first > 150 && first < 260);
}
