// freee takes at most 100 details per deal (dealCreateParams.details, API-NOTES §5).
// Rule `detailsMaxPerDeal`: an entry with more lines is cut, in line order, into parts of at most
// 100 lines; part 1 keeps the entry's key, part n ≥ 2 gets `<key>#<n>` (entry-keys.ts). Each part is
// a deal of its own: an unsettled part keeps the partner and due date (the method's receivable is
// the sum of its parts), a cash part is settled for its own total (the cash 口座 moves by the sum).
// Our shapes have at most 8 lines per deal (3 sales + nonSales + voucher + drawer in/out + 過不足),
// so the rule is a guard that a future shape cannot break freee's limit.
import type { DraftEntry } from './draft-deal.js';
import { entryKey, parseEntryKey } from './entry-keys.js';

export const detailsMaxPerDeal = 100;

export function splitDraft(
  draft: DraftEntry,
  detailsMax: number = detailsMaxPerDeal,
): DraftEntry[] {
  if (!Number.isInteger(detailsMax) || detailsMax < 1)
    throw new RangeError(`detailsMax must be a positive integer, got ${detailsMax}`);
  if (draft.lines.length <= detailsMax) return [draft];
  const parsed = parseEntryKey(draft.key);
  if (parsed === null || parsed.part !== 1) throw new RangeError(`cannot split entry ${draft.key}`);
  const parts: DraftEntry[] = [];
  for (let start = 0; start < draft.lines.length; start += detailsMax) {
    const part = parts.length + 1;
    parts.push({
      ...draft,
      key: entryKey({ ...parsed, part }),
      lines: draft.lines.slice(start, start + detailsMax),
    });
  }
  return parts;
}
