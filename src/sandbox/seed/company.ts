// Creates sandbox users and 事業所 the way freee does on sign-up: a chart of accounts, tax codes,
// current and previous fiscal years, a 現金 口座 and a bank 口座.
import { eq } from 'drizzle-orm';
import type { Clock } from '../ports.js';
import type { Pool } from '../ports.js';
import { sandboxDb, type SandboxTx } from '../db/database.js';
import {
  accountItems,
  companies,
  fiscalYears,
  members,
  sections,
  taxes,
  users,
  walletables,
} from '../db/schema.js';
import { jstToday } from '../dates.js';
import { randomSecret } from '../oauth/secrets.js';
import { hashPassword, newPassword } from '../oauth/sign-in.js';
import { accountCategories, accountSeeds } from './chart.js';
import { fiscalYearsAround } from './fiscal.js';
import { taxSeeds } from './taxes.js';

export type SandboxRole =
  'admin' | 'simple_accounting' | 'self_only' | 'read_only' | 'workflow' | 'product_linkage';

export interface SandboxUserInput {
  email?: string;
  displayName?: string;
  /** The consent page's sign-in password; a random one when absent (returned). */
  password?: string;
}

/** A sandbox user and how they sign in to the consent page. */
export interface SandboxUser {
  userId: number;
  email: string;
  password: string;
}

export async function createSandboxUser(
  pool: Pool,
  clock: Clock,
  input: SandboxUserInput = {},
): Promise<SandboxUser> {
  const email = input.email ?? `user-${randomSecret(6).toLowerCase()}@sandbox.example`;
  const password = input.password ?? newPassword();
  const rows = await sandboxDb(pool)
    .insert(users)
    .values({
      email,
      passwordHash: await hashPassword(password),
      displayName: input.displayName ?? 'サンドボックス 太郎',
      firstName: '太郎',
      lastName: 'サンドボックス',
      firstNameKana: 'タロウ',
      lastNameKana: 'サンドボックス',
      createdAt: clock.now(),
    })
    .returning({ id: users.id });
  return { userId: (rows[0] as { id: number }).id, email, password };
}

export interface SandboxCompanyInput {
  name: string;
  /** An existing sandbox user; a new one is created when absent. */
  userId?: number;
  role?: SandboxRole;
  /** First month of the fiscal year (default 4: April–March). */
  fiscalStartMonth?: number;
  /** 本締め日 of the current fiscal year (deals on or before it are refused). */
  monthEndDate?: string | null;
  previousYearClosed?: boolean;
  usePartnerCode?: boolean;
  useItemCode?: boolean;
  segmentsAvailable?: 0 | 1 | 2 | 3;
  sections?: readonly string[];
  bankName?: string;
}

export interface SandboxCompany {
  companyId: number;
  userId: number;
  /** How the new user signs in to the consent page; absent when `userId` was given. */
  signIn?: { email: string; password: string };
  cashWalletableId: number;
  bankWalletableId: number;
}

export async function createSandboxCompany(
  pool: Pool,
  clock: Clock,
  input: SandboxCompanyInput,
): Promise<SandboxCompany> {
  const created = input.userId === undefined ? await createSandboxUser(pool, clock) : null;
  const userId = input.userId ?? (created as SandboxUser).userId;
  const today = jstToday(clock);
  return sandboxDb(pool).transaction(async (tx) => {
    const inserted = await tx
      .insert(companies)
      .values({
        name: input.name,
        nameKana: null,
        displayName: input.name,
        companyNumber: '',
        usePartnerCode: input.usePartnerCode ?? false,
        useItemCode: input.useItemCode ?? false,
        segmentsAvailable: input.segmentsAvailable ?? 0,
        externalCid: randomSecret(9),
        createdAt: clock.now(),
      })
      .returning({ id: companies.id });
    const companyId = (inserted[0] as { id: number }).id;
    await tx.insert(members).values({ companyId, userId, role: input.role ?? 'admin' });
    await seedFiscalYears(tx, companyId, today, input);
    await tx.insert(taxes).values(taxSeeds.map((t) => ({ ...t, companyId })));
    const wallets = await seedWalletables(
      tx,
      companyId,
      today,
      input.bankName ?? 'サンドボックス銀行',
    );
    await seedChart(tx, companyId, today, wallets);
    const sectionNames = input.sections ?? [];
    if (sectionNames.length > 0)
      await tx
        .insert(sections)
        .values(sectionNames.map((name) => ({ companyId, name, updateDate: today })));
    return {
      companyId,
      userId,
      ...(created ? { signIn: { email: created.email, password: created.password } } : {}),
      cashWalletableId: wallets.cash.id,
      bankWalletableId: wallets.bank.id,
    };
  });
}

async function seedFiscalYears(
  tx: SandboxTx,
  companyId: number,
  today: string,
  input: SandboxCompanyInput,
): Promise<void> {
  const years = fiscalYearsAround(today, input.fiscalStartMonth ?? 4);
  await tx.insert(fiscalYears).values([
    { companyId, ...years.previous, isClosed: input.previousYearClosed ?? false },
    { companyId, ...years.current, isClosed: false, monthEndDate: input.monthEndDate ?? null },
  ]);
}

interface Wallet {
  id: number;
  name: string;
}

async function seedWalletables(
  tx: SandboxTx,
  companyId: number,
  today: string,
  bankName: string,
): Promise<{ cash: Wallet; bank: Wallet }> {
  const rows = await tx
    .insert(walletables)
    .values([
      { companyId, name: '現金', type: 'wallet', bankId: null, updateDate: today },
      { companyId, name: bankName, type: 'bank_account', bankId: 1, updateDate: today },
    ])
    .returning({ id: walletables.id, name: walletables.name, type: walletables.type });
  const cash = rows.find((r) => r.type === 'wallet') as Wallet;
  const bank = rows.find((r) => r.type === 'bank_account') as Wallet;
  return { cash, bank };
}

async function seedChart(
  tx: SandboxTx,
  companyId: number,
  today: string,
  wallets: { cash: Wallet; bank: Wallet },
): Promise<void> {
  const cashCategory = accountCategories.cash;
  const rows = [
    ...accountSeeds.map((seed) => ({
      seed,
      walletableId: seed.name === '現金' ? wallets.cash.id : null,
    })),
    {
      seed: {
        name: wallets.bank.name,
        category: 'cash' as const,
        taxCode: 2,
        groupName: '現金及び預金',
      },
      walletableId: wallets.bank.id,
    },
  ];
  const inserted = await tx
    .insert(accountItems)
    .values(
      rows.map(({ seed, walletableId }) => {
        const category = accountCategories[seed.category];
        return {
          companyId,
          name: seed.name,
          shortcut: seed.shortcut ?? null,
          taxCode: seed.taxCode,
          accountCategory: category.name,
          accountCategoryId: category.id,
          categories: [...category.path],
          walletableId,
          groupName: seed.groupName,
          updateDate: today,
        };
      }),
    )
    .returning({ id: accountItems.id, name: accountItems.name });
  const idOf = new Map(inserted.map((r) => [r.name, r.id]));
  for (const seed of accountSeeds) {
    if (!seed.incomeCounter || accountCategories[seed.category].id === cashCategory.id) continue;
    await tx
      .update(accountItems)
      .set({
        correspondingIncomeId: idOf.get(seed.incomeCounter) ?? null,
        correspondingExpenseId: idOf.get(seed.expenseCounter ?? '') ?? null,
      })
      .where(eq(accountItems.id, idOf.get(seed.name) as number));
  }
}
