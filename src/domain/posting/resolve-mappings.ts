// Resolves the company's PostingSettings into PostingMappings for one store, from the freee
// masters the caller fetched (GET account_items, taxes/companies, items). Pure: what is missing is
// returned, not created. Missing 品目 are the caller's to create (POST /api/1/items) before it
// resolves again; a missing account item or tax code is a mapping error for the user to fix.
import type { PaymentMethod } from '../ledger/types.js';
import { PostingMappingError } from './errors.js';
import {
  accountRoles,
  itemNameFor,
  itemNameLengthMax,
  taxRoles,
  type AccountRole,
  type MethodPostingMapping,
  type PostingMappings,
  type PostingSettings,
  type TaxRole,
} from './mappings.js';

export interface PostingMasters {
  accountItems: readonly { id: number; name: string; available?: boolean }[];
  taxes: readonly { code: number; name: string; name_ja: string; available: boolean }[];
  items: readonly { id: number; name: string; available?: boolean }[];
}

export interface MissingMasters {
  accounts: { role: AccountRole; name: string }[];
  taxCodes: { role: TaxRole; name: string }[];
  /** 品目 to create, by payment method code. */
  items: { code: string; name: string }[];
}

export type ResolvedMappings =
  { kind: 'resolved'; mappings: PostingMappings } | { kind: 'missing'; missing: MissingMasters };

const normalized = (text: string): string => text.normalize('NFKC').trim();

function findByName<T extends { name: string; available?: boolean }>(
  rows: readonly T[],
  name: string,
): T | undefined {
  const wanted = normalized(name);
  return rows.find((row) => row.available !== false && normalized(row.name) === wanted);
}

function findTax(taxes: PostingMasters['taxes'], name: string): number | undefined {
  const wanted = normalized(name);
  return taxes.find(
    (tax) => tax.available && (normalized(tax.name_ja) === wanted || tax.name === name),
  )?.code;
}

function resolveMethods(
  settings: PostingSettings,
  methods: readonly PaymentMethod[],
  masters: PostingMasters,
  missing: MissingMasters,
) {
  const resolved: Record<string, MethodPostingMapping> = {};
  for (const method of methods) {
    const configured = settings.methods.find((each) => each.code === method.code);
    const itemName = itemNameFor(method, configured);
    if ([...itemName].length > itemNameLengthMax) {
      throw new PostingMappingError(
        `item name ${itemName} of method ${method.code} is longer than ${itemNameLengthMax} characters`,
        `支払い方法「${method.name}」の品目名「${itemName}」が${itemNameLengthMax}文字を超えています。品目名を短く設定してください。`,
      );
    }
    const item = findByName(masters.items, itemName);
    if (item === undefined) missing.items.push({ code: method.code, name: itemName });
    else
      resolved[method.code] = {
        itemId: item.id,
        partnerId: configured?.partnerId ?? null,
        schedule: configured?.schedule ?? null,
      };
  }
  return resolved;
}

/** PostingMappings of `storeCode`, or what is missing in freee. */
export function resolvePostingMappings(
  settings: PostingSettings,
  storeCode: string,
  paymentMethods: readonly PaymentMethod[],
  masters: PostingMasters,
): ResolvedMappings {
  const store = settings.stores.find((each) => each.storeCode === storeCode);
  if (store === undefined) {
    throw new PostingMappingError(
      `store ${storeCode} is not connected to freee`,
      `店舗 ${storeCode} はfreeeと連携されていません。`,
    );
  }
  const missing: MissingMasters = { accounts: [], taxCodes: [], items: [] };
  const accounts = {} as Record<AccountRole, number>;
  for (const role of accountRoles) {
    const found = findByName(masters.accountItems, settings.accountNames[role]);
    if (found === undefined) missing.accounts.push({ role, name: settings.accountNames[role] });
    else accounts[role] = found.id;
  }
  const taxCodes = {} as Record<TaxRole, number>;
  for (const role of taxRoles) {
    const found = findTax(masters.taxes, settings.taxCodeNames[role]);
    if (found === undefined) missing.taxCodes.push({ role, name: settings.taxCodeNames[role] });
    else taxCodes[role] = found;
  }
  const methods = resolveMethods(settings, paymentMethods, masters, missing);
  if (missing.accounts.length + missing.taxCodes.length + missing.items.length > 0)
    return { kind: 'missing', missing };
  return { kind: 'resolved', mappings: { store, accounts, taxCodes, methods } };
}
