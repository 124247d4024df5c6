// The masters of a freee 事業所 (GET companies/{id} + GET taxes/companies), kept a short while per
// process and reused by the next runs of the same company (issue 15: a night posts many store-days of
// one 事業所 within minutes; 2 of the ~4 calls per store-day were these reads). Never trusted for
// long: read afresh after `freshMs`, on a run's second reading (a 品目 / 取引先 refused), and the
// entry is dropped when a run created masters or ended other than 送信済.
import type { FreeeCompanyInfo } from './ports.js';

/** How long the masters of a 事業所 are reused (a master renamed in freee meanwhile: the write is refused, then read afresh). */
export const companyInfoFreshMs = 60_000;
/** 事業所 kept at once per process (the oldest goes first). */
export const companyInfoEntriesMax = 1_000;

export interface CompanyInfoCache {
  get(key: string, now: Date): FreeeCompanyInfo | null;
  put(key: string, info: FreeeCompanyInfo, now: Date): void;
  forget(key: string): void;
}

export function createCompanyInfoCache(freshMs = companyInfoFreshMs): CompanyInfoCache {
  const entries = new Map<string, { info: FreeeCompanyInfo; readAtMs: number }>();
  return {
    get: (key, now) => {
      const entry = entries.get(key);
      if (!entry) return null;
      if (now.getTime() - entry.readAtMs >= freshMs || now.getTime() < entry.readAtMs) {
        entries.delete(key);
        return null;
      }
      return entry.info;
    },
    put: (key, info, now) => {
      entries.delete(key);
      entries.set(key, { info, readAtMs: now.getTime() });
      while (entries.size > companyInfoEntriesMax) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    forget: (key) => {
      entries.delete(key);
    },
  };
}
