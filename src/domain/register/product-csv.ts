// 商品マスター CSV (issue 13 §1): one header row, then one product per row. The columns are named in
// Japanese as Excel users see them; import accepts the English names too. Pure: records in,
// products or field errors out (decoding bytes and parsing CSV text happen in app/).
import { taxCategories, type TaxCategory } from '../ledger/types.js';
import {
  productErrors,
  type Product,
  type ProductFieldError,
  type ProductInput,
} from './product.js';

export const productCsvColumns = [
  ['code', '商品コード'],
  ['name', '商品名'],
  ['priceYen', '価格'],
  ['priceMode', '税込/税抜'],
  ['taxCategory', '税区分'],
  ['category', 'カテゴリ'],
  ['sortOrder', '並び順'],
  ['active', '有効'],
] as const;

type Column = (typeof productCsvColumns)[number][0];

const taxLabels: Record<TaxCategory, string> = {
  standard10: '10%',
  reduced8: '8%',
  exempt: '非課税',
  nonSales: '売上外',
};

function taxCategoryOf(text: string): TaxCategory | null {
  const value = text.normalize('NFKC').trim();
  for (const category of taxCategories)
    if (value === category || value === taxLabels[category]) return category;
  if (value === '8%軽減' || value === '8%(軽減)' || value === '軽減') return 'reduced8';
  return null;
}

/** The exported rows (header first), as Excel expects them. */
export function productsToCsvRows(products: readonly Product[]): string[][] {
  return [
    productCsvColumns.map(([, label]) => label),
    ...products.map((p) => [
      p.code,
      p.name,
      String(p.priceYen),
      p.priceMode === 'inclusive' ? '税込' : '税抜',
      taxLabels[p.taxCategory],
      p.category,
      String(p.sortOrder),
      p.active ? '1' : '0',
    ]),
  ];
}

export type CsvImport =
  { ok: true; products: ProductInput[] } | { ok: false; errors: ProductFieldError[] };

function columnIndex(header: readonly string[]): Map<Column, number> | ProductFieldError {
  const index = new Map<Column, number>();
  const cells = header.map((cell) => cell.normalize('NFKC').trim());
  for (const [key, label] of productCsvColumns) {
    const at = cells.findIndex((cell) => cell === label.normalize('NFKC') || cell === key);
    if (at >= 0) index.set(key, at);
  }
  for (const required of ['code', 'name', 'priceYen', 'taxCategory'] as const)
    if (!index.has(required))
      return {
        path: 'header',
        message: `見出し行に「${productCsvColumns.find(([k]) => k === required)?.[1]}」の列がありません。`,
      };
  return index;
}

function rowToInput(
  row: readonly string[],
  index: Map<Column, number>,
): ProductInput & { tax: string } {
  const cell = (key: Column, fallback = ''): string => {
    const at = index.get(key);
    return at === undefined ? fallback : (row[at] ?? fallback).trim();
  };
  const price = cell('priceYen')
    .normalize('NFKC')
    .replace(/[,¥￥円]/g, '');
  const mode = cell('priceMode', '税込');
  const active = cell('active', '1').normalize('NFKC');
  return {
    code: cell('code').normalize('NFKC'),
    name: cell('name'),
    priceYen: /^\d+$/.test(price) ? Number(price) : Number.NaN,
    priceMode: mode === '税抜' || mode === 'exclusive' ? 'exclusive' : 'inclusive',
    taxCategory: taxCategoryOf(cell('taxCategory')) ?? ('' as TaxCategory),
    tax: cell('taxCategory'),
    category: cell('category'),
    sortOrder: Number(cell('sortOrder', '0').normalize('NFKC') || '0'),
    active: !['0', 'false', '無効', 'いいえ'].includes(active),
  };
}

/** Rows (header first) → products, or every wrong cell named `2行目.price` style. */
export function productsFromCsvRows(rows: readonly (readonly string[])[]): CsvImport {
  const [header, ...body] = rows;
  if (header === undefined)
    return { ok: false, errors: [{ path: 'file', message: 'CSVが空です。' }] };
  const index = columnIndex(header);
  if (!(index instanceof Map)) return { ok: false, errors: [index] };
  const errors: ProductFieldError[] = [];
  const products: ProductInput[] = [];
  const seen = new Set<string>();
  body.forEach((row, at) => {
    if (row.every((cell) => cell.trim() === '')) return;
    const { tax: _tax, ...input } = rowToInput(row, index);
    const prefix = `${at + 2}行目.`;
    errors.push(...productErrors(input, prefix));
    if (seen.has(input.code))
      errors.push({
        path: `${prefix}code`,
        message: `商品コード ${input.code} が重複しています。`,
      });
    seen.add(input.code);
    products.push(input);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, products };
}
