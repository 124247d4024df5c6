// PrintJobStore over PostgreSQL (table print_jobs, schema/report.ts). Every method is one statement;
// none runs in a transaction, so a print never holds a connection while it talks to a printer.
import type {
  NewPrintJob,
  PrintJobRecord,
  PrintJobSource,
  PrintJobStatus,
  PrintJobStore,
} from '../../app/report/ports.js';
import type { Queryable } from './unit-of-work.js';

interface PrintJobRow {
  id: string;
  company_id: string;
  store_id: string;
  store_code: string;
  business_date: string;
  close_version: number | null;
  source: PrintJobSource;
  requested_by: string;
  event_id: string | null;
  status: PrintJobStatus;
  queue_job_id: string | null;
  attempts: number;
  attempts_max: number;
  reason: string | null;
  error_detail: string | null;
  printer_address: string | null;
  created_at: Date;
  updated_at: Date;
  printed_at: Date | null;
}

const columns = `j.id, j.company_id, j.store_id, s.code as store_code, j.business_date, j.close_version, j.source, j.requested_by, j.event_id,
  j.status, j.queue_job_id, j.attempts, j.attempts_max, j.reason, j.error_detail, j.printer_address, j.created_at, j.updated_at, j.printed_at`;

const toRecord = (r: PrintJobRow): PrintJobRecord => ({
  id: r.id,
  companyId: r.company_id,
  storeId: r.store_id,
  storeCode: r.store_code,
  businessDate: r.business_date,
  closeVersion: r.close_version,
  source: r.source,
  requestedBy: r.requested_by,
  eventId: r.event_id,
  status: r.status,
  queueJobId: r.queue_job_id,
  attempts: r.attempts,
  attemptsMax: r.attempts_max,
  reason: r.reason,
  errorDetail: r.error_detail,
  printerAddress: r.printer_address,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  printedAt: r.printed_at,
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type FindOne = (where: string, values: unknown[]) => Promise<PrintJobRecord | null>;

export function printJobStoreOver(client: Queryable): PrintJobStore {
  const one: FindOne = async (where, values) => {
    const { rows } = await client.query<PrintJobRow>(
      `select ${columns} from print_jobs j join stores s on s.id = j.store_id where ${where} limit 1`,
      values,
    );
    return rows[0] ? toRecord(rows[0]) : null;
  };
  return {
    insert: (job: NewPrintJob) => insertJob(client, one, job),
    get: async (companyId, id) =>
      uuidPattern.test(id) ? one('j.company_id = $1 and j.id = $2', [companyId, id]) : null,
    findPending: (storeId, businessDate, closeVersion, since) =>
      one(
        `j.store_id = $1 and j.business_date = $2::date and j.close_version is not distinct from $3::integer
         and j.status in ('queued','printing','retrying') and j.created_at >= $4 order by j.seq desc`,
        [storeId, businessDate, closeVersion, since],
      ),
    listForDay: async (companyId, storeId, businessDate, limit) => {
      const { rows } = await client.query<PrintJobRow>(
        `select ${columns} from print_jobs j join stores s on s.id = j.store_id
          where j.company_id = $1 and j.store_id = $2 and j.business_date = $3::date order by j.seq desc limit $4`,
        [companyId, storeId, businessDate, limit],
      );
      return rows.map(toRecord);
    },
    ...statusOpsOver(client),
  };
}

/** Inserts the job of an event once: a second delivery of the event finds the first job. */
async function insertJob(client: Queryable, one: FindOne, job: NewPrintJob) {
  const { rows } = await client.query<{ id: string }>(
    `insert into print_jobs (company_id, store_id, business_date, close_version, source, requested_by, event_id, status, attempts, attempts_max, created_at, updated_at)
     values ($1, $2, $3::date, $4, $5, $6, $7, 'queued', 0, $8, $9, $9)
     on conflict (event_id) do nothing returning id`,
    [
      job.companyId,
      job.storeId,
      job.businessDate,
      job.closeVersion,
      job.source,
      job.requestedBy,
      job.eventId,
      job.attemptsMax,
      job.now,
    ],
  );
  const insertedId = rows[0]?.id;
  const found = insertedId
    ? await one('j.id = $1', [insertedId])
    : await one('j.event_id = $1', [job.eventId]);
  if (!found)
    throw new Error(`print job for event ${job.eventId ?? '(none)'} neither inserted nor found`);
  return { job: found, created: insertedId !== undefined };
}

/** The worker's progress marks on a job (a printed job stays printed). */
function statusOpsOver(
  client: Queryable,
): Pick<PrintJobStore, 'setQueueJobId' | 'markPrinting' | 'markPrinted' | 'markFailed'> {
  return {
    setQueueJobId: async (id, queueJobId, now) => {
      await client.query('update print_jobs set queue_job_id = $2, updated_at = $3 where id = $1', [
        id,
        queueJobId,
        now,
      ]);
    },
    markPrinting: async (id, attempt, now) => {
      await client.query(
        `update print_jobs set status = 'printing', attempts = greatest(attempts, $2), updated_at = $3 where id = $1 and status <> 'printed'`,
        [id, attempt, now],
      );
    },
    markPrinted: async (id, printerAddress, now) => {
      await client.query(
        `update print_jobs set status = 'printed', reason = null, printer_address = $2, printed_at = $3, updated_at = $3 where id = $1`,
        [id, printerAddress, now],
      );
    },
    markFailed: async (id, failure, now) => {
      await client.query(
        `update print_jobs set status = $2, reason = $3, error_detail = $4, printer_address = coalesce($5, printer_address), updated_at = $6
          where id = $1 and status <> 'printed'`,
        [
          id,
          failure.final ? 'failed' : 'retrying',
          failure.reason,
          failure.detail.slice(0, 2000),
          failure.printerAddress,
          now,
        ],
      );
    },
  };
}
