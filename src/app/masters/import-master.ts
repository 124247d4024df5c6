// One master's import within a run: walk freee's pages (each endpoint's limit, our page maximum),
// store every page as it comes (what was imported stays when the run stops), pause on a throttle
// lock-out within a limit, and on a complete full read archive what freee no longer returns.
import {
  modeFor,
  pageLimits,
  pagesMax,
  segmentIds,
  type MasterName,
  type SyncMode,
} from '../../domain/masters/kinds.js';
import { disappearedKeys, dedupeByKey } from '../../domain/masters/records.js';
import type { MasterResult } from '../../domain/masters/results.js';
import type { Clock } from '../clock.js';
import { reasonFor } from './messages.js';
import type { MasterFailure, MasterPageRequest, MastersSource, MastersStore } from './ports.js';

export interface ImportLimits {
  /** Pauses after a 403 lock-out within one run before giving up. */
  throttlePausesMax: number;
  /** The longest single pause (freee: about 10 minutes). */
  throttleWaitMsMax: number;
  /** Smaller pages than freee's maximum (tests); capped at each endpoint's limit. */
  pageSizes?: Partial<Record<MasterName, number>>;
}

export const defaultImportLimits: ImportLimits = {
  throttlePausesMax: 3,
  throttleWaitMsMax: 15 * 60_000,
};

export interface ImportContext {
  store: MastersStore;
  source: MastersSource;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  limits: ImportLimits;
  companyId: string;
  /** The run's JST day: the next differential starts there (the boundary day is re-read). */
  runDate: string;
  /** Throttle pauses used so far in this run (shared by its masters). */
  pauses: { used: number };
}

/** How the master ended: complete, or stopped by a failure the run must react to. */
export interface MasterImport {
  result: MasterResult;
  stop: MasterFailure | null;
}

class WalkStopped extends Error {
  constructor(readonly failure: MasterFailure) {
    super(failure.message);
  }
}

export function pageLimitMessage(master: MasterName): string {
  return `ページ数の上限(${pagesMax}ページ)に達したため、${master} の取得を中断しました。`;
}

function pageSizeOf(limits: ImportLimits, master: MasterName): number | null {
  const max = pageLimits[master];
  if (max === null) return null;
  return Math.max(1, Math.min(limits.pageSizes?.[master] ?? max, max));
}

async function fetchWithPauses(ctx: ImportContext, request: MasterPageRequest) {
  for (;;) {
    const outcome = await ctx.source.fetchPage(request);
    if (outcome.ok || outcome.failure.kind !== 'throttled') return outcome;
    if (ctx.pauses.used >= ctx.limits.throttlePausesMax) return outcome;
    ctx.pauses.used += 1;
    const waitMs = Math.min(
      outcome.failure.retryAfterMs ?? ctx.limits.throttleWaitMsMax,
      ctx.limits.throttleWaitMsMax,
    );
    await ctx.sleep(waitMs);
  }
}

interface Walk {
  master: MasterName;
  segmentId?: 1 | 2 | 3;
  startUpdateDate: string | null;
  seen: Set<string>;
  result: MasterResult;
}

async function walkEndpoint(ctx: ImportContext, walk: Walk): Promise<'done' | 'unavailable'> {
  const limit = pageSizeOf(ctx.limits, walk.master);
  const key = {
    companyId: ctx.companyId,
    freeeCompanyId: ctx.source.freeeCompanyId,
    master: walk.master,
  };
  for (let page = 0; page < (limit === null ? 1 : pagesMax); page++) {
    const outcome = await fetchWithPauses(ctx, {
      master: walk.master,
      ...(walk.segmentId ? { segmentId: walk.segmentId } : {}),
      offset: limit === null ? 0 : page * limit,
      limit,
      startUpdateDate: walk.startUpdateDate,
    });
    if (!outcome.ok) {
      if (outcome.failure.kind === 'not_available') return 'unavailable';
      throw new WalkStopped(outcome.failure);
    }
    const fresh = dedupeByKey(outcome.records).filter((r) => !walk.seen.has(r.key));
    for (const r of fresh) walk.seen.add(r.key);
    walk.result.target += fresh.length + outcome.invalid.length;
    walk.result.succeeded += await ctx.store.upsertRecords(key, fresh, ctx.clock.now());
    walk.result.failed += outcome.invalid.length;
    walk.result.failures.push(...outcome.invalid);
    const returned = outcome.records.length + outcome.invalid.length;
    if (limit === null || returned < limit) return 'done';
  }
  throw new WalkStopped({
    kind: 'other',
    status: null,
    message: pageLimitMessage(walk.master),
    retryAfterMs: null,
  });
}

async function walkMaster(ctx: ImportContext, walk: Omit<Walk, 'segmentId'>): Promise<void> {
  if (walk.master !== 'segment_tags') {
    await walkEndpoint(ctx, walk);
    return;
  }
  for (const segmentId of segmentIds) {
    // A plan has segments 1..n: the first one it lacks ends the walk (not a failure).
    if ((await walkEndpoint(ctx, { ...walk, segmentId })) === 'unavailable') return;
  }
}

export async function importMaster(
  ctx: ImportContext,
  master: MasterName,
  lastImportDate: string | null,
  forceFull: boolean,
): Promise<MasterImport> {
  const mode: SyncMode = modeFor(master, lastImportDate, forceFull);
  const result: MasterResult = {
    master,
    mode,
    target: 0,
    succeeded: 0,
    failed: 0,
    archived: 0,
    failures: [],
  };
  const seen = new Set<string>();
  const startUpdateDate = mode === 'differential' ? lastImportDate : null;
  try {
    await walkMaster(ctx, { master, startUpdateDate, seen, result });
  } catch (error) {
    if (!(error instanceof WalkStopped)) throw error;
    result.failures.push(reasonFor(error.failure));
    return { result, stop: error.failure };
  }
  const key = { companyId: ctx.companyId, freeeCompanyId: ctx.source.freeeCompanyId, master };
  if (mode === 'full') {
    const gone = disappearedKeys(await ctx.store.activeKeys(key), seen);
    result.archived = await ctx.store.archive(key, gone, ctx.clock.now());
  }
  if (result.failed === 0) await ctx.store.setImportDate(key, ctx.runDate, ctx.clock.now());
  return { result, stop: null };
}
