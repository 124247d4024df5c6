// Creating or updating in freee the masters postings need (issue 11 item 6; domain/masters/
// push-plan.ts says which and how). The synced records (マスター同期) are the lookup — no GETs — and
// every record freee answers with is stored back into them, so the next push and the form's lists
// see it at once. At most pushWritesMax writes per run; each failure is named in Japanese.
import type { MasterRecord } from '../../domain/masters/records.js';
import {
  pushPlan,
  type KnownRecord,
  type PushMaster,
  type WantedRecord,
} from '../../domain/masters/push-plan.js';
import type { PaymentMethod } from '../../domain/ledger/types.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { PostingSources, PostingStore } from '../posting/ports.js';
import {
  loadEffectiveSettings,
  methodSettingsOf,
  type PostingSettingsDocument,
} from '../posting/settings.js';
import type { MastersStore } from './ports.js';

export const pushWritesMax = 200;

export type WriteOutcome = { ok: true; record: MasterRecord } | { ok: false; message: string };

/** freee's writes for one 事業所 (each with its Idempotency-Key, in the adapter). */
export interface MastersWriter {
  readonly freeeCompanyId: number;
  create(master: PushMaster, name: string): Promise<WriteOutcome>;
  upsertByCode(master: PushMaster, code: string, name: string): Promise<WriteOutcome>;
}

export interface PushDeps {
  store: MastersStore;
  clock: Clock;
  /** The writer over the company's freee connection; null when it has none usable. */
  writerFor(companyId: string): Promise<MastersWriter | null>;
  /** What the company's postings need (from its posting settings, payment methods and stores). */
  wanted(companyId: string): Promise<WantedRecord[]>;
}

export interface PushResult {
  created: string[];
  updated: string[];
  unchanged: number;
  failed: { label: string; name: string; message: string }[];
}

const pushMasters: readonly PushMaster[] = ['items', 'sections', 'partners'];

async function knownRecords(
  store: MastersStore,
  companyId: string,
  freeeCompanyId: number,
): Promise<Record<PushMaster, KnownRecord[]>> {
  const known = { items: [], sections: [], partners: [] } as Record<PushMaster, KnownRecord[]>;
  for (const master of pushMasters)
    known[master] = await store.listRecords(companyId, freeeCompanyId, master, 100_000);
  return known;
}

export async function pushPostingMasters(deps: PushDeps, companyId: string): Promise<PushResult> {
  const writer = await deps.writerFor(companyId);
  if (writer === null)
    throw new AppError(
      'unavailable',
      'freee_not_connected',
      'freeeに接続されていません。freee連携の設定から接続してください。',
    );
  const known = await knownRecords(deps.store, companyId, writer.freeeCompanyId);
  const plan = pushPlan(await deps.wanted(companyId), known);
  const result: PushResult = { created: [], updated: [], unchanged: 0, failed: [] };
  let writes = 0;
  for (const action of plan) {
    if (action.kind === 'none') {
      result.unchanged += 1;
      continue;
    }
    const { want } = action;
    if (writes >= pushWritesMax) {
      result.failed.push({
        label: want.label,
        name: want.name,
        message: `一度に登録できるのは${pushWritesMax}件までです。もう一度実行してください。`,
      });
      continue;
    }
    writes += 1;
    const outcome =
      action.kind === 'create'
        ? await writer.create(want.master, want.name)
        : await writer.upsertByCode(want.master, action.code, want.name);
    if (!outcome.ok) {
      result.failed.push({ label: want.label, name: want.name, message: outcome.message });
      continue;
    }
    const key = { companyId, freeeCompanyId: writer.freeeCompanyId, master: want.master };
    await deps.store.upsertRecords(key, [outcome.record], deps.clock.now());
    const created = action.kind === 'create' || action.existingKey === null;
    (created ? result.created : result.updated).push(`${want.label}: ${want.name}`);
  }
  return result;
}

/** What postings need: per payment method its 品目 (and, unless cash, its 取引先), per store with a
 *  chosen 部門 that 部門 (no 部門 chosen: nothing is sent). Codes are the methods' and stores'. */
export function postingNeeds(
  settings: PostingSettingsDocument,
  methods: readonly PaymentMethod[],
  stores: readonly { code: string; name: string }[],
): WantedRecord[] {
  const wanted: WantedRecord[] = [];
  for (const method of methods) {
    const resolved = methodSettingsOf(settings, method);
    wanted.push({
      master: 'items',
      name: resolved.itemName,
      code: method.code,
      label: `支払い方法「${method.name}」の品目`,
    });
    if (resolved.partnerName !== null)
      wanted.push({
        master: 'partners',
        name: resolved.partnerName,
        code: method.code,
        label: `支払い方法「${method.name}」の取引先`,
      });
  }
  for (const row of settings.stores) {
    if (row.sectionName === null) continue;
    const store = stores.find((s) => s.code === row.storeCode);
    wanted.push({
      master: 'sections',
      name: row.sectionName,
      code: row.storeCode,
      label: `店舗「${row.storeCode} ${store?.name ?? ''}」の部門`,
    });
  }
  return wanted;
}

/** PushDeps.wanted over the posting store and sources (the effective settings, defaults filled). */
export function postingNeedsOver(
  store: PostingStore,
  sources: PostingSources,
): (companyId: string) => Promise<WantedRecord[]> {
  return async (companyId) => {
    const methods = await sources.paymentMethods(companyId);
    const stores = await sources.listStores(companyId);
    const settings = await loadEffectiveSettings(
      { store },
      companyId,
      methods,
      stores.map((s) => s.code),
    );
    return postingNeeds(settings, methods, stores);
  };
}
