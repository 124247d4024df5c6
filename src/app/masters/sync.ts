// A master-sync run for one company (spec master-sync.md): pick the connection (the schedule's, or
// the company's only one), one run per company at a time (a run due while one runs is skipped and
// recorded), import each master in turn, react to the failures of seed 003, record per-master
// results, and mail them to the admin who enabled the schedule.
import { masterNames, type MasterName } from '../../domain/masters/kinds.js';
import { businessDateIn } from '../../domain/calendar/store-zone.js';
import {
  resultMail,
  statusOf,
  type MasterResult,
  type RunStatus,
  type RunTrigger,
} from '../../domain/masters/results.js';
import type { Clock } from '../clock.js';
import type { AppLog } from '../log.js';
import type { Mailer } from '../mail/ports.js';
import {
  defaultImportLimits,
  importMaster,
  type ImportContext,
  type ImportLimits,
} from './import-master.js';
import { mastersMessages, reasonFor } from './messages.js';
import type {
  MasterFailure,
  MastersConnections,
  MastersSource,
  MastersStore,
  RunStart,
} from './ports.js';

export const mastersZone = 'Asia/Tokyo';
/** A run still "running" after this long was left by a dead worker. */
export const runStaleMs = 2 * 60 * 60_000;

export interface MastersDeps {
  store: MastersStore;
  connections: MastersConnections;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  mailer: Mailer | null;
  log: AppLog;
  companyName: (companyId: string) => Promise<string>;
  limits?: Partial<ImportLimits>;
}

export interface SyncRequest {
  companyId: string;
  trigger: RunTrigger;
  /** Default: all seven. */
  masters?: readonly MasterName[];
  full?: boolean;
  requestedBy: string;
  /** Told after each master: masters done of the run's (the CLI's progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface SyncOutcome {
  runId: string;
  status: RunStatus;
  reason: string | null;
  results: MasterResult[];
  /** freee calls made by the run. */
  calls: number;
}

async function chooseConnection(deps: MastersDeps, companyId: string): Promise<string | null> {
  const schedule = await deps.store.readSchedule(companyId);
  if (schedule) return schedule.connectionId;
  const usable = await deps.connections.connectionsOf(companyId);
  return usable[0]?.id ?? null;
}

interface Ran {
  status: RunStatus;
  reason: string | null;
  results: MasterResult[];
}

function stopStatus(failure: MasterFailure, anyImported: boolean): Ran['status'] {
  if (failure.kind === 'maintenance') return 'stopped';
  if ((failure.kind === 'auth' || failure.kind === 'disconnected') && !anyImported)
    return 'not_run';
  return 'failed';
}

async function runMasters(
  deps: MastersDeps,
  runId: string,
  source: MastersSource,
  request: SyncRequest,
  masters: readonly MasterName[],
): Promise<Ran> {
  const dates = await deps.store.importDates(request.companyId, source.freeeCompanyId);
  const ctx: ImportContext = {
    store: deps.store,
    source,
    clock: deps.clock,
    sleep: deps.sleep,
    limits: { ...defaultImportLimits, ...deps.limits },
    companyId: request.companyId,
    runDate: businessDateIn(deps.clock.now(), mastersZone),
    pauses: { used: 0 },
  };
  const results: MasterResult[] = [];
  request.onProgress?.(0, masters.length);
  for (const master of masters) {
    const { result, stop } = await importMaster(
      ctx,
      master,
      dates.get(master) ?? null,
      request.full ?? false,
    );
    results.push(result);
    await deps.store.saveResult(runId, result);
    request.onProgress?.(results.length, masters.length);
    if (stop && stop.kind !== 'other') {
      const anyImported = results.some((r) => r.succeeded > 0);
      const status = stopStatus(stop, anyImported);
      // Not run: what to do, and the results say nothing was imported.
      return {
        status,
        reason: reasonFor(status === 'not_run' ? { ...stop, kind: 'auth' } : stop),
        results,
      };
    }
  }
  return { status: statusOf(results, false), reason: null, results };
}

async function notify(
  deps: MastersDeps,
  companyId: string,
  run: Ran & { trigger: RunTrigger; startedAt: Date },
) {
  const schedule = await deps.store.readSchedule(companyId);
  if (!deps.mailer || !schedule?.notifyEmail) return;
  const mail = resultMail(await deps.companyName(companyId), {
    status: run.status,
    trigger: run.trigger,
    reason: run.reason,
    startedAt: `${businessDateIn(run.startedAt, mastersZone)} ${run.startedAt.toLocaleTimeString('ja-JP', { timeZone: mastersZone })}`,
    results: run.results,
  });
  try {
    await deps.mailer.send({ to: schedule.notifyEmail, ...mail });
  } catch (error) {
    deps.log.warn({ err: error, companyId }, 'master sync result mail failed');
  }
}

async function recordNotRun(
  deps: MastersDeps,
  start: RunStart,
  status: RunStatus,
  reason: string,
): Promise<SyncOutcome> {
  const runId = await deps.store.recordRun(start, status, reason, deps.clock.now());
  await notify(deps, start.companyId, {
    status,
    reason,
    results: [],
    trigger: start.trigger,
    startedAt: deps.clock.now(),
  });
  return { runId, status, reason, results: [], calls: 0 };
}

export async function syncMasters(deps: MastersDeps, request: SyncRequest): Promise<SyncOutcome> {
  const masters = [...(request.masters ?? masterNames)];
  const start: RunStart = {
    companyId: request.companyId,
    trigger: request.trigger,
    full: request.full ?? false,
    masters,
    connectionId: null,
    freeeCompanyId: null,
    requestedBy: request.requestedBy,
  };
  const connectionId = await chooseConnection(deps, request.companyId);
  if (!connectionId) return recordNotRun(deps, start, 'skipped', mastersMessages.noConnection);
  start.connectionId = connectionId;
  const opened = await deps.connections.open(request.companyId, connectionId);
  if (!opened.ok) return recordNotRun(deps, start, opened.status, opened.message);
  start.freeeCompanyId = opened.source.freeeCompanyId;
  const now = deps.clock.now();
  await deps.store.failStaleRuns(
    request.companyId,
    new Date(now.getTime() - runStaleMs),
    mastersMessages.stale,
  );
  const runId = await deps.store.beginRun(start, now);
  if (!runId) return recordNotRun(deps, start, 'skipped', mastersMessages.busy);
  let ran: Ran;
  try {
    ran = await runMasters(deps, runId, opened.source, request, masters);
  } catch (error) {
    await deps.store.finishRun(
      runId,
      'failed',
      '同期中に予期しないエラーが発生しました。',
      deps.clock.now(),
    );
    throw error;
  }
  await deps.store.finishRun(runId, ran.status, ran.reason, deps.clock.now());
  await notify(deps, request.companyId, { ...ran, trigger: request.trigger, startedAt: now });
  return { runId, ...ran, calls: opened.source.calls() };
}
