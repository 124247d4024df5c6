// Who acts, for the ledger and the 日報, from the request's principal.
import type { Context } from 'hono';
import type { LedgerActor } from '../../app/ledger/model.js';
import type { ReportActor } from '../../app/report/daily-report.js';
import { requirePrincipal } from './auth-middleware.js';
import type { AppEnv, Principal } from './context.js';

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

export function reportActorOf(principal: Principal): ReportActor {
  if (principal.kind === 'register') {
    return {
      companyId: principal.companyId,
      register: { storeCode: principal.storeCode },
      label: `register:${principal.storeCode}/${principal.registerCode}`,
    };
  }
  return { companyId: principal.companyId, label: `staff:${principal.staff.code}` };
}

export function requireReportActor(c: Context<AppEnv>): ReportActor {
  return reportActorOf(requirePrincipal(c));
}
