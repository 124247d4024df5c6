// The tenancy records as use cases see them.
import type { PaymentMethod } from '../../domain/ledger/types.js';
import type { RoundingMode } from '../../domain/money/rounding-mode.js';
import type { ReportSettings } from '../../domain/report/types.js';

export type StaffRole = 'admin' | 'manager' | 'staff';
export const staffRoles: readonly StaffRole[] = ['admin', 'manager', 'staff'];

export interface Company {
  id: string;
  code: string;
  name: string;
  roundingMode: RoundingMode;
}

export interface PrinterSetting {
  kind: 'escpos' | 'starprnt';
  host: string;
  port: number;
}

export interface Store {
  id: string;
  companyId: string;
  code: string;
  name: string;
  timeZone: string;
  reportSettings: ReportSettings | null;
  printer: PrinterSetting | null;
  registers: string[];
}

export interface CompanyPaymentMethod extends PaymentMethod {
  id: string;
  sortOrder: number;
}

export interface StaffMember {
  id: string;
  companyId: string;
  code: string;
  name: string;
  role: StaffRole;
  active: boolean;
}

export interface StaffWithHash extends StaffMember {
  passwordHash: string;
}
