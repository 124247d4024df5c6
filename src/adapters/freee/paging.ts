// Page walks over freee lists (offset/limit). Every walk has a maximum; reaching it with pages
// still coming is an error (FreeePagingLimitError), never a silent stop.
import { FreeePagingLimitError, type FreeeResult } from './failures.js';

export interface PageWalkOptions {
  /** Page size (freee: deals and wallet_txns ≤ 100, items/partners/tags ≤ 3000, segment tags ≤ 500). */
  limit: number;
  pagesMax: number;
}

export async function walkPages<T>(
  operation: string,
  fetchPage: (page: { offset: number; limit: number }) => Promise<FreeeResult<T[]>>,
  options: PageWalkOptions,
): Promise<FreeeResult<T[]>> {
  const items: T[] = [];
  for (let page = 0; page < options.pagesMax; page++) {
    const result = await fetchPage({ offset: page * options.limit, limit: options.limit });
    if (!result.ok) return result;
    items.push(...result.data);
    if (result.data.length < options.limit)
      return { ok: true, data: items, status: 200, requestId: result.requestId };
  }
  throw new FreeePagingLimitError(operation, options.pagesMax);
}
