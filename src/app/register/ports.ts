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
