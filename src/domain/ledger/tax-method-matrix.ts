// Spec §2 step 9: the tax-rate × method matrix A[m][c] ("理論値", what is posted to accounting),
// over the columns standard10, reduced8, exempt, nonSales with column totals S[c] and G[nonSales].
// Rows are the methods in order of first appearance. Every method with e[m] ≠ 0 except the last
// takes, from what is still unassigned (rest[c]), `allocate(e[m], rest, 'halfAwayFromZeroLastTakesRest')`:
// round_half_away_from_zero(e[m] × rest[c] / Σ rest) per category, the last non-zero category
// takes the remainder of e[m]. The last method with e[m] ≠ 0 takes all that is left. A method with
// e[m] = 0 gets a row of zeros and takes no turn. Row sums are e[m], column sums S[c], exactly.
//
// Mixed signs (decision, see docs/decisions/checkout-math.md). rest[c] may hold both signs (a
// return of one rate next to a sale of another). Σ rest always equals the e[m] of the methods still
// to come, which all share the sign of T (tender-rules.ts enforces that), so a method taking a turn
// has e[m] with the sign of Σ rest and |e[m]| ≤ |Σ rest|. `allocate` then lets only the categories
// with that sign take part: a method that is not last takes its e[m] from them, in proportion and
// never more than they hold, and the opposite-sign categories (the returns) are left to the last
// method. Rows and columns stay exact, and only the last row mixes signs.
// The one case no method can absorb is T = 0 with non-zero columns (e.g. an exchange: a ¥1,000 10%
// return against a ¥1,000 8% sale): every e[m] is 0, so the residual columns (summing to 0) go to
// the `residualCode` row (the cash method: the exchange happened at the drawer), appended if cash
// is not already a row. Its row sum stays 0 = e.
import { allocate } from '../money/allocate.js';
import { assertYen, zeroYen, type Yen } from '../money/yen.js';
import { zeroByTaxCategory, type ByTaxCategory } from './line-amounts.js';
import { taxCategories } from './types.js';

export interface MatrixRow {
  code: string;
  byTaxCategoryYen: ByTaxCategory;
}

export interface MatrixMethod {
  code: string;
  effectiveYen: Yen;
}

function toRecord(valuesYen: readonly Yen[]): ByTaxCategory {
  const [standard10 = zeroYen, reduced8 = zeroYen, exempt = zeroYen, nonSales = zeroYen] =
    valuesYen;
  return { standard10, reduced8, exempt, nonSales };
}

export function taxMethodMatrix(
  methods: readonly MatrixMethod[],
  columnsYen: ByTaxCategory,
  residualCode: string,
): MatrixRow[] {
  const rows: MatrixRow[] = methods.map((method) => ({
    code: method.code,
    byTaxCategoryYen: zeroByTaxCategory(),
  }));
  const restYen = taxCategories.map((category) => columnsYen[category]);
  const turns = methods.flatMap((method, index) => (method.effectiveYen !== 0 ? [index] : []));
  turns.forEach((rowIndex, turn) => {
    const row = rows[rowIndex];
    const method = methods[rowIndex];
    if (row === undefined || method === undefined) return;
    const isLastTurn = turn === turns.length - 1;
    const takenYen = isLastTurn
      ? [...restYen]
      : allocate(method.effectiveYen, restYen, 'halfAwayFromZeroLastTakesRest');
    row.byTaxCategoryYen = toRecord(takenYen);
    takenYen.forEach(
      (amountYen, column) => (restYen[column] = assertYen((restYen[column] ?? 0) - amountYen)),
    );
  });
  if (restYen.some((amountYen) => amountYen !== 0)) {
    let residualRow = rows.find((row) => row.code === residualCode);
    if (residualRow === undefined) {
      residualRow = { code: residualCode, byTaxCategoryYen: zeroByTaxCategory() };
      rows.push(residualRow);
    }
    residualRow.byTaxCategoryYen = toRecord(restYen);
  }
  return rows;
}
