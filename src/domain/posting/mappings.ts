// The company's posting mappings (posting.md "Mappings the company configures"), in two forms:
// - PostingSettings: what the company configures, by NAME where freee resolves names at run time
//   (account items, tax codes, items) and by id where the user picks from freee's lists
//   (company, 部門, cash 口座, partners). Defaults below.
// - PostingMappings: the same for one store, every name resolved to a freee id by the caller
//   (resolve-mappings.ts does it from the masters). buildDayPosting takes this form.
import type { SettlementSchedule } from './settlement-schedule.js';

/** Account items by role. */
export const accountRoles = [
  'sales', // 売上高: every sales line (per tax code)
  'receivable', // 売掛金 / 未収入金: the accrual of unsettled income deals. freee takes it from the sales
  //               account's 対応科目 (corresponding_income); kept to show and check, never sent.
  'nonSales', // 前受金: 売上外 (nonSales) money in, 対象外
  'cashOver', // 雑収入: cash over at the close (or 現金過不足)
  'cashShort', // 雑損失: cash short at the close (or 現金過不足)
  'voucherShortfall', // 雑収入: 金券等差額 kept by the shop, 対象外
  'voucherChange', // 仮受金: clearing account of 金券等釣り; nets to zero over the store-day
  'drawerIn', // レジ入金: where money put into the drawer came from (仮受金, or the account item of a 口座)
  'drawerOut', // レジ出金: where money taken out went (仮払金, or the account item of a 口座)
] as const;
export type AccountRole = (typeof accountRoles)[number];

export const defaultAccountNames: Readonly<Record<AccountRole, string>> = {
  sales: '売上高',
  receivable: '売掛金',
  nonSales: '前受金',
  cashOver: '雑収入',
  cashShort: '雑損失',
  voucherShortfall: '雑収入',
  voucherChange: '仮受金',
  drawerIn: '仮受金',
  drawerOut: '仮払金',
};

/** Tax codes by role: one per sales tax category, and 対象外 for everything that is not a sale. */
export const taxRoles = ['standard10', 'reduced8', 'exempt', 'outOfScope'] as const;
export type TaxRole = (typeof taxRoles)[number];

/** Matched against `name_ja` (NFKC, so （軽） = (軽)) or `name` of GET /api/1/taxes/companies. */
export const defaultTaxCodeNames: Readonly<Record<TaxRole, string>> = {
  standard10: '課税売上10%',
  reduced8: '課税売上8%（軽）',
  exempt: '非課売上',
  outOfScope: '対象外',
};

export type WalletableType = 'bank_account' | 'credit_card' | 'wallet';

export interface WalletableRef {
  type: WalletableType;
  id: number;
}

export interface StorePostingMapping {
  storeCode: string;
  /** The store's part of its ref_numbers (entry-keys.ts refScopeOf); absent: the store code. */
  refScope?: string;
  /** The freee 事業所 the store is connected to. */
  companyId: number;
  /** The store's 部門, or null when the company does not split by store. */
  sectionId: number | null;
  /** The cash 口座 the drawer's cash sales are settled into (usually the 現金 wallet). */
  cashWalletable: WalletableRef;
}

export interface MethodPostingSettings {
  /** PaymentMethod.code */
  code: string;
  /** 品目 name; default `【POS Reg】` + the method's name (itemNameFor). */
  itemName?: string;
  /** 取引先 of the receivable (card acquirer, voucher issuer…); null only for the cash method. */
  partnerId: number | null;
  /** When the money arrives; null only for the cash method. */
  schedule: SettlementSchedule | null;
}

export interface PostingSettings {
  accountNames: Record<AccountRole, string>;
  taxCodeNames: Record<TaxRole, string>;
  methods: readonly MethodPostingSettings[];
  stores: readonly StorePostingMapping[];
}

export interface MethodPostingMapping {
  itemId: number;
  partnerId: number | null;
  schedule: SettlementSchedule | null;
}

/** Everything buildDayPosting needs for one store, as freee ids. */
export interface PostingMappings {
  store: StorePostingMapping;
  accounts: Record<AccountRole, number>;
  taxCodes: Record<TaxRole, number>;
  /** By PaymentMethod.code. */
  methods: Readonly<Record<string, MethodPostingMapping>>;
}

export const posRegItemPrefix = '【POS Reg】';
/** freee 品目 names are at most 30 characters (API-NOTES §6). */
export const itemNameLengthMax = 30;

/** `【POS Reg】` + the method's name, or the configured override. */
export function itemNameFor(
  method: { name: string },
  settings?: Pick<MethodPostingSettings, 'itemName'>,
): string {
  return settings?.itemName ?? `${posRegItemPrefix}${method.name}`;
}
