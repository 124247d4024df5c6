// 全銀協 入出金取引明細 (種別コード 03): 200-byte records in Shift_JIS (single-byte: digits, upper
// case, half-width kana), one per line (CRLF or LF) or back to back. Header (1), data (2), trailer
// (8) per account, one end record (9). Field positions are 0-based byte offsets.
import iconv from 'iconv-lite';
import { StatementFileError } from './errors.js';

export const zenginRecordBytes = 200;
const endOfFile = 0x1a;

export const headerFields = {
  kind: [1, 3],
  codeSet: [3, 4],
  bankCode: [22, 26],
  branchCode: [41, 44],
  depositType: [62, 63],
  accountNumber: [63, 73],
  overdraft: [113, 114],
  openingBalance: [115, 129],
} as const;

export const dataFields = {
  reference: [1, 9],
  accountDate: [9, 15],
  valueDate: [15, 21],
  direction: [21, 22],
  transactionType: [22, 24],
  amount: [24, 36],
  payerCode: [71, 81],
  payerName: [81, 129],
  remitterBank: [129, 144],
  remitterBranch: [144, 159],
  summary: [159, 179],
  edi: [179, 199],
} as const;

export const trailerFields = {
  depositCount: [1, 7],
  depositTotal: [7, 20],
  withdrawalCount: [20, 26],
  withdrawalTotal: [26, 39],
  overdraft: [39, 40],
  closingBalance: [40, 54],
} as const;

export interface ZenginRecord {
  /** 1-based record number. */
  line: number;
  text: string;
}

function isDoubleByteLead(b: number): boolean {
  return (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
}

function recordOf(bytes: Buffer, line: number): ZenginRecord {
  if (bytes.length !== zenginRecordBytes)
    throw new StatementFileError(
      line,
      `record is ${bytes.length} bytes, not ${zenginRecordBytes}`,
      `レコード長が${bytes.length}バイトです（${zenginRecordBytes}バイト固定）`,
    );
  const at = bytes.findIndex(isDoubleByteLead);
  if (at >= 0)
    throw new StatementFileError(
      line,
      `double-byte character at byte ${at + 1}`,
      `${at + 1}バイト目に全角文字があります（半角のみ）`,
    );
  return { line, text: iconv.decode(bytes, 'cp932') };
}

/** The file's records: split on line ends when it has them, else every 200 bytes. */
export function splitRecords(file: Buffer): ZenginRecord[] {
  let end = file.length;
  while (
    end > 0 &&
    (file[end - 1] === endOfFile || file[end - 1] === 0x0a || file[end - 1] === 0x0d)
  )
    end -= 1;
  const body = file.subarray(0, end);
  const records: ZenginRecord[] = [];
  if (body.includes(0x0a) || body.includes(0x0d)) {
    let start = 0;
    let line = 1;
    while (start <= body.length) {
      let stop = body.indexOf(0x0a, start);
      if (stop < 0) stop = body.length;
      let slice = body.subarray(start, stop);
      if (slice[slice.length - 1] === 0x0d) slice = slice.subarray(0, slice.length - 1);
      records.push(recordOf(slice, line));
      start = stop + 1;
      line += 1;
    }
    return records;
  }
  if (body.length % zenginRecordBytes !== 0)
    throw new StatementFileError(
      Math.floor(body.length / zenginRecordBytes) + 1,
      `last record is ${body.length % zenginRecordBytes} bytes, not ${zenginRecordBytes}`,
      `最後のレコードが${body.length % zenginRecordBytes}バイトしかありません`,
    );
  for (let i = 0; i < body.length; i += zenginRecordBytes)
    records.push(recordOf(body.subarray(i, i + zenginRecordBytes), i / zenginRecordBytes + 1));
  return records;
}

export function field(record: ZenginRecord, [from, to]: readonly [number, number]): string {
  return record.text.slice(from, to);
}

/** A right-aligned number field (zero or space padded); refusal naming the field when not. */
export function numberField(
  record: ZenginRecord,
  range: readonly [number, number],
  name: string,
): number {
  const text = field(record, range).trim();
  if (!/^\d+$/.test(text))
    throw new StatementFileError(
      record.line,
      `${name} is not a number: "${text}"`,
      `${name}が数字ではありません: 「${text}」`,
    );
  return Number(text);
}
