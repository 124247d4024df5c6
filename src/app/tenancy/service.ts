// Tenancy use cases: company, stores, payment methods and staff. Every write validates first and
// writes nothing when any field is wrong.
import type { PaymentMethod } from '../../domain/ledger/types.js';
import type { RoundingMode } from '../../domain/money/rounding-mode.js';
import type { Clock } from '../clock.js';
import { hashSecret } from '../auth/tokens.js';
import { conflict, notFound, validationError, type FieldError } from '../errors.js';
import { allowedPrinterAddress, type PrinterNetworkDeps } from '../network/printer-network.js';
import type { Company, CompanyPaymentMethod, StaffMember, StaffRole, Store } from './model.js';
import type { PasswordHasher, StoreInput, TenancyUnitOfWork } from './ports.js';
import {
  checkCashCount,
  checkCode,
  checkName,
  checkPassword,
  checkPaymentMethod,
  checkRole,
  checkRoundingMode,
  checkTimeZone,
} from './validate.js';

export interface CompanyInput {
  code: string;
  name: string;
  roundingMode: RoundingMode;
  paymentMethods: PaymentMethod[];
  stores: StoreInput[];
  admin?: { code: string; name: string; password: string };
}

export interface TenancyDeps {
  uow: TenancyUnitOfWork;
  clock: Clock;
  hasher: PasswordHasher;
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw validationError(errors);
}

function checkStore(prefix: string, input: StoreInput, errors: FieldError[]): void {
  checkCode(`${prefix}code`, input.code, '店舗コード', errors);
  checkName(`${prefix}name`, input.name, '店舗名', errors);
  checkTimeZone(`${prefix}timeZone`, input.timeZone, errors);
  (input.registers ?? []).forEach((register, i) =>
    checkCode(`${prefix}registers[${i}]`, register, '端末コード', errors),
  );
}

export function checkCompanyInput(input: CompanyInput): FieldError[] {
  const errors: FieldError[] = [];
  checkCode('code', input.code, '企業コード', errors);
  checkName('name', input.name, '企業名', errors);
  checkRoundingMode('roundingMode', input.roundingMode, errors);
  input.paymentMethods.forEach((m, i) => checkPaymentMethod(`paymentMethods[${i}].`, m, errors));
  checkCashCount('paymentMethods', input.paymentMethods, errors);
  const codes = input.paymentMethods.map((m) => m.code);
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i)
      errors.push({
        path: `paymentMethods[${i}].code`,
        code: 'duplicate',
        message: '支払い方法コードが重複しています。',
      });
  });
  input.stores.forEach((s, i) => checkStore(`stores[${i}].`, s, errors));
  if (input.admin) {
    checkCode('admin.code', input.admin.code, '担当者コード', errors);
    checkName('admin.name', input.admin.name, '担当者名', errors);
    checkPassword('admin.password', input.admin.password, errors);
  }
  return errors;
}

/** Creates the company, or updates it (name, rounding, methods, stores) when the code exists. */
export async function saveCompany(
  deps: TenancyDeps,
  input: CompanyInput,
): Promise<{ company: Company; created: boolean }> {
  throwIfAny(checkCompanyInput(input));
  const adminHash = input.admin ? await deps.hasher.hash(input.admin.password) : null;
  const now = deps.clock.now();
  return deps.uow.transaction(async (store) => {
    const existing = await store.findCompanyByCode(input.code);
    const company = existing
      ? await store.updateCompany(
          existing.id,
          { name: input.name, roundingMode: input.roundingMode },
          now,
        )
      : await store.insertCompany(
          { code: input.code, name: input.name, roundingMode: input.roundingMode },
          now,
        );
    const current = await store.listPaymentMethods(company.id);
    const merged = mergeMethods(current, input.paymentMethods);
    throwIfAny(cashErrors(merged));
    for (const [i, method] of input.paymentMethods.entries())
      await store.upsertPaymentMethod(company.id, { ...method, sortOrder: i }, now);
    for (const storeInput of input.stores) await store.upsertStore(company.id, storeInput, now);
    if (
      input.admin &&
      adminHash &&
      !(await store.findStaffWithHash(company.id, input.admin.code))
    ) {
      await store.insertStaff(
        company.id,
        { code: input.admin.code, name: input.admin.name, role: 'admin', passwordHash: adminHash },
        now,
      );
    }
    return { company, created: !existing };
  });
}

function mergeMethods(
  current: readonly PaymentMethod[],
  incoming: readonly PaymentMethod[],
): PaymentMethod[] {
  const byCode = new Map(current.map((m) => [m.code, m]));
  for (const m of incoming) byCode.set(m.code, m);
  return [...byCode.values()];
}

function cashErrors(methods: readonly PaymentMethod[]): FieldError[] {
  const errors: FieldError[] = [];
  checkCashCount('paymentMethods', methods, errors);
  return errors;
}

export async function updateCompanySettings(
  deps: TenancyDeps,
  companyId: string,
  input: { name: string; roundingMode: RoundingMode },
): Promise<Company> {
  const errors: FieldError[] = [];
  checkName('name', input.name, '企業名', errors);
  checkRoundingMode('roundingMode', input.roundingMode, errors);
  throwIfAny(errors);
  return deps.uow.transaction((store) => store.updateCompany(companyId, input, deps.clock.now()));
}

/** saveStore also checks the printer's address against the company's network setting. */
export interface StoreDeps extends TenancyDeps {
  printerNetwork: PrinterNetworkDeps;
}

export async function saveStore(
  deps: StoreDeps,
  companyId: string,
  input: StoreInput,
): Promise<Store> {
  const errors: FieldError[] = [];
  checkStore('', input, errors);
  throwIfAny(errors);
  // Outside the transaction: a host name is resolved (issue #10 item 12).
  if (input.printer)
    await allowedPrinterAddress(deps.printerNetwork, companyId, input.printer.host, 'printer.host');
  return deps.uow.transaction((store) => store.upsertStore(companyId, input, deps.clock.now()));
}

export async function savePaymentMethod(
  deps: TenancyDeps,
  companyId: string,
  input: PaymentMethod & { sortOrder?: number },
): Promise<CompanyPaymentMethod> {
  const errors: FieldError[] = [];
  checkPaymentMethod('', input, errors);
  throwIfAny(errors);
  return deps.uow.transaction(async (store) => {
    const current = await store.listPaymentMethods(companyId);
    throwIfAny(cashErrors(mergeMethods(current, [input])));
    const sortOrder =
      input.sortOrder ?? current.find((m) => m.code === input.code)?.sortOrder ?? current.length;
    return store.upsertPaymentMethod(companyId, { ...input, sortOrder }, deps.clock.now());
  });
}

export async function createStaff(
  deps: TenancyDeps,
  companyId: string,
  input: { code: string; name: string; role: StaffRole; password: string },
): Promise<StaffMember> {
  const errors: FieldError[] = [];
  checkCode('code', input.code, '担当者コード', errors);
  checkName('name', input.name, '担当者名', errors);
  checkRole('role', input.role, errors);
  checkPassword('password', input.password, errors);
  throwIfAny(errors);
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.uow.transaction(async (store) => {
    if (await store.findStaffWithHash(companyId, input.code)) {
      throw conflict('staff_exists', 'その担当者コードは既に使われています。', [
        { path: 'code', message: 'その担当者コードは既に使われています。' },
      ]);
    }
    return store.insertStaff(
      companyId,
      { code: input.code, name: input.name, role: input.role, passwordHash },
      deps.clock.now(),
    );
  });
}

export async function updateStaff(
  deps: TenancyDeps,
  companyId: string,
  code: string,
  input: { name: string; role: StaffRole; active: boolean; password?: string | undefined },
  /** The caller's own session token: a password change ends every other session of the staff. */
  keepSession?: string,
): Promise<StaffMember> {
  const errors: FieldError[] = [];
  checkName('name', input.name, '担当者名', errors);
  checkRole('role', input.role, errors);
  if (input.password) checkPassword('password', input.password, errors);
  throwIfAny(errors);
  const passwordHash = input.password ? await deps.hasher.hash(input.password) : undefined;
  return deps.uow.transaction(async (store) => {
    const current = await store.findStaffWithHash(companyId, code);
    if (!current) throw notFound('staff', '担当者が見つかりません。');
    const staysAdmin = input.active && input.role === 'admin';
    if (current.active && current.role === 'admin' && !staysAdmin) {
      const admins = await store.lockActiveAdmins(companyId);
      if (admins.filter((id) => id !== current.id).length === 0)
        throw conflict('last_admin', '最後の管理者は無効にできず、役割も変更できません。', [
          {
            path: input.active ? 'role' : 'active',
            code: 'last_admin',
            message: '最後の管理者です。',
          },
        ]);
    }
    const member = await store.updateStaff(
      companyId,
      code,
      {
        name: input.name,
        role: input.role,
        active: input.active,
        ...(passwordHash ? { passwordHash } : {}),
      },
      deps.clock.now(),
    );
    if (passwordHash)
      await store.endSessions(current.id, keepSession ? hashSecret(keepSession) : null);
    return member;
  });
}
