// CSV downloads of the console for Excel: `?format=csv&encoding=utf8bom|sjis`. UTF-8 with a BOM
// (Excel reads it as UTF-8) or Shift_JIS (cp932, for older Excel); CRLF line ends; every field
// quoted when it holds a comma, quote or line break, and a leading = + - @ is prefixed with ' so a
// spreadsheet never runs a cell as a formula (numbers are written as plain digits, not text). The file
// name is Japanese: Content-Disposition carries an ASCII fallback and the UTF-8 name (RFC 5987/6266).
import iconv from 'iconv-lite';
import { validationError } from '../../app/errors.js';

export type CsvEncoding = 'utf8bom' | 'sjis';
export type CsvCell = string | number;

export function csvEncodingOf(value: string | undefined): CsvEncoding {
  if (value === undefined || value === '' || value === 'utf8bom') return 'utf8bom';
  if (value === 'sjis') return 'sjis';
  throw validationError([
    {
      path: 'encoding',
      code: 'csv_encoding_invalid',
      message: '文字コードは utf8bom(UTF-8 BOM付き)または sjis(Shift_JIS)で指定してください。',
    },
  ]);
}

function field(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function csvBytes(rows: readonly (readonly CsvCell[])[], encoding: CsvEncoding): Uint8Array {
  const text = csvText(rows);
  return encoding === 'sjis'
    ? new Uint8Array(iconv.encode(text, 'cp932'))
    : new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));
}

/** attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded name> */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export function csvResponse(
  rows: readonly (readonly CsvCell[])[],
  encoding: CsvEncoding,
  fileName: string,
  asciiFallback: string,
): Response {
  return new Response(csvBytes(rows, encoding), {
    headers: {
      'Content-Type': `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'UTF-8'}`,
      'Content-Disposition': contentDisposition(fileName, asciiFallback),
      'Cache-Control': 'no-store',
    },
  });
}
