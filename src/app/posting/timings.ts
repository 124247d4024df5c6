// How long posting waits, all in one place. Defaults are for real freee; `scaled` shrinks them for
// fault runs and tests (URIAGE_POSTING_TIME_SCALE), keeping the orderings that exactly-once needs:
//   lease ≥ 2 × settle: a run that lost its lease cannot still have a write in flight when another
//     run looks the deal up; the lease is renewed before every write;
//   settle ≥ 2 × request timeout: after an ambiguous write (no answer) the lookup waits until any
//     request still held by freee has been processed or dropped;
//   job expiry ≥ 2 × lease: pg-boss hands a job on only after a killed worker's lease has ended.
export interface PostingTimings {
  /** After a 403 lock-out (freee: about 10 minutes). */
  throttleWaitMs: number;
  /** After a 503 (maintenance). */
  maintenanceWaitMs: number;
  /** First wait after a read without an answer or a 5xx; doubles per retry up to `retryWaitMaxMs`. */
  retryWaitMs: number;
  retryWaitMaxMs: number;
  /** After a write whose answer was lost, before looking it up in freee. */
  settleMs: number;
  /** A run's hold on its store-day. */
  leaseMs: number;
  /** pg-boss expireInSeconds of a posting job. */
  jobExpireSeconds: number;
  /** Automatic retries before the day is 失敗 (re-runnable). */
  autoRetriesMax: number;
}

export const realFreeeWaits = {
  throttleWaitMs: 11 * 60_000,
  maintenanceWaitMs: 5 * 60_000,
  retryWaitMs: 30_000,
  retryWaitMaxMs: 30 * 60_000,
  settleMs: 2 * 60_000,
};

export function postingTimings(
  options: { scale?: number; requestTimeoutMs?: number } = {},
): PostingTimings {
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1))
    throw new RangeError(`posting time scale must be in (0, 1], got ${scale}`);
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const scaled = (ms: number) => Math.max(1, Math.round(ms * scale));
  const settleMs = Math.max(scaled(realFreeeWaits.settleMs), 2 * requestTimeoutMs);
  const leaseMs = Math.max(scaled(5 * 60_000), 2 * settleMs);
  return {
    throttleWaitMs: scaled(realFreeeWaits.throttleWaitMs),
    maintenanceWaitMs: scaled(realFreeeWaits.maintenanceWaitMs),
    retryWaitMs: scaled(realFreeeWaits.retryWaitMs),
    retryWaitMaxMs: scaled(realFreeeWaits.retryWaitMaxMs),
    settleMs,
    leaseMs,
    jobExpireSeconds: Math.max(Math.ceil((2 * leaseMs) / 1000), scale === 1 ? 15 * 60 : 1),
    autoRetriesMax: 30,
  };
}
