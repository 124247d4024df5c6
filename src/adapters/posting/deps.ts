// Posting use-case dependencies built from a process's services (job worker, API, console, CLI).
// freee must be wired in the process (services.freee: server, `uriage worker`, CLI, tests).
import { AppError } from '../../app/errors.js';
import type { PostingDeps } from '../../app/posting/post-day.js';
import type { RequestDeps } from '../../app/posting/requests.js';
import type { ResultsDeps } from '../../app/posting/results.js';
import type { PostingSettingsDeps } from '../../app/posting/settings.js';
import { postingTimings, type PostingTimings } from '../../app/posting/timings.js';
import { postingSourcesOver, postingStoreOver } from '../db/posting-store.js';
import { dealUrlFor, postingConnectionsOver } from '../freee/posting-gateway.js';
import type { Services } from '../http/context.js';

export function timingsOf(services: Services): PostingTimings {
  return services.postingTimings ?? postingTimings();
}

export function postingDepsOf(services: Services): PostingDeps {
  const runtime = services.freee;
  if (!runtime)
    throw new AppError(
      'unavailable',
      'freee_unavailable_here',
      'このプロセスではfreee連携が設定されていません。',
    );
  return {
    store: postingStoreOver(services.pool),
    sources: postingSourcesOver(services.pool),
    connections: postingConnectionsOver(runtime),
    clock: services.clock,
    timings: timingsOf(services),
    log: {
      info: (fields, message) => services.logger.info(fields, message),
      warn: (fields, message) => services.logger.warn(fields, message),
    },
  };
}

export function postingSettingsDepsOf(services: Services): PostingSettingsDeps {
  return {
    store: postingStoreOver(services.pool),
    sources: postingSourcesOver(services.pool),
    clock: services.clock,
  };
}

export function postingResultsDepsOf(services: Services): ResultsDeps {
  return {
    store: postingStoreOver(services.pool),
    sources: postingSourcesOver(services.pool),
    dealUrl: dealUrlFor(services.freee),
  };
}

export function postingRequestDepsOf(services: Services): RequestDeps {
  if (!services.jobs)
    throw new AppError(
      'unavailable',
      'posting_queue_unavailable',
      '送信キューが動いていないため、再実行を受け付けられません。しばらくしてから再度お試しください。',
    );
  return {
    store: postingStoreOver(services.pool),
    sources: postingSourcesOver(services.pool),
    queue: services.jobs,
    clock: services.clock,
    timings: timingsOf(services),
  };
}
