// Exact subset search over one partner's receivables: every subset of 2..sizeMax whose total lies in
// [lowYen, highYen], within explicit limits; a limit that cut the search is returned by name.
import type { Yen } from '../money/yen.js';
import type { LimitName, Receivable, SearchLimits } from './model.js';

export interface SubsetSearch {
  fits: Receivable[][];
  limitsHit: LimitName[];
}

export function findSubsets(
  receivables: readonly Receivable[],
  lowYen: Yen,
  highYen: Yen,
  limits: SearchLimits,
  fitsMax: number,
): SubsetSearch {
  const limitsHit: LimitName[] = [];
  let pool = [...receivables];
  if (pool.length > limits.combinationCandidatesMax) {
    limitsHit.push('combinationCandidatesMax');
    pool = pool.slice(0, limits.combinationCandidatesMax);
  }
  const items = pool.filter((r) => r.dueAmountYen > 0 && r.dueAmountYen <= highYen);
  items.sort((a, b) => b.dueAmountYen - a.dueAmountYen);
  const suffix: number[] = new Array<number>(items.length + 1).fill(0);
  for (let i = items.length - 1; i >= 0; i -= 1)
    suffix[i] = (suffix[i + 1] ?? 0) + (items[i]?.dueAmountYen ?? 0);
  const fits: Receivable[][] = [];
  const chosen: Receivable[] = [];
  let steps = 0;
  let sizeCut = false;
  let stopped = false;
  const walk = (start: number, total: number): void => {
    for (let i = start; i < items.length && !stopped; i += 1) {
      steps += 1;
      if (steps > limits.combinationStepsMax) {
        stopped = true;
        limitsHit.push('combinationStepsMax');
        return;
      }
      if (total + (suffix[i] ?? 0) < lowYen) return;
      const item = items[i] as Receivable;
      const next = total + item.dueAmountYen;
      if (next > highYen) continue;
      chosen.push(item);
      if (next >= lowYen && chosen.length >= 2) {
        fits.push([...chosen]);
        if (fits.length >= fitsMax) {
          stopped = true;
          limitsHit.push('alternativesMax');
        }
      }
      if (chosen.length < limits.combinationSizeMax) walk(i + 1, next);
      else if (next < lowYen && i + 1 < items.length) sizeCut = true;
      chosen.pop();
    }
  };
  walk(0, 0);
  if (sizeCut && fits.length === 0) limitsHit.push('combinationSizeMax');
  return { fits, limitsHit };
}
