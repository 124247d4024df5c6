// The company's posting settings (posting.md "Mappings the company configures"), as stored and
// edited (console form, PUT /api/v1/posting/settings): names that freee resolves at run time
// (account items, tax codes, 品目, 取引先, 部門, 口座) and each unsettled method's settlement schedule.
// Defaults (effectivePostingSettings) fill every method and store the document does not list:
//   accounts 売上高 / 売掛金 / 前受金 / 雑収入 / 雑損失 / 雑収入 / 仮受金 / 仮受金 / 仮払金,
//   tax codes 課税売上10% / 課税売上8%（軽） / 非課売上 / 対象外,
//   品目 `【POS Reg】` + method name, 取引先 = the method's name (created in freee when missing),
//   schedule by kind: card 月末締め翌月15日, voucher / 売掛 / other 月末締め翌月末, QR / 電子マネー
//   3 banking days; per store: no 部門, cash 口座 「現金」.
import { z } from 'zod';
import {
  accountRoles,
  defaultAccountNames,
  defaultTaxCodeNames,
  itemNameFor,
  itemNameLengthMax,
  taxRoles,
  type AccountRole,
  type TaxRole,
} from '../../domain/posting/mappings.js';
import {
  monthlyCyclesMax,
  paymentMonthOffsetMax,
  settlementScheduleProblems,
  weekdays,
  weeksAfterMax,
  type SettlementSchedule,
} from '../../domain/posting/settlement-schedule.js';
import type { PaymentKind, PaymentMethod } from '../../domain/ledger/types.js';
import {
  mappingProblems,
  type MappingField,
  type SyncedNames,
} from '../../domain/masters/mapping-check.js';
import type { Clock } from '../clock.js';
import { validationError, type FieldError } from '../errors.js';
import type { PostingSources, PostingStore } from './ports.js';

export interface MethodSettingsDocument {
  code: string;
  /** 品目 name; null → `【POS Reg】` + the method's name. */
  itemName: string | null;
  /** 取引先 of the receivable; null → the method's name. Ignored for cash. */
  partnerName: string | null;
  /** null → the default of the method's kind. Ignored for cash. */
  schedule: SettlementSchedule | null;
}

export interface StoreSettingsDocument {
  storeCode: string;
  /** The store's 部門 in freee; null = lines carry no 部門. */
  sectionName: string | null;
  /** The 口座 cash sales are settled into. */
  cashWalletableName: string;
}

export interface PostingSettingsDocument {
  accountNames: Record<AccountRole, string>;
  taxCodeNames: Record<TaxRole, string>;
  methods: MethodSettingsDocument[];
  stores: StoreSettingsDocument[];
}

export const defaultCashWalletableName = '現金';

export function defaultScheduleFor(kind: PaymentKind): SettlementSchedule | null {
  if (kind === 'cash') return null;
  if (kind === 'card')
    return { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 15 };
  if (kind === 'qr' || kind === 'emoney') return { kind: 'daysAfter', bankingDays: 3 };
  return { kind: 'monthly', cutoffDay: 'end', paymentMonthOffset: 1, paymentDay: 'end' };
}

const name = (max: number) => z.string().trim().min(1).max(max);
const dayOfMonth = z.union([z.number().int().min(1).max(31), z.literal('end')]);
const cycle = z
  .object({
    cutoffDay: dayOfMonth,
    paymentMonthOffset: z.number().int().min(0).max(paymentMonthOffsetMax),
    paymentDay: dayOfMonth,
  })
  .strict();
const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sameDay') }).strict(),
  z
    .object({ kind: z.literal('daysAfter'), bankingDays: z.number().int().min(0).max(366) })
    .strict(),
  cycle.extend({ kind: z.literal('monthly') }).strict(),
  z
    .object({
      kind: z.literal('monthlyCycles'),
      cycles: z.array(cycle).min(1).max(monthlyCyclesMax),
    })
    .strict(),
  z
    .object({
      kind: z.literal('weekly'),
      cutoffWeekday: z.enum(weekdays),
      paymentWeekday: z.enum(weekdays),
      weeksAfter: z.number().int().min(0).max(weeksAfterMax),
    })
    .strict(),
]);

export const PostingSettingsSchema = z
  .object({
    accountNames: z
      .object(
        Object.fromEntries(accountRoles.map((role) => [role, name(100)])) as Record<
          AccountRole,
          z.ZodString
        >,
      )
      .strict(),
    taxCodeNames: z
      .object(
        Object.fromEntries(taxRoles.map((role) => [role, name(100)])) as Record<
          TaxRole,
          z.ZodString
        >,
      )
      .strict(),
    methods: z
      .array(
        z
          .object({
            code: name(32),
            itemName: name(itemNameLengthMax).nullable(),
            partnerName: name(255).nullable(),
            schedule: ScheduleSchema.nullable(),
          })
          .strict(),
      )
      .max(100),
    stores: z
      .array(
        z
          .object({
            storeCode: name(32),
            sectionName: name(255).nullable(),
            cashWalletableName: name(255),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();

export const postingSettingsFieldMessages: Record<string, string> = {
  accountNames: '勘定科目名を入力してください(100文字まで)。',
  taxCodeNames: '税区分名を入力してください(100文字まで)。',
  itemName: `品目名は${itemNameLengthMax}文字までです。`,
  schedule: '入金サイクルの指定が正しくありません。',
};

/** Every current method and store gets a row; stored rows win, unknown codes are dropped. */
export function effectivePostingSettings(
  stored: PostingSettingsDocument | null,
  paymentMethods: readonly PaymentMethod[],
  storeCodes: readonly string[],
): PostingSettingsDocument {
  const methods = paymentMethods.map((method): MethodSettingsDocument => {
    const found = stored?.methods.find((each) => each.code === method.code);
    return {
      code: method.code,
      itemName: found?.itemName ?? null,
      partnerName: method.kind === 'cash' ? null : (found?.partnerName ?? null),
      schedule: method.kind === 'cash' ? null : (found?.schedule ?? null),
    };
  });
  const stores = storeCodes.map((storeCode): StoreSettingsDocument => {
    const found = stored?.stores.find((each) => each.storeCode === storeCode);
    return {
      storeCode,
      sectionName: found?.sectionName ?? null,
      cashWalletableName: found?.cashWalletableName ?? defaultCashWalletableName,
    };
  });
  return {
    accountNames: { ...defaultAccountNames, ...stored?.accountNames },
    taxCodeNames: { ...defaultTaxCodeNames, ...stored?.taxCodeNames },
    methods,
    stores,
  };
}

/** What a method resolves to once defaults apply. */
export function methodSettingsOf(
  settings: PostingSettingsDocument,
  method: PaymentMethod,
): { itemName: string; partnerName: string | null; schedule: SettlementSchedule | null } {
  const row = settings.methods.find((each) => each.code === method.code);
  const itemName = itemNameFor(method, row?.itemName ? { itemName: row.itemName } : undefined);
  if (method.kind === 'cash') return { itemName, partnerName: null, schedule: null };
  return {
    itemName,
    partnerName: row?.partnerName ?? method.name,
    schedule: row?.schedule ?? defaultScheduleFor(method.kind),
  };
}

export interface PostingSettingsDeps {
  store: PostingStore;
  sources: PostingSources;
  clock: Clock;
  /** The synced freee masters (マスター同期) the names are checked against; null = none synced. */
  syncedNames?: (companyId: string) => Promise<SyncedNames | null>;
}

const accountRoleLabels: Record<AccountRole, string> = {
  sales: '売上高の勘定科目',
  receivable: '売掛金の勘定科目',
  nonSales: '売上外入金の勘定科目',
  cashOver: '現金過剰の勘定科目',
  cashShort: '現金不足の勘定科目',
  voucherShortfall: '金券等差額の勘定科目',
  voucherChange: '金券等釣りの勘定科目',
  drawerIn: 'レジ入金の勘定科目',
  drawerOut: 'レジ出金の勘定科目',
};
const taxRoleLabels: Record<TaxRole, string> = {
  standard10: '10%売上の税区分',
  reduced8: '8%(軽)売上の税区分',
  exempt: '非課税売上の税区分',
  outOfScope: '対象外の税区分',
};

function mappingFields(
  settings: PostingSettingsDocument,
  methods: readonly PaymentMethod[],
): MappingField[] {
  const fields: MappingField[] = [
    ...accountRoles.map((role) => ({
      path: `accountNames.${role}`,
      label: accountRoleLabels[role],
      value: settings.accountNames[role],
      master: 'accountItems' as const,
    })),
    ...taxRoles.map((role) => ({
      path: `taxCodeNames.${role}`,
      label: taxRoleLabels[role],
      value: settings.taxCodeNames[role],
      master: 'taxes' as const,
    })),
  ];
  settings.stores.forEach((row, i) => {
    if (row.sectionName)
      fields.push({
        path: `stores[${i}].sectionName`,
        label: `店舗${row.storeCode}の部門`,
        value: row.sectionName,
        master: 'sections',
      });
  });
  settings.methods.forEach((row, i) => {
    const method = methods.find((m) => m.code === row.code)?.name ?? row.code;
    if (row.itemName)
      fields.push({
        path: `methods[${i}].itemName`,
        label: `支払い方法「${method}」の品目`,
        value: row.itemName,
        master: 'items',
      });
    if (row.partnerName)
      fields.push({
        path: `methods[${i}].partnerName`,
        label: `支払い方法「${method}」の取引先`,
        value: row.partnerName,
        master: 'partners',
      });
  });
  return fields;
}

async function masterProblems(
  deps: PostingSettingsDeps,
  companyId: string,
  settings: PostingSettingsDocument,
  methods: readonly PaymentMethod[],
): Promise<FieldError[]> {
  const names = deps.syncedNames ? await deps.syncedNames(companyId) : null;
  return names ? mappingProblems(mappingFields(settings, methods), names) : [];
}

function parsedOrNull(value: unknown): PostingSettingsDocument | null {
  const parsed = PostingSettingsSchema.safeParse(value);
  return parsed.success ? (parsed.data as PostingSettingsDocument) : null;
}

/** The company's settings with defaults filled in (and whether anything is stored). */
export async function getPostingSettings(
  deps: PostingSettingsDeps,
  companyId: string,
): Promise<{ settings: PostingSettingsDocument; stored: boolean }> {
  const raw = await deps.store.readSettings(companyId);
  const methods = await deps.sources.paymentMethods(companyId);
  const stores = await deps.sources.listStores(companyId);
  return {
    settings: effectivePostingSettings(
      parsedOrNull(raw),
      methods,
      stores.map((s) => s.code),
    ),
    stored: raw !== null,
  };
}

function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out;
}

function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldError[] {
  return issues.slice(0, 200).map((issue) => {
    const path = issuePath(issue.path);
    const key = Object.keys(postingSettingsFieldMessages).find((each) => path.includes(each));
    return {
      path,
      code: 'invalid',
      message: key ? (postingSettingsFieldMessages[key] as string) : '値が正しくありません。',
    };
  });
}

function semanticProblems(
  settings: PostingSettingsDocument,
  methods: readonly PaymentMethod[],
  storeCodes: readonly string[],
): FieldError[] {
  const problems: FieldError[] = [];
  settings.methods.forEach((row, index) => {
    const method = methods.find((each) => each.code === row.code);
    if (!method)
      problems.push({
        path: `methods[${index}].code`,
        code: 'unknown_method',
        message: `支払い方法コード「${row.code}」は登録されていません。`,
      });
    if (row.schedule && settlementScheduleProblems(row.schedule).length > 0) {
      problems.push({
        path: `methods[${index}].schedule`,
        code: 'invalid_schedule',
        message: `入金サイクルの指定が正しくありません(${settlementScheduleProblems(row.schedule).join('; ')})。`,
      });
    }
  });
  settings.stores.forEach((row, index) => {
    if (!storeCodes.includes(row.storeCode))
      problems.push({
        path: `stores[${index}].storeCode`,
        code: 'unknown_store',
        message: `店舗コード「${row.storeCode}」は登録されていません。`,
      });
  });
  const salesName = settings.accountNames.sales;
  const shared = accountRoles.filter(
    (role) => role !== 'sales' && settings.accountNames[role] === salesName,
  );
  if (shared.length > 0)
    problems.push({
      path: 'accountNames.sales',
      code: 'sales_shared',
      message: '売上高の勘定科目は他の用途と共用できません。',
    });
  if (new Set(taxRoles.map((role) => settings.taxCodeNames[role])).size !== taxRoles.length) {
    problems.push({
      path: 'taxCodeNames',
      code: 'tax_codes_shared',
      message: '税区分(10%・8%(軽)・非課税・対象外)はそれぞれ別にしてください。',
    });
  }
  return problems;
}

/** Validates and stores the whole document; nothing is written on a problem (fields named). */
export async function savePostingSettings(
  deps: PostingSettingsDeps,
  companyId: string,
  input: unknown,
  updatedBy: string,
): Promise<PostingSettingsDocument> {
  const parsed = PostingSettingsSchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error.issues));
  const settings = parsed.data as PostingSettingsDocument;
  const methods = await deps.sources.paymentMethods(companyId);
  const stores = (await deps.sources.listStores(companyId)).map((s) => s.code);
  const problems = [
    ...semanticProblems(settings, methods, stores),
    ...(await masterProblems(deps, companyId, settings, methods)),
  ];
  if (problems.length > 0) throw validationError(problems);
  await deps.store.saveSettings(companyId, settings, updatedBy, deps.clock.now());
  return effectivePostingSettings(settings, methods, stores);
}

/** The effective settings of a stored document (null or invalid: the defaults). */
export function effectiveSettingsOf(
  stored: unknown,
  methods: readonly PaymentMethod[],
  storeCodes: readonly string[],
): PostingSettingsDocument {
  return effectivePostingSettings(parsedOrNull(stored), methods, storeCodes);
}

export async function loadEffectiveSettings(
  deps: Pick<PostingSettingsDeps, 'store'>,
  companyId: string,
  methods: readonly PaymentMethod[],
  storeCodes: readonly string[],
): Promise<PostingSettingsDocument> {
  return effectivePostingSettings(
    parsedOrNull(await deps.store.readSettings(companyId)),
    methods,
    storeCodes,
  );
}
