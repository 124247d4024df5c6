// Loads the demo café's last few business days (before today in Asia/Tokyo) and closes each one
// with the counted cash a real shop would have (one day ¥100 short), so the close emits
// `day.closed` and the jobs (printing, freee posting) run on them like on a real day.
import type { Clock } from '../clock.js';
import { closeDay, previewClose } from '../ledger/close-day.js';
import { ingestCheckouts } from '../ledger/ingest-checkouts.js';
import type { LedgerDeps } from '../ledger/deps.js';
import type { LedgerActor } from '../ledger/model.js';
import { recordDrawerEvents } from '../ledger/record-drawer-events.js';
import { demoDay } from './demo-days.js';

export const demoFloatYen = 30_000;
const dayMs = 24 * 60 * 60 * 1000;

export function previousBusinessDates(
  clock: Clock,
  count: number,
  timeZone = 'Asia/Tokyo',
): string[] {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const todayMs = clock.now().getTime();
  return Array.from({ length: count }, (_, i) =>
    format.format(new Date(todayMs - (count - i) * dayMs)),
  );
}

export async function seedDemoDays(
  deps: LedgerDeps,
  companyId: string,
  dates: readonly string[],
): Promise<void> {
  const actor: LedgerActor = { companyId, label: 'demo' };
  for (const [index, date] of dates.entries()) {
    const day = demoDay(date, 20_250_110 + index);
    const checkouts = await ingestCheckouts(deps, actor, day.checkouts, {
      pathOf: (i) => `checkouts[${i}]`,
    });
    const drawer = await recordDrawerEvents(deps, actor, day.drawer, {
      pathOf: (i) => `drawer[${i}]`,
    });
    if (checkouts.rejected + drawer.rejected > 0)
      throw new Error(
        `demo data for ${date} was refused: ${JSON.stringify(checkouts.results.find((r) => r.result === 'rejected'))}`,
      );
    const request = { storeCode: '0001', businessDate: date, float: demoFloatYen, countedCash: 0 };
    const expected =
      (await previewClose(deps, actor, request)).report.cash?.expected ?? demoFloatYen;
    const shortYen = index === 1 ? 100 : 0;
    await closeDay(deps, actor, { ...request, countedCash: expected - shortYen });
  }
}
