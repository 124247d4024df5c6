// What HTTP handlers can reach: the wired services and the authenticated principal.
import type { Clock } from '../../app/clock.js';
import type { JobQueue } from '../../app/jobs/ports.js';
import type { AccessStore } from '../../app/auth/ports.js';
import type { StaffMember } from '../../app/tenancy/model.js';
import type { PasswordHasher, TenancyUnitOfWork } from '../../app/tenancy/ports.js';
import type { Pool } from '../db/pool.js';
import type { FreeeRuntime } from '../freee/runtime.js';
import type { PostingTimings } from '../../app/posting/timings.js';
import type { Logger } from '../log/logger.js';

export interface Services {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  hasher: PasswordHasher;
  tenancy: TenancyUnitOfWork;
  access: AccessStore;
  /** Background jobs (pg-boss); null where no queue runs (e.g. a read-only CLI command). */
  jobs: JobQueue | null;
  /** Secure cookies (set when served behind https). */
  secureCookies: boolean;
  /** freee連携 (set by wireFreee in the server, by the CLI and tests); absent = not available here. */
  freee?: FreeeRuntime;
  /** Posting's waits (config URIAGE_POSTING_TIME_SCALE, URIAGE_FREEE_TIMEOUT_MS); absent = production defaults. */
  postingTimings?: PostingTimings;
}

export type Principal =
  | { kind: 'staff'; companyId: string; staff: StaffMember; csrfToken: string }
  | { kind: 'register'; companyId: string; storeCode: string; registerCode: string };

export interface AppEnv {
  Variables: {
    services: Services;
    principal: Principal | undefined;
  };
}
