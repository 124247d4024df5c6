// 商品マスター (issue 13 §1): a product as the register sells it. `price` is what the shop typed,
// 税込 (inclusive) or 税抜 (exclusive); the tax category is one of the checkout contract's
// (10% / 8% 軽減 / 非課税 / 売上外). `category` groups products into the register's tabs.
// Checking a product's fields is pure: it names each wrong field in Japanese.
import { taxCategories, type TaxCategory } from '../ledger/types.js';

export const priceModes = ['inclusive', 'exclusive'] as const;
export type ProductPriceMode = (typeof priceModes)[number];

export interface ProductInput {
  code: string;
  name: string;
  priceYen: number;
  priceMode: ProductPriceMode;
  taxCategory: TaxCategory;
  category: string;
  sortOrder: number;
  active: boolean;
}

export interface Product extends ProductInput {
  /** 1 at creation, +1 on each change (the history keeps every version). */
  version: number;
  updatedAt: string;
}

export interface ProductFieldError {
  path: string;
  message: string;
}

export const productPriceYenMax = 100_000_000;
export const productsPerCompanyMax = 10_000;
const codePattern = /^[0-9A-Za-z_.-]{1,32}$/;

export const taxCategoryLabels: Record<TaxCategory, string> = {
  standard10: '10%',
  reduced8: '8%(軽減)',
  exempt: '非課税',
  nonSales: '売上外',
};

export function productErrors(input: ProductInput, prefix = ''): ProductFieldError[] {
  const errors: ProductFieldError[] = [];
  const add = (field: string, message: string) =>
    errors.push({ path: `${prefix}${field}`, message });
  if (!codePattern.test(input.code))
    add('code', '商品コードは半角英数字・記号(_ . -)32文字以内で入力してください。');
  if (input.name.trim().length === 0 || input.name.length > 200)
    add('name', '商品名は1〜200文字で入力してください。');
  if (
    !Number.isSafeInteger(input.priceYen) ||
    input.priceYen < 0 ||
    input.priceYen > productPriceYenMax
  )
    add('priceYen', `価格は0〜${productPriceYenMax}円の整数で入力してください。`);
  if (!(priceModes as readonly string[]).includes(input.priceMode))
    add('priceMode', '税込・税抜のどちらかを選んでください。');
  if (!(taxCategories as readonly string[]).includes(input.taxCategory))
    add('taxCategory', '税区分は 10% / 8%(軽減) / 非課税 / 売上外 から選んでください。');
  if (input.category.length > 50) add('category', 'カテゴリは50文字以内で入力してください。');
  if (!Number.isSafeInteger(input.sortOrder) || input.sortOrder < 0 || input.sortOrder > 1_000_000)
    add('sortOrder', '並び順は0〜1000000の整数で入力してください。');
  return errors;
}

/** Whether saving `input` over `current` changes anything (no new version otherwise). */
export function productChanged(current: ProductInput, input: ProductInput): boolean {
  return (
    current.name !== input.name ||
    current.priceYen !== input.priceYen ||
    current.priceMode !== input.priceMode ||
    current.taxCategory !== input.taxCategory ||
    current.category !== input.category ||
    current.sortOrder !== input.sortOrder ||
    current.active !== input.active
  );
}
