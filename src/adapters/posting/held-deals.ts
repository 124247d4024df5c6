// heldDealsOfDay wired from a process's services (API, CLI).
import { heldDealsOfDay } from '../../app/posting/held.js';
import type { Services } from '../http/context.js';
import { postingDepsOf } from './deps.js';

export function heldDealsOf(
  services: Services,
  companyId: string,
  storeCode: string,
  businessDate: string,
) {
  const deps = postingDepsOf(services);
  return heldDealsOfDay(
    { sources: deps.sources, connections: deps.connections },
    companyId,
    storeCode,
    businessDate,
  );
}
