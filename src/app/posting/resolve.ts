// The company's settings (names) → PostingMappings (freee ids) for one store-day, from the masters
// freee returned (companies/{id} + taxes/companies). Only the methods that get a deal that day are
// resolved; their missing 品目 and 取引先 are created in freee (POST items / partners) after the
// caller's guard allowed writing. Missing account items, tax codes, 部門 or 口座 are the user's to fix.
import { PostingMappingError } from '../../domain/posting/errors.js';
import type {
  PostingMappings,
  PostingSettings,
  WalletableRef,
  WalletableType,
} from '../../domain/posting/mappings.js';
import { methodCodesToPost } from '../../domain/posting/methods-to-post.js';
import { resolvePostingMappings } from '../../domain/posting/resolve-mappings.js';
import type { PaymentMethod } from '../../domain/ledger/types.js';
import type { DailyReport } from '../../domain/report/types.js';
import type { FreeeCallFailure, FreeeCompanyInfo, NamedMaster, PostingGateway } from './ports.js';
import { methodSettingsOf, type PostingSettingsDocument } from './settings.js';
import { createMissingMasters } from './create-masters.js';

/** At most this many 品目 / 取引先 are created in one run (one per payment method). */
export const mastersCreatedMax = 40;

export type Resolution =
  | { kind: 'resolved'; mappings: PostingMappings; itemNames: Map<string, string> }
  | { kind: 'mappingError'; messageJa: string; detail: string }
  | { kind: 'needsWrites' }
  | { kind: 'failed'; failure: FreeeCallFailure };

const normalized = (text: string): string => text.normalize('NFKC').trim();

function findNamed<T extends NamedMaster>(rows: readonly T[], name: string): T | undefined {
  const wanted = normalized(name);
  return rows.find((row) => row.available !== false && normalized(row.name) === wanted);
}

function walletableOf(info: FreeeCompanyInfo, name: string): WalletableRef | null {
  const wanted = normalized(name);
  const matches = info.walletables.filter((w) => normalized(w.name) === wanted);
  const chosen = matches.find((w) => w.type === 'wallet') ?? matches[0];
  if (!chosen || !['bank_account', 'credit_card', 'wallet'].includes(chosen.type)) return null;
  return { type: chosen.type as WalletableType, id: chosen.id };
}

export interface ResolveInput {
  gateway: PostingGateway;
  info: FreeeCompanyInfo;
  settings: PostingSettingsDocument;
  methods: readonly PaymentMethod[];
  report: DailyReport;
  /** The store's part of its ref_numbers (PostingStoreRef.refScope). */
  refScope: string;
  /** false: report `needsWrites` instead of creating missing 品目 / 取引先 (the guard said no). */
  mayWrite: boolean;
}

interface Missing {
  items: string[];
  partners: string[];
}

function storeMapping(
  input: ResolveInput,
): { sectionId: number | null; cashWalletable: WalletableRef } | { error: string } {
  const row = input.settings.stores.find((each) => each.storeCode === input.report.storeCode);
  const sectionName = row?.sectionName ?? null;
  const section = sectionName === null ? null : findNamed(input.info.sections, sectionName);
  if (sectionName !== null && section === undefined)
    return {
      error: `部門「${sectionName}」がfreeeにありません。freeeで部門を作成するか、連携設定の部門名を直してください。`,
    };
  const walletName = row?.cashWalletableName ?? '現金';
  const cashWalletable = walletableOf(input.info, walletName);
  if (cashWalletable === null)
    return {
      error: `口座「${walletName}」がfreeeにありません。連携設定の現金の口座名を直してください。`,
    };
  return { sectionId: section?.id ?? null, cashWalletable };
}

function domainSettings(
  input: ResolveInput,
  used: readonly PaymentMethod[],
  store: { sectionId: number | null; cashWalletable: WalletableRef },
  missing: Missing,
): PostingSettings {
  const methods = used.map((method) => {
    const row = methodSettingsOf(input.settings, method);
    const partner =
      row.partnerName === null ? undefined : findNamed(input.info.partners, row.partnerName);
    if (row.partnerName !== null && partner === undefined) missing.partners.push(row.partnerName);
    return {
      code: method.code,
      itemName: row.itemName,
      partnerId: partner?.id ?? null,
      schedule: row.schedule,
    };
  });
  return {
    accountNames: input.settings.accountNames,
    taxCodeNames: input.settings.taxCodeNames,
    methods,
    stores: [
      {
        storeCode: input.report.storeCode,
        refScope: input.refScope,
        companyId: input.gateway.freeeCompanyId,
        ...store,
      },
    ],
  };
}

async function createMissing(
  input: ResolveInput,
  missing: Missing,
): Promise<FreeeCallFailure | null> {
  const items = [...new Set(missing.items)];
  const partners = [...new Set(missing.partners)];
  if (items.length + partners.length > mastersCreatedMax) {
    throw new PostingMappingError(
      `${items.length + partners.length} 品目/取引先 to create, more than ${mastersCreatedMax}`,
      `freeeに作成する品目・取引先が多すぎます(${mastersCreatedMax}件まで)。連携設定を確認してください。`,
    );
  }
  return createMissingMasters(input.gateway, input.info, { items, partners });
}

function attempt(
  input: ResolveInput,
  used: readonly PaymentMethod[],
  store: { sectionId: number | null; cashWalletable: WalletableRef },
): { resolution: Resolution; missing: Missing } {
  const missing: Missing = { items: [], partners: [] };
  const settings = domainSettings(input, used, store, missing);
  const resolved = resolvePostingMappings(settings, input.report.storeCode, used, {
    accountItems: input.info.accountItems,
    taxes: input.info.taxes,
    items: input.info.items,
  });
  if (resolved.kind === 'missing') {
    const { accounts, taxCodes, items } = resolved.missing;
    if (accounts.length + taxCodes.length > 0) {
      const names = [
        ...accounts.map((a) => `勘定科目「${a.name}」`),
        ...taxCodes.map((t) => `税区分「${t.name}」`),
      ].join('、');
      return {
        resolution: {
          kind: 'mappingError',
          messageJa: `${names}がfreeeにありません。連携設定を直してから再実行してください。`,
          detail: `missing in freee: ${names}`,
        },
        missing,
      };
    }
    missing.items.push(...items.map((item) => item.name));
  }
  if (missing.items.length + missing.partners.length > 0 || resolved.kind === 'missing')
    return { resolution: { kind: 'needsWrites' }, missing };
  const itemNames = new Map(
    used.map((method) => [method.code, methodSettingsOf(input.settings, method).itemName]),
  );
  return { resolution: { kind: 'resolved', mappings: resolved.mappings, itemNames }, missing };
}

/** Mappings for the day; creates missing 品目 / 取引先 when allowed. Domain errors (PostingMappingError …) propagate. */
export async function resolveDayMappings(input: ResolveInput): Promise<Resolution> {
  const usedCodes = methodCodesToPost(input.report, input.methods);
  const used = input.methods.filter((method) => usedCodes.includes(method.code));
  const store = storeMapping(input);
  if ('error' in store)
    return { kind: 'mappingError', messageJa: store.error, detail: store.error };
  const first = attempt(input, used, store);
  if (first.resolution.kind !== 'needsWrites') return first.resolution;
  if (!input.mayWrite) return first.resolution;
  const failure = await createMissing(input, first.missing);
  if (failure) return { kind: 'failed', failure };
  const second = attempt(input, used, store);
  if (second.resolution.kind === 'needsWrites')
    throw new PostingMappingError(
      'created 品目/取引先 are still missing',
      '品目または取引先を作成できませんでした。freeeで確認してください。',
    );
  return second.resolution;
}
