// Reads a bank CSV (Shift_JIS or UTF-8) through a column mapping: a preset found by its header, or
// one given. Every row checked (date, amount); any fault refuses the file naming the row.
import { parse } from 'csv-parse/sync';
import { yen } from '../../domain/money/yen.js';
import {
  contentKeys,
  type Statement,
  type StatementLine,
} from '../../domain/reconcile/statement.js';
import { csvDate } from './dates.js';
import { decodeText } from './decode.js';
import { StatementFileError, statementLinesMax, tooManyLines } from './errors.js';
import { csvPresets, requiredColumns, type CsvMapping } from './csv-presets.js';

type Row = { line: number; cells: string[] };

function rowsOf(text: string): Row[] {
  try {
    const records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    const e = error as { lines?: number; code?: string };
    const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(text) : (e.lines ?? 0);
    throw new StatementFileError(line, `CSV: ${(error as Error).message}`, 'CSVとして読めません');
  }
}

/** The line where a quote that is never closed opened. */
function openQuoteLine(text: string): number {
  let line = 1;
  let opened = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') {
      quoted = !quoted;
      if (quoted) opened = line;
    } else if (c === '\n') line += 1;
  }
  return quoted ? opened : line;
}

function mappingFor(header: string[], given: CsvMapping | undefined, line: number): CsvMapping {
  const cells = new Set(header.map((c) => c.trim()));
  const found = given ?? csvPresets.find((m) => requiredColumns(m).every((c) => cells.has(c)));
  if (!found)
    throw new StatementFileError(
      line,
      'header matches no bank layout',
      `見出し行がどの銀行の形式にも合いません: ${header.join(',')}`,
    );
  const missing = requiredColumns(found).filter((c) => !cells.has(c));
  if (missing.length > 0)
    throw new StatementFileError(
      line,
      `missing columns ${missing.join(', ')}`,
      `列がありません: ${missing.join('、')}`,
    );
  return found;
}

function amountOf(raw: string | undefined, row: Row, column: string): number | null {
  const text = (raw ?? '').normalize('NFKC').replace(/[,円\s]/g, '');
  if (text === '' || text === '-') return null;
  if (!/^-?\d+$/.test(text))
    throw new StatementFileError(
      row.line,
      `${column} is not an amount: "${raw ?? ''}"`,
      `${column}が金額ではありません: 「${raw ?? ''}」`,
    );
  return Number(text);
}

function payerOf(raw: string, prefixes: readonly string[]): string {
  let s = raw.trim();
  for (const prefix of prefixes)
    if (s.startsWith(prefix) && /^[\s\u3000]/.test(s.slice(prefix.length))) {
      s = s.slice(prefix.length).trim();
      break;
    }
  return s;
}

function lineOf(
  row: Row,
  col: (name: string) => string,
  m: CsvMapping,
  account: string,
  n: number,
) {
  const date = csvDate(col(m.date));
  if (!date)
    throw new StatementFileError(
      row.line,
      `${m.date} is not a date: "${col(m.date)}"`,
      `${m.date}が日付ではありません: 「${col(m.date)}」`,
    );
  let signed: number | null;
  if ('signed' in m.amount) signed = amountOf(col(m.amount.signed), row, m.amount.signed);
  else {
    const inn = amountOf(col(m.amount.deposit), row, m.amount.deposit);
    const out = amountOf(col(m.amount.withdrawal), row, m.amount.withdrawal);
    if (inn !== null && out !== null && inn !== 0 && out !== 0)
      throw new StatementFileError(
        row.line,
        'both deposit and withdrawal',
        '入金と出金の両方に金額があります',
      );
    signed = inn !== null && inn !== 0 ? inn : out === null ? inn : -out;
  }
  if (signed === null || signed === 0)
    throw new StatementFileError(row.line, 'no amount', '金額がありません');
  const balance = m.balance === null ? null : amountOf(col(m.balance), row, m.balance);
  return {
    line: n,
    sourceLine: row.line,
    account,
    date,
    amountYen: yen(Math.abs(signed)),
    direction: signed > 0 ? ('deposit' as const) : ('withdrawal' as const),
    payerName: payerOf(col(m.payer), m.payerPrefixes),
    description: m.description
      .map(col)
      .filter((s) => s.trim() !== '')
      .join(' '),
    balanceYen: balance === null ? null : yen(balance),
  };
}

export function parseBankCsv(
  file: Buffer,
  options: { mapping?: CsvMapping; account?: string } = {},
): Statement {
  const rows = rowsOf(decodeText(file));
  const [header, ...body] = rows;
  if (!header) throw new StatementFileError(0, 'empty file', 'ファイルが空です');
  const mapping = mappingFor(header.cells, options.mapping, header.line);
  const index = new Map(header.cells.map((c, i) => [c.trim(), i]));
  const lines: Omit<StatementLine, 'key'>[] = [];
  for (const row of body) {
    if (lines.length >= statementLinesMax) throw tooManyLines(row.line);
    const col = (name: string) => row.cells[index.get(name) ?? -1] ?? '';
    lines.push(lineOf(row, col, mapping, options.account ?? mapping.name, lines.length + 1));
  }
  return { format: 'bank-csv', layout: mapping.name, lines: contentKeys(lines, 'csv') };
}
