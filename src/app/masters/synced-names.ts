// The synced names 取引の送信設定 is checked against (null before any sync: nothing to check).
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
  const load = async (master: MasterName): Promise<SyncedName[]> =>
    (await store.listRecords(companyId, freeeCompanyId, master, syncedNamesMax)).map((r) => ({
      name: master === 'taxes' ? String(r.data.name_ja ?? r.name) : r.name,
      archived: r.archived,
      available: r.available,
    }));
  const taxes = await load('taxes');
  const taxNames = (
    await store.listRecords(companyId, freeeCompanyId, 'taxes', syncedNamesMax)
  ).map((r) => ({
    name: String(r.data.name ?? r.name),
    archived: r.archived,
    available: r.available,
  }));
  return {
    accountItems: await load('account_items'),
    taxes: [...taxes, ...taxNames],
    sections: await load('sections'),
    items: await load('items'),
    partners: await load('partners'),
  };
}
