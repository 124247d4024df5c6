// Builds the services of one process from a database pool: the only place adapters meet use cases.
import type { Clock } from './app/clock.js';
import type { JobQueue } from './app/jobs/ports.js';
import type { PostingTimings } from './app/posting/timings.js';
import { argon2Hasher } from './adapters/crypto/argon2-hasher.js';
import { accessStoreOver } from './adapters/db/access-store.js';
import type { Pool } from './adapters/db/pool.js';
import { tenancyUnitOfWork } from './adapters/db/tenancy-store.js';
import type { Services } from './adapters/http/context.js';
import type { Logger } from './adapters/log/logger.js';

export function buildServices(deps: {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  secureCookies?: boolean;
  jobs?: JobQueue | null;
  postingTimings?: PostingTimings;
}): Services {
  return {
    pool: deps.pool,
    clock: deps.clock,
    logger: deps.logger,
    hasher: argon2Hasher,
    tenancy: tenancyUnitOfWork(deps.pool),
    access: accessStoreOver(deps.pool),
    jobs: deps.jobs ?? null,
    secureCookies: deps.secureCookies ?? false,
    ...(deps.postingTimings ? { postingTimings: deps.postingTimings } : {}),
  };
}
