// Goal: the column-wise figure arrays the INSERT path writes (figureColumnArrays, one array literal
// per column for unnest) carry, row by row, exactly the values of the row-wise JSON
// (figureFieldsJson) the report's backfill writes: the same columns, NULL where it has null or
// nothing; and those values are the checkout's figures in their columns (methods and matrix rows
// 1–2 in their own columns, the rest in the array columns; the COPY text is checked against the
// INSERT in checkout-copy.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  figureColumnArrays,
  figureColumnList,
  figureFieldsJson,
} from '../../../src/adapters/db/checkout-figures-columns.js';
import type { StoredFigures } from '../../../src/domain/report/day-sums.js';
import { completedFigures } from '../../support/domain/stored-figures.js';

/** Elements of an array literal as written there: NULL → null, "…" unescaped, bare as text. */
function elementsOf(literal: string): (string | null)[] {
  assert.ok(literal.startsWith('{') && literal.endsWith('}'), literal);
  const out: (string | null)[] = [];
  const body = literal.slice(1, -1);
  let at = 0;
  while (at < body.length) {
    if (body[at] === '"') {
      let text = '';
      at += 1;
      while (body[at] !== '"') {
        if (body[at] === '\\') at += 1;
        text += body[at];
        at += 1;
      }
      out.push(text);
      at += 2; // closing quote and comma
    } else {
      const end = body.indexOf(',', at) === -1 ? body.length : body.indexOf(',', at);
      const bare = body.slice(at, end);
      out.push(bare === 'NULL' ? null : bare);
      at = end + 1;
    }
  }
  return out;
}

/** A JSON value as the element text it must travel as (arrays as `{…}`). */
const asElement = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : Array.isArray(value)
      ? `{${value.join(',')}}`
      : String(value);

const completed = completedFigures;

test('figure columns: the array literals carry figureFieldsJson’s values row by row', () => {
  const key = 'floor|4:cash:cash:1,6:"quoted"\\back:card:0';
  const rows: ({ key: string; figures: StoredFigures } | null)[] = [
    { key, figures: { totalYen: 1640, completed: completed(1, 1) } },
    { key, figures: { totalYen: 1640, completed: completed(4, 3) } },
    { key, figures: { totalYen: 1640, completed: completed(2, 2) } },
    { key, figures: { totalYen: 99, completed: null } },
    null,
    {
      key,
      figures: {
        totalYen: 0,
        completed: { ...completed(0, 0)!, completedMs: null, completedAt: null },
      },
    },
  ];
  const columns = figureColumnList.split(', ');
  const arrays = figureColumnArrays(rows).map(elementsOf);
  assert.equal(arrays.length, columns.length);
  rows.forEach((priced, row) => {
    const json = JSON.parse(`{${figureFieldsJson(priced)}"x":0}`) as Record<string, unknown>;
    columns.forEach((column, c) => {
      assert.equal(arrays[c]?.[row], asElement(json[column]), `row ${row} ${column}`);
    });
  });
});

test('figure columns: each figure in its column', () => {
  const key = 'round|k';
  const c = completed(4, 3);
  assert.ok(c);
  const json = JSON.parse(
    `{${figureFieldsJson({ key, figures: { totalYen: 1640, completed: c } })}"x":0}`,
  ) as Record<string, unknown>;
  assert.deepEqual(
    {
      key: json.fig_key,
      total: json.fig_total,
      ms: json.fig_completed_ms,
      sales8: json.fig_sales8,
      returnYen: json.fig_return_yen,
      m1: [json.fig_m1_pos, json.fig_m1_tenders, json.fig_m1_yen],
      m2: [json.fig_m2_pos, json.fig_m2_tenders, json.fig_m2_yen],
      methodRest: [json.fig_method_pos, json.fig_method_tenders, json.fig_method_yen],
      x2: [json.fig_x2_pos, json.fig_x2_10, json.fig_x2_8, json.fig_x2_0, json.fig_x2_non],
      matrixRest: [json.fig_matrix_pos, json.fig_matrix10, json.fig_matrix_non],
    },
    {
      key,
      total: 1640,
      ms: c.completedMs,
      sales8: c.salesYen[1],
      returnYen: c.returnAmountYen,
      m1: [c.methodPosition[0], c.methodTenderCount[0], c.methodTotalYen[0]],
      m2: [c.methodPosition[1], c.methodTenderCount[1], c.methodTotalYen[1]],
      methodRest: [
        c.methodPosition.slice(2),
        c.methodTenderCount.slice(2),
        c.methodTotalYen.slice(2),
      ],
      x2: [c.matrixPosition[1], ...c.matrixYen.map((yens) => yens[1])],
      matrixRest: [c.matrixPosition.slice(2), c.matrixYen[0].slice(2), c.matrixYen[3].slice(2)],
    },
  );
  assert.match(String(json.fig_completed_key), /^\d{20}\|2025-01-10T03:39:45Z$/);
  assert.equal(figureFieldsJson(null), '');
  const uncompleted = JSON.parse(
    `{${figureFieldsJson({ key, figures: { totalYen: 99, completed: null } })}"x":0}`,
  ) as Record<string, unknown>;
  const notNull = Object.entries(uncompleted).filter(([, value]) => value !== null);
  assert.deepEqual(notNull, [
    ['fig_key', key],
    ['fig_total', 99],
    ['x', 0],
  ]);
});
