// A batch of new checkout rows as the data of `COPY checkouts (…) FROM STDIN` (text format): one
// line per row, columns separated by tabs, `\N` for null (checkout-copy.ts sends it). The values
// are those the INSERT path writes (checkout-rows.ts, checkout-insert.ts): same columns, same
// figure values (checkout-figures-columns.ts `figureValues`).
import type { CheckoutWrite } from '../../app/ledger/model.js';
import { figureColumnList, figureValues, type FigureValue } from './checkout-figures-columns.js';

/** The document last: a row is one text, then the document's bytes as they are, then a newline. */
export const copyColumnList = `company_id, checkout_id, revision, store_id, register_id, business_date, status, completed_at, total_yen, redoes, content_hash, received_at, ${figureColumnList}, document`;
const newline = 0x0a;

const backslash = 0x5c;
const needsEscape = /[\\\t\n\r]/;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value in COPY's text format: backslash, tab, newline and CR escaped; null as `\N`. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return needsEscape.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => escapes[c] ?? c) : value;
}

/** The figure columns as COPY fields, each after a tab. */
function figureFields(values: readonly FigureValue[]): string {
  let out = '';
  for (const value of values)
    out += typeof value === 'number' ? `\t${value}` : `\t${copyField(value)}`;
  return out;
}

/**
 * The document's UTF-8 with every backslash doubled. A document is JSON text, which holds no raw
 * tab, newline or CR (RFC 8259 §7: control characters inside strings are escaped, and canonical
 * JSON has no whitespace between tokens), so the backslash is the only byte COPY would read.
 */
function documentField(utf8: Uint8Array): Uint8Array {
  let count = 0;
  for (let at = utf8.indexOf(backslash); at !== -1; at = utf8.indexOf(backslash, at + 1))
    count += 1;
  if (count === 0) return utf8;
  const out = Buffer.allocUnsafe(utf8.length + count);
  let to = 0;
  for (const byte of utf8) {
    out[to++] = byte;
    if (byte === backslash) out[to++] = backslash;
  }
  return out;
}

/** The COPY data of `rows` (all of `copyColumnList`), as one buffer. */
export function checkoutCopyData(
  companyId: string,
  rows: readonly CheckoutWrite[],
  receivedAt: Date,
): Buffer {
  const received = receivedAt.toISOString();
  const texts = new Array<string>(rows.length);
  const documents = new Array<Uint8Array>(rows.length);
  let bound = 0;
  rows.forEach((r, row) => {
    const text =
      `${companyId}\t${copyField(r.checkoutId)}\t${r.revision}\t${r.storeId}\t${r.registerId}\t` +
      `${copyField(r.businessDate)}\t${r.status}\t${copyField(r.completedAt)}\t${r.totalYen}\t${copyField(r.redoes)}\t` +
      `${r.contentHash}\t${received}${figureFields(figureValues(r.figures ?? null))}\t`;
    const document = documentField(r.documentUtf8 ?? Buffer.from(r.documentJson, 'utf8'));
    texts[row] = text;
    documents[row] = document;
    // A UTF-16 code unit is at most 3 bytes of UTF-8; one byte for the newline.
    bound += 3 * text.length + document.length + 1;
  });
  const out = Buffer.allocUnsafe(bound);
  let used = 0;
  for (let row = 0; row < rows.length; row += 1) {
    used += out.write(texts[row] as string, used, 'utf8');
    const document = documents[row] as Uint8Array;
    out.set(document, used);
    used += document.length;
    out[used++] = newline;
  }
  return out.subarray(0, used);
}
