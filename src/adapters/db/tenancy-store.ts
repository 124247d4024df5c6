// TenancyStore over PostgreSQL (drizzle).
import { and, asc, eq, ne } from 'drizzle-orm';
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
} from '../../app/tenancy/model.js';
import type {
  StaffInput,
  StoreInput,
  TenancyStore,
  TenancyUnitOfWork,
} from '../../app/tenancy/ports.js';
import type { Pool } from './pool.js';
import { companies, paymentMethods, registers, sessions, staff, stores } from './schema/index.js';
import { drizzleOver, inTransaction, type Db, type Queryable } from './unit-of-work.js';

type CompanyRow = typeof companies.$inferSelect;
type StaffRow = typeof staff.$inferSelect;
type MethodRow = typeof paymentMethods.$inferSelect;

const toCompany = (r: CompanyRow): Company => ({
  id: r.id,
  code: r.code,
  name: r.name,
  roundingMode: r.roundingMode as RoundingMode,
});
const toStaff = (r: StaffRow): StaffMember => ({
  id: r.id,
  companyId: r.companyId,
  code: r.code,
  name: r.name,
  role: r.role as StaffRole,
  active: r.active,
});
const toMethod = (r: MethodRow): CompanyPaymentMethod => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind as PaymentMethod['kind'],
  givesChange: r.givesChange,
  settlement: r.settlement as PaymentMethod['settlement'],
  sortOrder: r.sortOrder,
});

export function tenancyStoreOver(client: Queryable): TenancyStore {
  const db = drizzleOver(client);
  return {
    ...companyOpsOver(db),
    ...storeOpsOver(db),
    ...paymentMethodOpsOver(db),
    ...staffOpsOver(db),
    ...staffGuardsOver(db),
  };
}

type CompanyOps = Pick<
  TenancyStore,
  'findCompanyByCode' | 'findCompanyById' | 'listCompanies' | 'insertCompany' | 'updateCompany'
>;

function companyOpsOver(db: Db): CompanyOps {
  return {
    findCompanyByCode: async (code) =>
      first((await db.select().from(companies).where(eq(companies.code, code))).map(toCompany)),
    findCompanyById: async (id) =>
      first((await db.select().from(companies).where(eq(companies.id, id))).map(toCompany)),
    listCompanies: async () =>
      (await db.select().from(companies).orderBy(asc(companies.code))).map(toCompany),
    insertCompany: async (input, now) =>
      toCompany(
        one(
          await db
            .insert(companies)
            .values({ ...input, createdAt: now, updatedAt: now })
            .returning(),
        ),
      ),
    updateCompany: async (id, input, now) =>
      toCompany(
        one(
          await db
            .update(companies)
            .set({ ...input, updatedAt: now })
            .where(eq(companies.id, id))
            .returning(),
        ),
      ),
  };
}

function storeOpsOver(db: Db): Pick<TenancyStore, 'listStores' | 'findStore' | 'upsertStore'> {
  return {
    listStores: async (companyId) => {
      const rows = await db
        .select()
        .from(stores)
        .where(eq(stores.companyId, companyId))
        .orderBy(asc(stores.code));
      return Promise.all(rows.map((row) => withRegisters(db, row)));
    },
    findStore: async (companyId, code) => {
      const row = first(
        await db
          .select()
          .from(stores)
          .where(and(eq(stores.companyId, companyId), eq(stores.code, code))),
      );
      return row ? withRegisters(db, row) : null;
    },
    upsertStore: (companyId, input, now) => upsertStore(db, companyId, input, now),
  };
}

function paymentMethodOpsOver(
  db: Db,
): Pick<TenancyStore, 'listPaymentMethods' | 'upsertPaymentMethod'> {
  return {
    listPaymentMethods: async (companyId) =>
      (
        await db
          .select()
          .from(paymentMethods)
          .where(eq(paymentMethods.companyId, companyId))
          .orderBy(asc(paymentMethods.sortOrder), asc(paymentMethods.code))
      ).map(toMethod),
    upsertPaymentMethod: async (companyId, input, now) => {
      const values = {
        code: input.code,
        name: input.name,
        kind: input.kind,
        givesChange: input.givesChange,
        settlement: input.settlement,
        sortOrder: input.sortOrder,
      };
      const rows = await db
        .insert(paymentMethods)
        .values({ ...values, companyId, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [paymentMethods.companyId, paymentMethods.code],
          set: { ...values, updatedAt: now },
        })
        .returning();
      return toMethod(one(rows));
    },
  };
}

type StaffOps = Pick<
  TenancyStore,
  'listStaff' | 'findStaffWithHash' | 'findStaffById' | 'insertStaff' | 'updateStaff'
>;

/** The last admin and the sessions of a staff member whose password changed. */
function staffGuardsOver(db: Db): Pick<TenancyStore, 'lockActiveAdmins' | 'endSessions'> {
  return {
    lockActiveAdmins: async (companyId) =>
      (
        await db
          .select({ id: staff.id })
          .from(staff)
          .where(
            and(eq(staff.companyId, companyId), eq(staff.role, 'admin'), eq(staff.active, true)),
          )
          .for('update')
      ).map((row) => row.id),
    endSessions: async (staffId, keepTokenHash) => {
      await db
        .delete(sessions)
        .where(
          keepTokenHash === null
            ? eq(sessions.staffId, staffId)
            : and(eq(sessions.staffId, staffId), ne(sessions.tokenHash, keepTokenHash)),
        );
    },
  };
}

function staffOpsOver(db: Db): StaffOps {
  return {
    listStaff: async (companyId) =>
      (
        await db.select().from(staff).where(eq(staff.companyId, companyId)).orderBy(asc(staff.code))
      ).map(toStaff),
    findStaffWithHash: async (companyId, code) => {
      const row = first(
        await db
          .select()
          .from(staff)
          .where(and(eq(staff.companyId, companyId), eq(staff.code, code))),
      );
      return row
        ? ({ ...toStaff(row), passwordHash: row.passwordHash } satisfies StaffWithHash)
        : null;
    },
    findStaffById: async (id) =>
      first((await db.select().from(staff).where(eq(staff.id, id))).map(toStaff)),
    insertStaff: async (companyId, input: StaffInput, now) =>
      toStaff(
        one(
          await db
            .insert(staff)
            .values({ ...input, companyId, createdAt: now, updatedAt: now })
            .returning(),
        ),
      ),
    updateStaff: async (companyId, code, input, now) =>
      toStaff(
        one(
          await db
            .update(staff)
            .set({ ...input, updatedAt: now })
            .where(and(eq(staff.companyId, companyId), eq(staff.code, code)))
            .returning(),
        ),
      ),
  };
}

async function withRegisters(db: Db, row: typeof stores.$inferSelect): Promise<Store> {
  const registerRows = await db
    .select({ code: registers.code })
    .from(registers)
    .where(eq(registers.storeId, row.id))
    .orderBy(asc(registers.code));
  return {
    id: row.id,
    companyId: row.companyId,
    code: row.code,
    name: row.name,
    timeZone: row.timeZone,
    reportSettings: (row.reportSettings as ReportSettings | null) ?? null,
    printer: (row.printer as PrinterSetting | null) ?? null,
    registers: registerRows.map((r) => r.code),
  };
}

async function upsertStore(
  db: Db,
  companyId: string,
  input: StoreInput,
  now: Date,
): Promise<Store> {
  const values = {
    name: input.name,
    timeZone: input.timeZone,
    ...(input.reportSettings !== undefined ? { reportSettings: input.reportSettings } : {}),
    ...(input.printer !== undefined ? { printer: input.printer } : {}),
  };
  const row = one(
    await db
      .insert(stores)
      .values({ ...values, companyId, code: input.code, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [stores.companyId, stores.code],
        set: { ...values, updatedAt: now },
      })
      .returning(),
  );
  for (const code of input.registers ?? []) {
    await db
      .insert(registers)
      .values({ storeId: row.id, code, createdAt: now })
      .onConflictDoNothing();
  }
  return withRegisters(db, row);
}

function first<T>(rows: readonly T[]): T | null {
  return rows[0] ?? null;
}

function one<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('expected one row, got none');
  return row;
}

export function tenancyUnitOfWork(pool: Pool): TenancyUnitOfWork {
  return {
    read: tenancyStoreOver(pool),
    transaction: (work) => inTransaction(pool, (client) => work(tenancyStoreOver(client))),
  };
}
