// What tenancy use cases need from storage. Implemented by src/adapters/db/tenancy-store.ts.
import type { PaymentMethod } from '../../domain/ledger/types.js';
import type { RoundingMode } from '../../domain/money/rounding-mode.js';
import type { ReportSettings } from '../../domain/report/types.js';
import type {
  Company,
  CompanyPaymentMethod,
  PrinterSetting,
  StaffMember,
  StaffRole,
  StaffWithHash,
  Store,
} from './model.js';

export interface StoreInput {
  code: string;
  name: string;
  timeZone: string;
  reportSettings?: ReportSettings | null;
  printer?: PrinterSetting | null;
  registers?: string[];
}

export interface StaffInput {
  code: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
}

export interface TenancyStore {
  findCompanyByCode(code: string): Promise<Company | null>;
  findCompanyById(id: string): Promise<Company | null>;
  listCompanies(): Promise<Company[]>;
  insertCompany(
    input: { code: string; name: string; roundingMode: RoundingMode },
    now: Date,
  ): Promise<Company>;
  updateCompany(
    id: string,
    input: { name: string; roundingMode: RoundingMode },
    now: Date,
  ): Promise<Company>;

  listStores(companyId: string): Promise<Store[]>;
  findStore(companyId: string, code: string): Promise<Store | null>;
  upsertStore(companyId: string, input: StoreInput, now: Date): Promise<Store>;

  listPaymentMethods(companyId: string): Promise<CompanyPaymentMethod[]>;
  upsertPaymentMethod(
    companyId: string,
    input: PaymentMethod & { sortOrder: number },
    now: Date,
  ): Promise<CompanyPaymentMethod>;

  listStaff(companyId: string): Promise<StaffMember[]>;
  findStaffWithHash(companyId: string, code: string): Promise<StaffWithHash | null>;
  findStaffById(id: string): Promise<StaffMember | null>;
  insertStaff(companyId: string, input: StaffInput, now: Date): Promise<StaffMember>;
  updateStaff(
    companyId: string,
    code: string,
    input: { name: string; role: StaffRole; active: boolean; passwordHash?: string },
    now: Date,
  ): Promise<StaffMember>;
  /** Active admins of the company, locked until the transaction ends. */
  lockActiveAdmins(companyId: string): Promise<string[]>;
  /** Ends the console sessions of a staff member, but the one with `keepTokenHash`. */
  endSessions(staffId: string, keepTokenHash: string | null): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Runs `work` in one database transaction with a store bound to it. No outside calls inside. */
export interface TenancyUnitOfWork {
  read: TenancyStore;
  transaction<T>(work: (store: TenancyStore) => Promise<T>): Promise<T>;
}
