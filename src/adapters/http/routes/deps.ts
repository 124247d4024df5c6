// Builds use-case dependencies from a request's services.
import type { Context } from 'hono';
import type { TenancyDeps } from '../../../app/tenancy/service.js';
import type { AppEnv } from '../context.js';

export function tenancyDeps(c: Context<AppEnv>): TenancyDeps {
  const services = c.get('services');
  return { uow: services.tenancy, clock: services.clock, hasher: services.hasher };
}
