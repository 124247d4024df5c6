// MastersStore over PostgreSQL: records and import dates (masters-records-store.ts), runs with
// their per-master results, and the schedule. One statement per method; the partial unique index
// master_sync_runs_one_running keeps one running run per company.
import type { MasterName } from '../../domain/masters/kinds.js';
import type { MasterResult, RunStatus, RunTrigger } from '../../domain/masters/results.js';
import type { MastersStore, RunStart, RunView } from '../../app/masters/ports.js';
import { masterRecordsOver } from './masters-records-store.js';
import { masterSchedulesOver } from './masters-schedule-store.js';
import type { Pool } from './pool.js';

interface RunRow {
  id: string;
  company_id: string;
  trigger: RunTrigger;
  status: RunStatus;
  full: boolean;
  masters: MasterName[];
  connection_id: string | null;
  freee_company_id: number | null;
  requested_by: string;
  reason: string | null;
  started_at: Date;
  finished_at: Date | null;
  results: MasterResult[] | null;
}

const runSelect = `select r.*, (select jsonb_agg(jsonb_build_object(
    'master', s.master, 'mode', s.mode, 'target', s.target, 'succeeded', s.succeeded,
    'failed', s.failed, 'archived', s.archived, 'failures', s.failures))
    from master_sync_results s where s.run_id = r.id) as results
  from master_sync_runs r`;

function runView(row: RunRow): RunView {
  return {
    id: row.id,
    companyId: row.company_id,
    trigger: row.trigger,
    status: row.status,
    full: row.full,
    masters: row.masters,
    connectionId: row.connection_id,
    freeeCompanyId: row.freee_company_id,
    requestedBy: row.requested_by,
    reason: row.reason,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    results: row.results ?? [],
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

const insertRun = `insert into master_sync_runs
  (company_id, trigger, status, "full", masters, connection_id, freee_company_id, requested_by,
   reason, started_at, finished_at)
  values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11) returning id`;

export function mastersStoreOver(pool: Pool): MastersStore {
  return {
    ...masterRecordsOver(pool),
    ...masterSchedulesOver(pool),
    ...runWritesOver(pool),
    ...runQueriesOver(pool),
  };
}

function runArgs(
  s: RunStart,
  status: RunStatus,
  reason: string | null,
  startedAt: Date,
  finishedAt: Date | null,
): unknown[] {
  return [
    s.companyId,
    s.trigger,
    status,
    s.full,
    JSON.stringify(s.masters),
    s.connectionId,
    s.freeeCompanyId,
    s.requestedBy,
    reason,
    startedAt,
    finishedAt,
  ];
}

type RunWrites = Pick<
  MastersStore,
  'beginRun' | 'recordRun' | 'saveResult' | 'finishRun' | 'failStaleRuns'
>;

function runWritesOver(pool: Pool): RunWrites {
  return {
    beginRun: async (s, now) => {
      try {
        const row = await pool.query<{ id: string }>(
          insertRun,
          runArgs(s, 'running', null, now, null),
        );
        return row.rows[0]?.id ?? null;
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
    recordRun: async (s, status, reason, now) => {
      const row = await pool.query<{ id: string }>(insertRun, runArgs(s, status, reason, now, now));
      return (row.rows[0] as { id: string }).id;
    },
    saveResult: async (runId, r) => {
      await pool.query(
        `insert into master_sync_results (run_id, master, mode, target, succeeded, failed, archived, failures)
         values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
        [
          runId,
          r.master,
          r.mode,
          r.target,
          r.succeeded,
          r.failed,
          r.archived,
          JSON.stringify(r.failures),
        ],
      );
    },
    finishRun: async (runId, status, reason, now) => {
      await pool.query(
        `update master_sync_runs set status = $2, reason = $3, finished_at = $4 where id = $1`,
        [runId, status, reason, now],
      );
    },
    failStaleRuns: async (companyId, before, reason) => {
      const result = await pool.query(
        `update master_sync_runs set status = 'failed', reason = $3, finished_at = now()
          where company_id = $1 and status = 'running' and started_at < $2`,
        [companyId, before, reason],
      );
      return result.rowCount ?? 0;
    },
  };
}

function runQueriesOver(
  pool: Pool,
): Pick<MastersStore, 'listRuns' | 'findRun' | 'currentFreeeCompanyId'> {
  return {
    listRuns: async (companyId, limit) => {
      const rows = await pool.query<RunRow>(
        `${runSelect} where r.company_id = $1 order by r.started_at desc, r.id limit $2`,
        [companyId, limit],
      );
      return rows.rows.map(runView);
    },
    findRun: async (companyId, runId) => {
      const rows = await pool.query<RunRow>(`${runSelect} where r.company_id = $1 and r.id = $2`, [
        companyId,
        runId,
      ]);
      return rows.rows[0] ? runView(rows.rows[0]) : null;
    },
    currentFreeeCompanyId: async (companyId) => {
      const rows = await pool.query<{ freee_company_id: number }>(
        `select freee_company_id from master_sync_runs
          where company_id = $1 and freee_company_id is not null
          order by started_at desc limit 1`,
        [companyId],
      );
      return rows.rows[0]?.freee_company_id ?? null;
    },
  };
}

/** The company's name for the result mail (its code when it has none). */
export function companyNameOver(pool: Pool): (companyId: string) => Promise<string> {
  return async (companyId) => {
    const rows = await pool.query<{ name: string; code: string }>(
      'select name, code from companies where id = $1',
      [companyId],
    );
    return rows.rows[0]?.name || rows.rows[0]?.code || companyId;
  };
}
