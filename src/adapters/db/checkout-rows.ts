// A batch of checkout rows as parameters of ONE statement (ledger-store.ts): a PostgreSQL array
// literal per column, the documents as one JSON array, zipped back into rows by ROWS FROM (unnest).
import type { CheckoutWrite } from '../../app/ledger/model.js';
import * as figureSql from './checkout-figures-columns.js';
import { textElement } from './checkout-figures-columns.js';

const openBracket = Buffer.from('[');
const comma = Buffer.from(',');
const closeBracket = Buffer.from(']');

/**
 * A batch of checkout rows as statement parameters from `$first` on: one array literal per column
 * (built here as text: no per-element work in the driver) and the documents as one JSON array of
 * their canonical UTF-8 spliced in as is, sent as bytes (no second encoding, no UTF-8 length
 * pass over a large string in the driver). `from` zips them back into rows `x` (ROWS FROM: the
 * n-th element of every array is row n), so a batch is one statement however many rows it has.
 */
export function checkoutRows(
  rows: readonly CheckoutWrite[],
  first: number,
): {
  params: (string | Buffer)[];
  from: string;
  figures: ReturnType<typeof figureSql.figureUnnest>;
} {
  const ids: string[] = [];
  const revisions: string[] = [];
  const stores: string[] = [];
  const registers: string[] = [];
  const dates: string[] = [];
  const statuses: string[] = [];
  const completed: string[] = [];
  const totals: string[] = [];
  const redoes: string[] = [];
  const hashes: string[] = [];
  const documents: Uint8Array[] = [openBracket];
  for (const r of rows) {
    ids.push(textElement(r.checkoutId));
    revisions.push(String(r.revision));
    stores.push(r.storeId);
    registers.push(r.registerId);
    dates.push(textElement(r.businessDate));
    statuses.push(r.status); // one of the statuses: nothing to quote
    completed.push(textElement(r.completedAt));
    totals.push(String(r.totalYen));
    redoes.push(textElement(r.redoes));
    hashes.push(r.contentHash); // hex
    const document = r.documentUtf8 ?? Buffer.from(r.documentJson, 'utf8');
    if (documents.length > 1) documents.push(comma);
    documents.push(document);
  }
  const literal = (elements: string[]) => `{${elements.join(',')}}`;
  const base = [
    ids,
    revisions,
    stores,
    registers,
    dates,
    statuses,
    completed,
    totals,
    redoes,
    hashes,
  ];
  const baseTypes = [
    'text',
    'bigint',
    'uuid',
    'uuid',
    'date',
    'text',
    'timestamptz',
    'bigint',
    'text',
    'text',
  ];
  const figureFirst = first + base.length;
  const figures = figureSql.figureUnnest(figureFirst);
  const documentsAt = figureFirst + figureSql.figureColumnCount;
  const params = [
    ...base.map(literal),
    ...figureSql.figureColumnArrays(rows.map((r) => r.figures ?? null)),
    Buffer.concat([...documents, closeBracket]),
  ];
  const from = `rows from (unnest(${baseTypes.map((type, i) => `$${first + i}::${type}[]`).join(', ')}, ${figures.args}),
    jsonb_array_elements(convert_from($${documentsAt}::bytea, 'UTF8')::jsonb))
    as x(checkout_id, revision, store_id, register_id, business_date, status, completed_at, total_yen, redoes, content_hash, ${figureSql.figureColumnList}, document)`;
  return { params, from, figures };
}
