// Read models of tenancy: companies, stores, payment methods, staff (no password hashes).
import type { TenancyStore } from './ports.js';

export type TenancyQueries = Pick<
  TenancyStore,
  | 'findCompanyByCode'
  | 'findCompanyById'
  | 'listStores'
  | 'findStore'
  | 'listPaymentMethods'
  | 'listStaff'
>;

export function tenancyQueries(read: TenancyStore): TenancyQueries {
  return Object.freeze({
    findCompanyByCode: (code: string) => read.findCompanyByCode(code),
    findCompanyById: (id: string) => read.findCompanyById(id),
    listStores: (companyId: string) => read.listStores(companyId),
    findStore: (companyId: string, code: string) => read.findStore(companyId, code),
    listPaymentMethods: (companyId: string) => read.listPaymentMethods(companyId),
    listStaff: (companyId: string) => read.listStaff(companyId),
  });
}
