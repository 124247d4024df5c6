// What master sync needs from outside: a source of freee master pages for one connection, the
// connections a company has, and storage (records, import dates, schedule, runs).
import type { MasterName } from '../../domain/masters/kinds.js';
import type { MasterRecord } from '../../domain/masters/records.js';
import type { MasterResult, RunStatus, RunTrigger } from '../../domain/masters/results.js';

/** Why a call failed, as the run needs to know it (seed 003's failure table). */
export type MasterFailureKind =
  /** 503: freee maintenance — the run stops, the next run continues. */
  | 'maintenance'
  /** 403 lock-out: pause, then resume. */
  | 'throttled'
  /** The connection was removed, expired or lost its rights (401, invalid_grant …). */
  | 'disconnected'
  /** Other 401/403 answers (認証エラー, IP制限). */
  | 'auth'
  /** The plan does not include this segment. */
  | 'not_available'
  | 'other';

export interface MasterFailure {
  kind: MasterFailureKind;
  status: number | null;
  /** Japanese, freee's message when it gave one. */
  message: string;
  retryAfterMs: number | null;
}

export interface MasterPageRequest {
  master: MasterName;
  segmentId?: 1 | 2 | 3;
  offset: number;
  /** null: the endpoint has no paging. */
  limit: number | null;
  /** JST day; null = everything. */
  startUpdateDate: string | null;
}

export type PageOutcome =
  { ok: true; records: MasterRecord[]; invalid: string[] } | { ok: false; failure: MasterFailure };

export interface MastersSource {
  readonly freeeCompanyId: number;
  fetchPage(request: MasterPageRequest): Promise<PageOutcome>;
  /** freee calls made so far. */
  calls(): number;
}

export interface UsableConnection {
  id: string;
  freeeCompanyId: number;
  freeeCompanyName: string;
}

export type SourceOutcome =
  | { ok: true; source: MastersSource }
  /** skipped: 対象外 (no connection); not_run: the connection cannot be used (what to do in message). */
  | { ok: false; status: 'skipped' | 'not_run'; message: string };

export interface MastersConnections {
  /** Connections not 連携解除 (an expired one is listed: its run is not_run with what to do). */
  connectionsOf(companyId: string): Promise<UsableConnection[]>;
  open(companyId: string, connectionId: string): Promise<SourceOutcome>;
}

export interface MasterSchedule {
  companyId: string;
  enabled: boolean;
  hour: number;
  connectionId: string;
  enabledByStaffId: string | null;
  enabledByLabel: string;
  notifyEmail: string;
  updatedAt: Date;
}

export interface StoredRecord {
  key: string;
  code: string | null;
  name: string;
  available: boolean | null;
  archived: boolean;
  updateDate: string | null;
  data: Record<string, unknown>;
}

export interface RunStart {
  companyId: string;
  trigger: RunTrigger;
  full: boolean;
  masters: MasterName[];
  connectionId: string | null;
  freeeCompanyId: number | null;
  requestedBy: string;
}

export interface RunView extends RunStart {
  id: string;
  status: RunStatus;
  reason: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  results: MasterResult[];
}

export interface MastersStore {
  importDates(companyId: string, freeeCompanyId: number): Promise<Map<MasterName, string>>;
  setImportDate(
    key: { companyId: string; freeeCompanyId: number; master: MasterName },
    date: string | null,
    now: Date,
  ): Promise<void>;
  upsertRecords(
    key: { companyId: string; freeeCompanyId: number; master: MasterName },
    records: readonly MasterRecord[],
    now: Date,
  ): Promise<number>;
  /** Keys of records not archived. */
  activeKeys(key: {
    companyId: string;
    freeeCompanyId: number;
    master: MasterName;
  }): Promise<string[]>;
  archive(
    key: { companyId: string; freeeCompanyId: number; master: MasterName },
    keys: readonly string[],
    now: Date,
  ): Promise<number>;
  /** Inserts a running run; null when another run of the company is running (one at a time). */
  beginRun(start: RunStart, now: Date): Promise<string | null>;
  /** A run that did not run (skipped / not_run), recorded as finished. */
  recordRun(start: RunStart, status: RunStatus, reason: string, now: Date): Promise<string>;
  saveResult(runId: string, result: MasterResult): Promise<void>;
  finishRun(runId: string, status: RunStatus, reason: string | null, now: Date): Promise<void>;
  /** Marks runs left running since before `before` (a crashed worker) as failed. */
  failStaleRuns(companyId: string, before: Date, reason: string): Promise<number>;
  listRuns(companyId: string, limit: number): Promise<RunView[]>;
  findRun(companyId: string, runId: string): Promise<RunView | null>;
  readSchedule(companyId: string): Promise<MasterSchedule | null>;
  saveSchedule(schedule: MasterSchedule): Promise<void>;
  enabledSchedulesAt(hour: number): Promise<MasterSchedule[]>;
  /** The 事業所 whose masters the company uses now: the last run's; null before any. */
  currentFreeeCompanyId(companyId: string): Promise<number | null>;
  listRecords(
    companyId: string,
    freeeCompanyId: number,
    master: MasterName,
    limit: number,
  ): Promise<StoredRecord[]>;
}
