// Provider batches: a card or QR company pays several contiguous days of one store's (section's)
// sales less its fee rate in one deposit. Per store, the runs of consecutive receivables (by issue
// date) whose total, net of the rate, is the deposit (each day's fee rounded: ≤ 1 yen per day).
import type { Yen } from '../money/yen.js';
import { grossOfNet, isNetOfFee, type FeeRate } from './fee-rate.js';
import type { LimitName, Receivable, SearchLimits } from './model.js';

export interface BatchSearch {
  fits: Receivable[][];
  limitsHit: LimitName[];
}

const groupsCache = new WeakMap<readonly Receivable[], Receivable[][]>();

/** Per store, by issue date; computed once per receivable list (the lists are not changed). */
function byStore(receivables: readonly Receivable[]): Receivable[][] {
  const cached = groupsCache.get(receivables);
  if (cached) return cached;
  const groups = new Map<string, Receivable[]>();
  for (const r of receivables) {
    const key = r.sectionId ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(r);
  }
  for (const group of groups.values())
    group.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
  const out = [...groups.values()];
  groupsCache.set(receivables, out);
  return out;
}

export function findBatches(
  receivables: readonly Receivable[],
  depositYen: Yen,
  rate: FeeRate,
  limits: SearchLimits,
  fitsMax: number,
): BatchSearch {
  const fits: Receivable[][] = [];
  const limitsHit = new Set<LimitName>();
  // Bounds on the gross (exact, once): windows outside them are skipped without fraction arithmetic.
  const grossLow = grossOfNet((depositYen - limits.batchDaysMax) as Yen, rate) - 1;
  const grossHigh = grossOfNet((depositYen + limits.batchDaysMax) as Yen, rate) + 1;
  for (const group of byStore(receivables)) {
    for (let start = 0; start < group.length; start += 1) {
      let gross = 0;
      let days = 0;
      for (let end = start; end < group.length; end += 1) {
        gross += (group[end] as Receivable).dueAmountYen;
        days += 1;
        if (
          gross >= grossLow &&
          gross <= grossHigh &&
          isNetOfFee(gross as Yen, depositYen, rate, days)
        ) {
          fits.push(group.slice(start, end + 1));
          if (fits.length >= fitsMax) {
            limitsHit.add('alternativesMax');
            return { fits, limitsHit: [...limitsHit] };
          }
        }
        if (gross > grossHigh) break;
        if (days >= limits.batchDaysMax) {
          if (end + 1 < group.length) limitsHit.add('batchDaysMax');
          break;
        }
      }
    }
  }
  return { fits, limitsHit: [...limitsHit] };
}
