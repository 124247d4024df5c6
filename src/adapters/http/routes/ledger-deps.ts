// Ledger use-case dependencies and the acting principal, built from a request's services.
import type { Context } from 'hono';
import type { LedgerDeps } from '../../../app/ledger/deps.js';
import type { LedgerActor } from '../../../app/ledger/model.js';
import { ledgerUnitOfWork } from '../../db/ledger-store.js';
import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../../app/clock.js';
import type { AppEnv, Principal } from '../context.js';
import { requirePrincipal } from '../auth-middleware.js';

export function ledgerDepsOver(pool: Pool, clock: Clock): LedgerDeps {
  return { uow: ledgerUnitOfWork(pool), clock };
}

export function ledgerDeps(c: Context<AppEnv>): LedgerDeps {
  const services = c.get('services');
  return ledgerDepsOver(services.pool, services.clock);
}

export function actorOf(principal: Principal): LedgerActor {
  if (principal.kind === 'register') {
    return {
      companyId: principal.companyId,
      register: { storeCode: principal.storeCode, registerCode: principal.registerCode },
      label: `register:${principal.storeCode}/${principal.registerCode}`,
    };
  }
  return { companyId: principal.companyId, label: `staff:${principal.staff.code}` };
}

export function requireActor(c: Context<AppEnv>): LedgerActor {
  return actorOf(requirePrincipal(c));
}
