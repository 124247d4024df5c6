// The checkouts' figure columns (migration 0007, src/adapters/db/schema/ledger.ts): one list, the
// types a jsonb_to_recordset needs, and one row's fields as JSON text (the report's lazy pricing
// of older rows, report-source.ts), or a batch's columns as array literals for unnest (every
// insert and replace of a checkout, checkout-rows.ts); summed into the day aggregate, which the
// report reads (report-source.ts), by the ledger's insert (checkout-insert.ts) and by the update
// and delete triggers of migration 0008.
import type { StoredFigures } from '../../domain/report/day-sums.js';

const columns = [
  ['fig_key', 'text'],
  ['fig_total', 'bigint'],
  ['fig_completed_ms', 'bigint'],
  ['fig_completed_key', 'text'],
  ['fig_sales10', 'bigint'],
  ['fig_sales8', 'bigint'],
  ['fig_sales0', 'bigint'],
  ['fig_tax10', 'bigint'],
  ['fig_tax8', 'bigint'],
  ['fig_tax0', 'bigint'],
  ['fig_net10', 'bigint'],
  ['fig_net8', 'bigint'],
  ['fig_net0', 'bigint'],
  ['fig_non_sales', 'bigint'],
  ['fig_short', 'bigint'],
  ['fig_voucher_change', 'bigint'],
  ['fig_customers', 'bigint'],
  ['fig_items', 'bigint'],
  ['fig_line_discounts', 'bigint'],
  ['fig_line_discount_yen', 'bigint'],
  ['fig_return_lines', 'bigint'],
  ['fig_return_items', 'bigint'],
  ['fig_return_yen', 'bigint'],
  ['fig_order_discount', 'bigint'],
  ['fig_refund_payments', 'bigint'],
  ['fig_refund_yen', 'bigint'],
  ['fig_m1_pos', 'integer'],
  ['fig_m1_tenders', 'bigint'],
  ['fig_m1_yen', 'bigint'],
  ['fig_m2_pos', 'integer'],
  ['fig_m2_tenders', 'bigint'],
  ['fig_m2_yen', 'bigint'],
  ['fig_x1_pos', 'integer'],
  ['fig_x1_10', 'bigint'],
  ['fig_x1_8', 'bigint'],
  ['fig_x1_0', 'bigint'],
  ['fig_x1_non', 'bigint'],
  ['fig_x2_pos', 'integer'],
  ['fig_x2_10', 'bigint'],
  ['fig_x2_8', 'bigint'],
  ['fig_x2_0', 'bigint'],
  ['fig_x2_non', 'bigint'],
  ['fig_method_pos', 'integer[]'],
  ['fig_method_tenders', 'bigint[]'],
  ['fig_method_yen', 'bigint[]'],
  ['fig_matrix_pos', 'integer[]'],
  ['fig_matrix10', 'bigint[]'],
  ['fig_matrix8', 'bigint[]'],
  ['fig_matrix0', 'bigint[]'],
  ['fig_matrix_non', 'bigint[]'],
] as const;

const figureColumns: readonly string[] = columns.map(([name]) => name);
export const figureColumnTypes = columns.map(([name, type]) => `${name} ${type}`).join(', ');
export const figureColumnList = figureColumns.join(', ');
/** `fig_… = x.fig_…` for an update from a recordset `x` (the report's backfill). */
export const figureAssignments = figureColumns.map((c) => `${c} = x.${c}`).join(', ');

/** Added to completedAt's epoch ms before padding, so that any instant the ledger accepts is positive. */
const completedKeyOffsetMs = 4_000_000_000_000_000;

/**
 * The latest completedMs, ties the greater completedAt text (the engine's lastCheckoutAt), is the
 * greatest of these texts in "C" order: ms offset and zero-padded to 20 digits, then the text.
 */
function completedKeyOf(completedMs: number | null, completedAt: string | null): string | null {
  if (completedMs === null || completedAt === null) return null;
  return `${String(completedMs + completedKeyOffsetMs).padStart(20, '0')}|${completedAt}`;
}

/** `"fig_…":value,` for every figure column (nulls when not priced), ready to splice into an object:
 *  the values of `figureValues`, array columns as JSON arrays. */
export function figureFieldsJson(priced: Priced): string {
  if (priced === null) return '';
  const values = figureValues(priced);
  return columns
    .map(([name, type], column) => {
      const value = values[column] ?? null;
      const json =
        typeof value === 'string' && type.endsWith('[]')
          ? `[${value.slice(1, -1)}]`
          : JSON.stringify(value);
      return `"${name}":${json},`;
    })
    .join('');
}

type Completed = NonNullable<StoredFigures['completed']>;

// ---- Column-wise form (one PostgreSQL array literal per column) for `unnest` batch writes. ----

type Priced = { key: string; figures: StoredFigures } | null;

/** Text inside an array literal: double-quoted, backslash and quote escaped. */
export const textElement = (value: string | null): string =>
  value === null
    ? 'NULL'
    : value.includes('"') || value.includes('\\')
      ? `"${value.replace(/[\\"]/g, '\\$&')}"`
      : `"${value}"`;
/** An element of an array literal: a number as is, a text quoted, NULL for null. */
const elementOf = (value: FigureValue): string =>
  typeof value === 'number' ? String(value) : textElement(value);

/** The columns `completedValues` writes, in its order (checked against `columns` at load). */
const completedOrder = [
  'fig_key',
  'fig_total',
  'fig_completed_ms',
  'fig_completed_key',
  'fig_sales10',
  'fig_sales8',
  'fig_sales0',
  'fig_tax10',
  'fig_tax8',
  'fig_tax0',
  'fig_net10',
  'fig_net8',
  'fig_net0',
  'fig_non_sales',
  'fig_short',
  'fig_voucher_change',
  'fig_customers',
  'fig_items',
  'fig_line_discounts',
  'fig_line_discount_yen',
  'fig_return_lines',
  'fig_return_items',
  'fig_return_yen',
  'fig_order_discount',
  'fig_refund_payments',
  'fig_refund_yen',
  'fig_m1_pos',
  'fig_m1_tenders',
  'fig_m1_yen',
  'fig_m2_pos',
  'fig_m2_tenders',
  'fig_m2_yen',
  'fig_x1_pos',
  'fig_x1_10',
  'fig_x1_8',
  'fig_x1_0',
  'fig_x1_non',
  'fig_x2_pos',
  'fig_x2_10',
  'fig_x2_8',
  'fig_x2_0',
  'fig_x2_non',
  'fig_method_pos',
  'fig_method_tenders',
  'fig_method_yen',
  'fig_matrix_pos',
  'fig_matrix10',
  'fig_matrix8',
  'fig_matrix0',
  'fig_matrix_non',
] as const;
if (completedOrder.join() !== figureColumns.join())
  throw new Error('checkout-figures-columns: completedOrder differs from columns');

/** A figure column's value: a number, a text (fig_key, fig_completed_key, the `{…}` literal of an
 *  array column's rows from the third on), or null. */
export type FigureValue = string | number | null;

/** Rows from the third on as one array literal (cast per row to its array type), or null. */
const restLiteral = (values: readonly number[]): string | null =>
  values.length > 2 ? `{${values.slice(2).join(',')}}` : null;
const at = (values: readonly number[], index: number): number | null => values[index] ?? null;

/** Every column's value for a priced checkout with `completed` figures (figureFieldsJson's values). */
function completedValues(key: string, totalYen: number, c: Completed): FigureValue[] {
  const [pos, tenders, yen] = [c.methodPosition, c.methodTenderCount, c.methodTotalYen];
  const matrix = c.matrixPosition;
  const [y10, y8, y0, yNon] = c.matrixYen;
  return [
    key,
    totalYen,
    c.completedMs,
    completedKeyOf(c.completedMs, c.completedAt),
    c.salesYen[0],
    c.salesYen[1],
    c.salesYen[2],
    c.taxYen[0],
    c.taxYen[1],
    c.taxYen[2],
    c.netYen[0],
    c.netYen[1],
    c.netYen[2],
    c.nonSalesYen,
    c.shortYen,
    c.voucherChangeYen,
    c.customerCount,
    c.itemCount,
    c.lineDiscountCount,
    c.lineDiscountYen,
    c.returnLineCount,
    c.returnItemCount,
    c.returnAmountYen,
    c.orderDiscountYen,
    c.refundPaymentCount,
    c.refundYen,
    at(pos, 0),
    at(tenders, 0),
    at(yen, 0),
    at(pos, 1),
    at(tenders, 1),
    at(yen, 1),
    at(matrix, 0),
    at(y10, 0),
    at(y8, 0),
    at(y0, 0),
    at(yNon, 0),
    at(matrix, 1),
    at(y10, 1),
    at(y8, 1),
    at(y0, 1),
    at(yNon, 1),
    restLiteral(pos),
    restLiteral(tenders),
    restLiteral(yen),
    restLiteral(matrix),
    restLiteral(y10),
    restLiteral(y8),
    restLiteral(y0),
    restLiteral(yNon),
  ];
}

const keyColumn = figureColumns.indexOf('fig_key');
const totalColumn = figureColumns.indexOf('fig_total');
const allNull: readonly FigureValue[] = figureColumns.map(() => null);

/**
 * One row's figure columns in `figureColumnList` order (the values figureFieldsJson writes: all
 * null when not priced; only fig_key and fig_total when nothing is completed).
 */
export function figureValues(priced: Priced): readonly FigureValue[] {
  if (priced === null) return allNull;
  const c = priced.figures.completed;
  if (c !== null) return completedValues(priced.key, priced.figures.totalYen, c);
  const values = [...allNull];
  values[keyColumn] = priced.key;
  values[totalColumn] = priced.figures.totalYen;
  return values;
}

/**
 * The figure columns of a batch as one array literal each, in `figureColumnList` order (the values
 * figureFieldsJson writes: all NULL when not priced; only fig_key and fig_total when nothing is
 * completed). Array-valued columns travel as text[] of array literals: see `figureUnnest`.
 */
export function figureColumnArrays(rows: readonly Priced[]): string[] {
  const out: string[][] = columns.map(() => new Array<string>(rows.length));
  rows.forEach((priced, row) => {
    const values = figureValues(priced);
    for (let column = 0; column < columns.length; column += 1)
      (out[column] as string[])[row] = elementOf(values[column] ?? null);
  });
  return out.map((elements) => `{${elements.join(',')}}`);
}

export const figureColumnCount = columns.length;

/**
 * For a statement whose figure arrays are parameters `$first…`: the `unnest` arguments (scalars as
 * their own array type, array columns as text[]) and the select list taking them from recordset `x`.
 */
export function figureUnnest(first: number): {
  args: string;
  values: string;
  assignments: string;
} {
  const value = ([name, type]: (typeof columns)[number]) =>
    type.endsWith('[]') ? `x.${name}::${type}` : `x.${name}`;
  return {
    args: columns
      .map(([, type], i) => `$${first + i}::${type.endsWith('[]') ? 'text' : type}[]`)
      .join(', '),
    values: columns.map(value).join(', '),
    assignments: columns.map((column) => `${column[0]} = ${value(column)}`).join(', '),
  };
}
