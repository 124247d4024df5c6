// A batch of checkout rows as parameters of ONE statement (ledger-store.ts): a PostgreSQL array
// literal per column, the documents as one JSON array, zipped back into rows by ROWS FROM (unnest).
import type { CheckoutWrite } from '../../app/ledger/model.js';
import * as figureSql from './checkout-figures-columns.js';
import { textElement } from './checkout-figures-columns.js';

const baseColumns = [
  ['checkout_id', 'text'],
  ['revision', 'bigint'],
  ['store_id', 'uuid'],
  ['register_id', 'uuid'],
  ['business_date', 'date'],
  ['status', 'text'],
  ['completed_at', 'timestamptz'],
  ['total_yen', 'bigint'],
  ['redoes', 'text'],
  ['content_hash', 'text'],
] as const;
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
  // One array per column of `baseColumns`, in its order.
  const base = baseColumns.map(() => new Array<string>(rows.length));
  const documents: Uint8Array[] = [openBracket];
  rows.forEach((r, row) => {
    const values = [
      textElement(r.checkoutId),
      String(r.revision),
      r.storeId,
      r.registerId,
      textElement(r.businessDate),
      r.status, // one of the statuses: nothing to quote
      textElement(r.completedAt),
      String(r.totalYen),
      textElement(r.redoes),
      r.contentHash, // hex
    ];
    values.forEach((value, column) => ((base[column] as string[])[row] = value));
    if (documents.length > 1) documents.push(comma);
    documents.push(r.documentUtf8 ?? Buffer.from(r.documentJson, 'utf8'));
  });
  const literal = (elements: string[]) => `{${elements.join(',')}}`;
  const figureFirst = first + base.length;
  const figures = figureSql.figureUnnest(figureFirst);
  const documentsAt = figureFirst + figureSql.figureColumnCount;
  const params = [
    ...base.map(literal),
    ...figureSql.figureColumnArrays(rows.map((r) => r.figures ?? null)),
    Buffer.concat([...documents, closeBracket]),
  ];
  // The documents as json elements (split by the json lexer), each then made jsonb on its own: a
  // jsonb of the whole array costs several times more (built as one value, then copied out).
  const columns = baseColumns.map(([name]) => name).join(', ');
  const from = `(select y.*, y.document_json::jsonb as document
      from rows from (unnest(${baseColumns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ')}, ${figures.args}),
        json_array_elements(convert_from($${documentsAt}::bytea, 'UTF8')::json))
        as y(${columns}, ${figureSql.figureColumnList}, document_json)) as x`;
  return { params, from, figures };
}
