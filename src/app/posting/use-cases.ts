// Posting's use cases bound once to their ports. Posting itself needs freee (null where the process
// has none); 再実行 needs the job queue (null where the process runs none).
import { bindAll } from '../bind.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { JobQueue } from '../jobs/ports.js';
import { heldDealsOfDay } from './held.js';
import type { PostingConnections, PostingSources, PostingStore } from './ports.js';
import {
  postStoreDay,
  type PostingDeps,
  type PostingLog,
  type PostingRequest,
} from './post-day.js';
import { postingQueries } from './queries.js';
import { requestPosting, scheduleRetry, type RangeRequest } from './requests.js';
import { compareWithReports, listPostingResults, type ResultsDeps } from './results.js';
import { getPostingSettings, savePostingSettings, type PostingSettingsDeps } from './settings.js';
import type { PostingTimings } from './timings.js';

export interface PostingPorts {
  store: PostingStore;
  sources: PostingSources;
  /** null: freee連携 is not available in this process. */
  connections: PostingConnections | null;
  queue: JobQueue | null;
  clock: Clock;
  timings: PostingTimings;
  log: PostingLog;
  dealUrl: ResultsDeps['dealUrl'];
  /** The synced freee masters the settings are checked against on save (マスター同期). */
  syncedNames?: PostingSettingsDeps['syncedNames'];
}

const freeeUnavailable = () =>
  new AppError(
    'unavailable',
    'freee_unavailable_here',
    'このプロセスではfreee連携が設定されていません。',
  );

const queueUnavailable = () =>
  new AppError(
    'unavailable',
    'posting_queue_unavailable',
    '送信キューが動いていないため、再実行を受け付けられません。しばらくしてから再度お試しください。',
  );

function postingDepsOf(ports: PostingPorts): PostingDeps {
  if (!ports.connections) throw freeeUnavailable();
  const { store, sources, connections, clock, timings, log } = ports;
  return { store, sources, connections, clock, timings, log };
}

/** Posts one closed day now (in this process); a day that must wait is queued with its retry time. */
async function postDayNow(ports: PostingPorts, request: PostingRequest) {
  const outcome = await postStoreDay(postingDepsOf(ports), request);
  if (outcome.retryAt && (outcome.status === 'retry_wait' || outcome.status === 'busy')) {
    if (!ports.queue) throw queueUnavailable();
    await scheduleRetry(
      ports.queue,
      ports.clock,
      request,
      outcome.retryAt,
      ports.timings.jobExpireSeconds,
    );
  }
  return outcome;
}

export function bindPosting(ports: PostingPorts) {
  const { store, sources, clock, timings } = ports;
  return Object.freeze({
    queries: postingQueries(sources),
    ...bindAll(
      { store, sources, clock, ...(ports.syncedNames ? { syncedNames: ports.syncedNames } : {}) },
      { getPostingSettings, savePostingSettings },
    ),
    ...bindAll({ store, sources, dealUrl: ports.dealUrl }, { listPostingResults }),
    ...bindAll({ sources }, { compareWithReports }),
    requestPosting: (request: RangeRequest) => {
      if (!ports.queue) throw queueUnavailable();
      return requestPosting({ store, sources, queue: ports.queue, clock, timings }, request);
    },
    heldDeals: (companyId: string, storeCode: string, businessDate: string) =>
      heldDealsOfDay(
        { sources, connections: postingDepsOf(ports).connections },
        companyId,
        storeCode,
        businessDate,
      ),
    postDayNow: (request: PostingRequest) => postDayNow(ports, request),
  });
}

export type PostingApp = ReturnType<typeof bindPosting>;
