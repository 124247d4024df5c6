// The planned freee deals of a store-day. Field names are freee's request fields (dealCreateParams,
// API-NOTES §5) so the adapter sends a deal as it is; optional fields are omitted, never null.
import type { Yen } from '../money/yen.js';
import type { WalletableType } from './mappings.js';

export interface DealDetail {
  account_item_id: number;
  tax_code: number;
  /** 税込, in the deal's direction (a negative amount is a 控除・マイナス行). */
  amount: Yen;
  /** Omitted for tax codes without tax (非課売上, 対象外): freee rejects a vat there. */
  vat?: Yen;
  item_id: number;
  /** Omitted when the store has no 部門. */
  section_id?: number;
  description: string;
}

export interface DealPayment {
  amount: Yen;
  from_walletable_type: WalletableType;
  from_walletable_id: number;
  date: string;
}

export interface DealContent {
  company_id: number;
  issue_date: string;
  type: 'income' | 'expense';
  /** Unsettled deals only: the method's settlement partner. */
  partner_id?: number;
  /** Unsettled deals only: the method's due date (a banking day). */
  due_date?: string;
  ref_number: string;
  details: DealDetail[];
  /** Settled deals only (the cash deal); omitted when the deal is unsettled or its total is 0. */
  payments?: DealPayment[];
}

export interface PlannedEntry {
  /** Stable key of the entry within the store-day (entry-keys.ts), e.g. `method:credit`. */
  key: string;
  methodCode: string;
  deal: DealContent;
}

export interface PlannedPosting {
  companyId: number;
  storeCode: string;
  /** The store's part of its ref_numbers; absent: the store code. */
  refScope?: string;
  businessDate: string;
  /** In a fixed order: the company's payment methods in configured order, parts in order. */
  entries: PlannedEntry[];
}
