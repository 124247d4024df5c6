// 税率ごとの内訳 (spec §3 `byTaxRate`):
// - sales: per sales category, always all three in the order standard10, reduced8, exempt:
//   Σ S[c], Σ tax[c], Σ N[c] over the completed checkouts;
// - paymentMethods: per configured method, in the company's order, zero rows included:
//   Σ A[m][c] per category, nonSales column included.
import { assertYen, zeroYen } from '../money/yen.js';
import { zeroByTaxCategory } from '../ledger/line-amounts.js';
import type { PaymentMethodIndex } from '../ledger/payment-methods.js';
import { salesTaxCategories, taxCategories } from '../ledger/types.js';
import type { CompletedCheckout } from './day-checkout.js';
import type { TaxRatePaymentRow, TaxRateSalesRow } from './types.js';

export function taxRateSalesRows(completed: readonly CompletedCheckout[]): TaxRateSalesRow[] {
  return salesTaxCategories.map((taxCategory) => {
    const row: TaxRateSalesRow = {
      taxCategory,
      sales: zeroYen,
      tax: zeroYen,
      netSales: zeroYen,
    };
    for (const { math } of completed) {
      row.sales = assertYen(row.sales + math.totals.salesYen[taxCategory]);
      row.tax = assertYen(row.tax + math.totals.taxYen[taxCategory]);
      row.netSales = assertYen(row.netSales + math.totals.netYen[taxCategory]);
    }
    return row;
  });
}

export function taxRatePaymentRows(
  completed: readonly CompletedCheckout[],
  methods: PaymentMethodIndex,
): TaxRatePaymentRow[] {
  const rows = new Map<string, TaxRatePaymentRow>(
    methods.methods.map((method) => [
      method.code,
      { code: method.code, byTaxCategory: zeroByTaxCategory() },
    ]),
  );
  for (const { math } of completed) {
    for (const matrixRow of math.matrix) {
      const row = rows.get(matrixRow.code);
      if (row === undefined)
        throw new Error(`matrix row for unconfigured method ${matrixRow.code}`);
      for (const category of taxCategories) {
        row.byTaxCategory[category] = assertYen(
          row.byTaxCategory[category] + matrixRow.byTaxCategoryYen[category],
        );
      }
    }
  }
  return [...rows.values()];
}
