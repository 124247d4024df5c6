// The synced names 取引の送信設定 is checked against (null before any sync, and per master before
// its first complete import: nothing to check).
import type { SyncedName, SyncedNames } from '../../domain/masters/mapping-check.js';
import type { MasterName } from '../../domain/masters/kinds.js';
import type { MastersStore } from './ports.js';

/** Per master; more records than this are not loaded for the check. */
export const syncedNamesMax = 100_000;

export async function syncedNamesOf(
  store: MastersStore,
  companyId: string,
): Promise<SyncedNames | null> {
  const freeeCompanyId = await store.currentFreeeCompanyId(companyId);
  if (freeeCompanyId === null) return null;
  const imported = await store.importDates(companyId, freeeCompanyId);
  const records = async (master: MasterName) =>
    imported.has(master)
      ? await store.listRecords(companyId, freeeCompanyId, master, syncedNamesMax)
      : null;
  const load = async (master: MasterName): Promise<SyncedName[] | null> =>
    (await records(master))?.map((r) => ({
      name: r.name,
      archived: r.archived,
      available: r.available,
    })) ?? null;
  // A 税区分 is known by its Japanese name (name_ja, what the form shows) or its English one.
  const taxes = (await records('taxes'))?.flatMap((r) =>
    [String(r.data.name_ja ?? r.name), String(r.data.name ?? r.name)].map((name) => ({
      name,
      archived: r.archived,
      available: r.available,
    })),
  );
  return {
    accountItems: await load('account_items'),
    taxes: taxes ?? null,
    sections: await load('sections'),
    items: await load('items'),
    partners: await load('partners'),
  };
}
