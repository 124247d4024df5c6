// What every sandbox route gets: its dependencies and, behind bearer auth, who is calling.
import type { HttpBindings } from '@hono/node-server';
import type { Clock } from '../ports.js';
import type { Pool } from '../ports.js';
import type { SandboxDb } from '../db/database.js';
import type { FaultPlan } from '../faults.js';
import type { ServicePlan } from '../service.js';

export interface SandboxDeps {
  pool: Pool;
  clock: Clock;
  db: SandboxDb;
  faults?: FaultPlan | undefined;
  service?: ServicePlan | undefined;
  serviceClock?: Clock | undefined;
  baseUrl?: string | undefined;
}

export interface SandboxAuth {
  tokenId: number;
  userId: number;
  clientId: string;
  companyId: number;
}

export interface SandboxEnv {
  /** Present when served by @hono/node-server; absent for app.request() in process. */
  Bindings: Partial<HttpBindings>;
  Variables: { auth: SandboxAuth };
}
