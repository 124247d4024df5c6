// The COPY baselines of the ingest bench (ingest.bench.ts) through `psql \copy`: each timed
// `runs` times into a fresh table shaped like `checkouts` after the caller's settle (VACUUM
// ANALYZE + CHECKPOINT); the median is the figure. Null when psql is not installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyField } from '../src/adapters/db/checkout-copy-text.js';

export interface BaselineRow {
  id: string;
  total: number;
  completedAt: string;
  document: string;
  hash: string;
}

/** The median of the timings (the middle one of an odd count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

type Psql = (sql: string) => void;

/** `work` with a fresh temporary directory, removed afterwards whatever happens. */
async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'uriage-bench-copy-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function psqlOver(databaseUrl: string): Psql | null {
  if (spawnSync('psql', ['--version']).status !== 0) return null;
  return (sql) => {
    const done = spawnSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], {
      encoding: 'utf8',
    });
    if (done.status !== 0) throw new Error(done.stderr);
  };
}

/** `runs` COPYs of `path` into a fresh table shaped like checkouts, each after `settle`: the median. */
async function copyRunsMs(
  runs: number,
  psql: Psql,
  settle: () => Promise<void>,
  table: string,
  copySql: (table: string) => string,
): Promise<number> {
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    psql(`drop table if exists ${table}`);
    psql(`create table ${table} (like checkouts including all)`);
    await settle();
    const started = performance.now();
    psql(copySql(table));
    timings.push(performance.now() - started);
  }
  return median(timings);
}

/** COPY FROM STDIN through psql (null when psql is missing). The file is written before timing. */
export async function psqlCopyMs(
  databaseUrl: string,
  settle: () => Promise<void>,
  place: { companyId: string; storeId: string; registerId: string },
  rows: readonly BaselineRow[],
  runs: number,
): Promise<number | null> {
  const psql = psqlOver(databaseUrl);
  if (psql === null) return null;
  return inTempDir(async (dir) => {
    const path = join(dir, 'rows.tsv');
    const now = new Date().toISOString();
    writeFileSync(
      path,
      rows
        .map((r) =>
          [
            place.companyId,
            r.id,
            '1',
            place.storeId,
            place.registerId,
            '2025-01-10',
            'completed',
            r.completedAt,
            String(r.total),
            '\\N',
            copyField(r.document),
            r.hash,
            now,
          ].join('\t'),
        )
        .join('\n') + '\n',
    );
    return await copyRunsMs(
      runs,
      psql,
      settle,
      'bench_copy_baseline',
      (table) =>
        `\\copy ${table} (company_id, checkout_id, revision, store_id, register_id, business_date, status, completed_at, total_yen, redoes, document, content_hash, received_at) from '${path}'`,
    );
  });
}

/**
 * COPY of the rows exactly as the ingest stored them (every column: the figure columns the report
 * sums are part of each row Uriage writes; the baseline above leaves them NULL). The rows are
 * copied out of `checkouts` untimed, then COPY FROM into an empty table shaped like it is timed.
 * Null when psql is missing. Returns the time scaled to `scaledToRows` rows.
 */
export async function psqlCopyStoredMs(
  databaseUrl: string,
  settle: () => Promise<void>,
  runs: number,
  scaledToRows: number,
): Promise<number | null> {
  const psql = psqlOver(databaseUrl);
  if (psql === null) return null;
  return inTempDir(async (dir) => {
    const path = join(dir, 'stored.tsv');
    psql(`\\copy (select * from checkouts) to '${path}'`);
    const rowCount = readFileSync(path, 'utf8').split('\n').length - 1;
    const elapsedMs = await copyRunsMs(
      runs,
      psql,
      settle,
      'bench_copy_stored',
      (table) => `\\copy ${table} from '${path}'`,
    );
    return (elapsedMs * scaledToRows) / rowCount;
  });
}
