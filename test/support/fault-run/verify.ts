// The fault run's verdict, from the books freee holds (GET deals per store and date through a
// fault-free sandbox): per store-day, duplicates (a ref_number held twice), missing and unexpected
// deals (against the plan rebuilt from the 日報 and freee's masters by name), and the violations of
// posting.md invariants 1–6 (checkPostingInvariants).
import { getPostingSettings } from '../../../src/app/posting/settings.js';
import type { Pool } from '../../../src/adapters/db/pool.js';
import { postingSourcesOver, postingStoreOver } from '../../../src/adapters/db/posting-store.js';
import { buildDayPosting } from '../../../src/domain/posting/build-deals.js';
import { refScopeOf } from '../../../src/domain/posting/entry-keys.js';
import { checkPostingInvariants } from '../../../src/domain/posting/invariants.js';
import { systemClock } from '../../../src/app/clock.js';
import { heldDealsOn, invariantSetup, ofStore } from '../posting-books.js';
import type { World } from './setup.js';

export interface BooksCheck {
  postedDays: number;
  notPosted: { storeCode: string; businessDate: string; status: string | null }[];
  deals: number;
  duplicateDeals: number;
  missingDeals: number;
  unexpectedDeals: number;
  daysWithViolations: number;
  violations: string[];
}

export async function verifyBooks(
  world: World,
  pool: Pool,
  storeDays: readonly { storeCode: string; businessDate: string }[],
): Promise<BooksCheck> {
  const store = postingStoreOver(pool);
  const sources = postingSourcesOver(pool);
  const settings = (
    await getPostingSettings({ store, sources, clock: systemClock }, world.companyId)
  ).settings;
  const check: BooksCheck = {
    postedDays: 0,
    notPosted: [],
    deals: 0,
    duplicateDeals: 0,
    missingDeals: 0,
    unexpectedDeals: 0,
    daysWithViolations: 0,
    violations: [],
  };
  // Stores sharing one 事業所 (a chain in the night run) read its deals of a date once.
  const heldOf = new Map<string, Promise<Awaited<ReturnType<typeof heldDealsOn>>>>();
  for (const link of world.stores) {
    const client = await world.runtime.clientForStore(world.companyId, link.storeId);
    if (!client) throw new Error(`store ${link.storeCode} is not connected at the end`);
    const setup = await invariantSetup(client, settings, link.storeCode);
    for (const day of storeDays.filter((d) => d.storeCode === link.storeCode)) {
      const status = await store.getDay(world.companyId, link.storeId, day.businessDate);
      const close = await sources.latestClose(link.storeId, day.businessDate);
      if (!close) throw new Error(`no close for ${day.storeCode} ${day.businessDate}`);
      if (status?.status === 'posted' && status.postedVersion === close.version)
        check.postedDays += 1;
      else check.notPosted.push({ ...day, status: status?.status ?? null });
      const heldKey = `${link.freeeCompanyId}/${day.businessDate}`;
      const all = heldOf.get(heldKey) ?? heldDealsOn(client, day.businessDate);
      heldOf.set(heldKey, all);
      const held = ofStore(await all, day.storeCode, day.businessDate);
      check.deals += held.length;
      const refs = held.map((deal) => deal.ref_number ?? '');
      check.duplicateDeals += refs.length - new Set(refs).size;
      const planned = new Set(
        buildDayPosting(
          close.report,
          {
            ...setup.mappings,
            store: {
              ...setup.mappings.store,
              refScope: refScopeOf(world.companyCode, link.storeCode, false),
            },
          },
          {
            paymentMethods: setup.paymentMethods,
          },
        ).entries.map((entry) => entry.deal.ref_number),
      );
      check.missingDeals += [...planned].filter((ref) => !refs.includes(ref)).length;
      check.unexpectedDeals += [...new Set(refs)].filter((ref) => !planned.has(ref)).length;
      const violations = checkPostingInvariants(close.report, held, setup);
      if (violations.length > 0) {
        check.daysWithViolations += 1;
        if (check.violations.length < 20)
          check.violations.push(
            `${day.storeCode} ${day.businessDate}: ${violations.map((v) => `${v.code} ${v.message}`).join('; ')}`,
          );
      }
    }
  }
  return check;
}
