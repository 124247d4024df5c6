// What the register wing needs from storage: 商品マスター (with its history) and the company's 登録番号.
import type { Product, ProductInput } from '../../domain/register/product.js';

export interface ProductVersion {
  version: number;
  name: string;
  priceYen: number;
  priceMode: Product['priceMode'];
  taxCategory: Product['taxCategory'];
  category: string;
  active: boolean;
  changedAt: string;
}

export interface SaveProductsResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface RegisterStore {
  listProducts(companyId: string): Promise<Product[]>;
  /** Creates or updates each product by code in ONE transaction, a new version per change. */
  saveProducts(
    companyId: string,
    inputs: readonly ProductInput[],
    now: Date,
  ): Promise<SaveProductsResult>;
  productHistory(companyId: string, code: string): Promise<ProductVersion[] | null>;
  registrationNumber(companyId: string): Promise<string | null>;
  setRegistrationNumber(companyId: string, value: string | null, now: Date): Promise<void>;
}

export interface PairedRegister {
  storeCode: string;
  registerCode: string;
  /** Live (unrevoked) tokens of the register. */
  tokens: number;
  lastPairedAt: string;
}

export interface PairingStore {
  insertCode(
    input: {
      companyId: string;
      storeCode: string;
      registerCode: string;
      codeHash: string;
      expiresAt: Date;
    },
    now: Date,
  ): Promise<void>;
  /** Marks an unspent, unexpired code used and returns its register; null otherwise. */
  spendCode(
    codeHash: string,
    now: Date,
  ): Promise<{ companyId: string; storeCode: string; registerCode: string } | null>;
  pairedRegisters(companyId: string): Promise<PairedRegister[]>;
  /** Revokes every live token of the register; returns how many. */
  revokeRegister(companyId: string, registerId: string, now: Date): Promise<number>;
}

/** `receipt`: レシート; `formal`: 領収書 (宛名, 但し書き). */
export type ReceiptKind = 'receipt' | 'formal';
export type ReceiptIssueSource = 'register' | 'console';
export type ReceiptIssueStatus = 'printing' | 'printed' | 'failed';

export interface ReceiptIssueRecord {
  id: string;
  checkoutId: string;
  revision: number;
  kind: ReceiptKind;
  /** 1 for the first issue of this kind of this checkout, then 2, 3, … */
  count: number;
  /** An earlier issue of the same kind was printed: this one is 【再発行】. */
  reissue: boolean;
  addressee: string | null;
  note: string | null;
  source: ReceiptIssueSource;
  requestedBy: string;
  status: ReceiptIssueStatus;
  reason: string | null;
  printerAddress: string | null;
  createdAt: string;
}

export interface StoredCheckoutForReceipt {
  storeCode: string;
  revision: number;
  /** The latest revision as received (contract shape). */
  document: unknown;
}

export interface NewReceiptIssue {
  companyId: string;
  checkoutId: string;
  revision: number;
  kind: ReceiptKind;
  addressee: string | null;
  note: string | null;
  source: ReceiptIssueSource;
  requestedBy: string;
}

export interface ReceiptIssueStore {
  findCheckout(companyId: string, checkoutId: string): Promise<StoredCheckoutForReceipt | null>;
  /** In one transaction holding the checkout's row: the next count, and whether one was printed before. */
  recordIssue(issue: NewReceiptIssue, now: Date): Promise<ReceiptIssueRecord>;
  markIssue(
    id: string,
    outcome: { status: 'printed' | 'failed'; reason: string | null; printerAddress: string | null },
    now: Date,
  ): Promise<void>;
  listIssues(companyId: string, checkoutId: string, limit: number): Promise<ReceiptIssueRecord[]>;
}
