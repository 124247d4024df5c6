// 商品マスター use cases (issue 13 §1): list, save one or many (CSV import) by code, history, and
// the CSV export. Bad input: every wrong field named in Japanese, nothing written.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { validationError } from '../errors.js';
import type { Clock } from '../clock.js';
import {
  productErrors,
  productsPerCompanyMax,
  type Product,
  type ProductInput,
} from '../../domain/register/product.js';
import { productsFromCsvRows, productsToCsvRows } from '../../domain/register/product-csv.js';
import type { ProductVersion, RegisterStore, SaveProductsResult } from './ports.js';

export interface RegisterDeps {
  store: RegisterStore;
  clock: Clock;
}

export const productCsvBytesMax = 5 * 1024 * 1024;
export const productCsvEncodings = ['utf8', 'shift_jis'] as const;
export type ProductCsvEncoding = (typeof productCsvEncodings)[number];

export function listProducts(deps: RegisterDeps, companyId: string): Promise<Product[]> {
  return deps.store.listProducts(companyId);
}

export async function saveProducts(
  deps: RegisterDeps,
  companyId: string,
  inputs: readonly ProductInput[],
): Promise<SaveProductsResult> {
  if (inputs.length > productsPerCompanyMax)
    throw validationError([
      { path: 'products', message: `商品は${productsPerCompanyMax}件までです。` },
    ]);
  const errors = inputs.flatMap((input, index) =>
    productErrors(input, inputs.length === 1 ? '' : `products[${index}].`),
  );
  if (errors.length > 0) throw validationError(errors);
  return deps.store.saveProducts(companyId, inputs, deps.clock.now());
}

export async function productHistory(
  deps: RegisterDeps,
  companyId: string,
  code: string,
): Promise<ProductVersion[] | null> {
  return deps.store.productHistory(companyId, code);
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Shift_JIS (Excel's CSV). */
export function decodeCsv(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.subarray(3).toString('utf8');
  const utf8 = buffer.toString('utf8');
  return utf8.includes('\uFFFD') ? iconv.decode(buffer, 'cp932') : utf8;
}

export async function importProductsCsv(
  deps: RegisterDeps,
  companyId: string,
  bytes: Uint8Array,
): Promise<SaveProductsResult> {
  if (bytes.length > productCsvBytesMax)
    throw validationError([{ path: 'file', message: 'CSVファイルは5MBまでです。' }]);
  let rows: string[][];
  try {
    rows = parse(decodeCsv(bytes), { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw validationError([
      { path: 'file', message: `CSVとして読めません: ${(error as Error).message}` },
    ]);
  }
  const parsed = productsFromCsvRows(rows);
  if (!parsed.ok) throw validationError(parsed.errors.slice(0, 100), 'CSVに誤りがあります。');
  return saveProducts(deps, companyId, parsed.products);
}

const csvCell = (cell: string): string =>
  /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** CSV for Excel: CRLF; UTF-8 with a BOM, or Shift_JIS (cp932). */
export async function exportProductsCsv(
  deps: RegisterDeps,
  companyId: string,
  encoding: ProductCsvEncoding,
): Promise<Buffer> {
  const rows = productsToCsvRows(await deps.store.listProducts(companyId));
  const text = `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
  return encoding === 'utf8'
    ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
    : iconv.encode(text, 'cp932');
}
