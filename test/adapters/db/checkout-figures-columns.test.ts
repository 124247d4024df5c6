// Goal: the column-wise figure arrays the ingest writes (figureColumnArrays, one array literal per
// column for unnest) carry, row by row, exactly the values of the row-wise JSON (figureFieldsJson)
// the report's backfill writes: the same columns, NULL where it has null or nothing.
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
