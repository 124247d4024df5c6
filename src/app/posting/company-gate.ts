// Fairness between companies inside one worker process: at most `perCompanyMax` posting runs of one
// company at once. A run over the bound is not waited for (that would hold a job slot and block the
// other companies behind it): its job is put back a little later, at most `deferralsMax` times.
export interface CompanyGate {
  /** Takes a place for the company, or null when it already has perCompanyMax runs here. */
  enter(companyId: string): (() => void) | null;
  running(companyId: string): number;
}

export function createCompanyGate(perCompanyMax: number): CompanyGate {
  if (!(Number.isInteger(perCompanyMax) && perCompanyMax >= 1))
    throw new RangeError(`perCompanyMax must be a positive integer, got ${perCompanyMax}`);
  const counts = new Map<string, number>();
  return {
    enter: (companyId) => {
      const count = counts.get(companyId) ?? 0;
      if (count >= perCompanyMax) return null;
      counts.set(companyId, count + 1);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        const now = (counts.get(companyId) ?? 1) - 1;
        if (now <= 0) counts.delete(companyId);
        else counts.set(companyId, now);
      };
    },
    running: (companyId) => counts.get(companyId) ?? 0,
  };
}

export type Admission =
  | { admitted: true; release(): Promise<void> }
  | {
      admitted: false;
      /** The end of freee's lock-out of the company; null = its places are taken. */
      until: Date | null;
      /** Rounds of the company's places before this run's turn (waiters ahead ÷ places); 0 = next. */
      roundsAhead: number;
    };

/** The store-day a run is for (its place in the company's waiting line). */
export interface RunKey {
  companyId: string;
  storeCode: string;
  businessDate: string;
}

/**
 * The same bound across every worker process (src/adapters/db/company-admission.ts): at most N runs
 * of one company at once over all processes, given to the store-days that have waited longest, and
 * none while the company is locked out by freee (403 throttle) — `until` is then the end of the
 * lock-out.
 */
export interface CompanyAdmission {
  admit(run: RunKey, now: Date): Promise<Admission>;
}
