// 税区分 seeded into every sandbox 事業所. Codes and system names as freee returns them from
// GET /api/1/taxes/companies/{id} (API-NOTES §9; names of 2/23/37/156/163 from a real company's dump).
export interface TaxSeed {
  code: number;
  name: string;
  nameJa: string;
  displayCategory: 'tax_10' | 'tax_r8' | 'tax_8' | null;
  available: boolean;
  ratePercent: number;
}

export const taxSeeds: readonly TaxSeed[] = [
  {
    code: 2,
    name: 'non_taxable',
    nameJa: '対象外',
    displayCategory: null,
    available: true,
    ratePercent: 0,
  },
  {
    code: 21,
    name: 'sales_with_tax',
    nameJa: '課税売上',
    displayCategory: null,
    available: false,
    ratePercent: 10,
  },
  {
    code: 23,
    name: 'sales_with_no_tax',
    nameJa: '非課売上',
    displayCategory: null,
    available: true,
    ratePercent: 0,
  },
  {
    code: 37,
    name: 'purchase_no_tax',
    nameJa: '非課仕入',
    displayCategory: null,
    available: true,
    ratePercent: 0,
  },
  {
    code: 129,
    name: 'sales_with_tax_10',
    nameJa: '課税売上10%',
    displayCategory: 'tax_10',
    available: true,
    ratePercent: 10,
  },
  {
    code: 136,
    name: 'purchase_with_tax_10',
    nameJa: '課対仕入10%',
    displayCategory: 'tax_10',
    available: true,
    ratePercent: 10,
  },
  {
    code: 143,
    name: 'return_of_sales_with_tax_10',
    nameJa: '課税売返10%',
    displayCategory: 'tax_10',
    available: true,
    ratePercent: 10,
  },
  {
    code: 156,
    name: 'sales_with_tax_reduced_8',
    nameJa: '課税売上8%（軽）',
    displayCategory: 'tax_r8',
    available: true,
    ratePercent: 8,
  },
  {
    code: 163,
    name: 'purchase_with_tax_reduced_8',
    nameJa: '課対仕入8%（軽）',
    displayCategory: 'tax_r8',
    available: true,
    ratePercent: 8,
  },
];

/** 対象外: the only code allowed on 現金・預金 lines (API-NOTES §5, dev:/news/5930). */
export const taxCodeNonTaxable = 2;
/** 10% and 軽減8% codes exist from this date on (API-NOTES §4). */
export const newRatesFrom = '2019-10-01';
