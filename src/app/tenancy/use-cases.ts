// Tenancy's use cases bound once to their ports; the read side as queries.
import { bindAll } from '../bind.js';
import { ensureDemoCompany } from './demo.js';
import { tenancyQueries } from './queries.js';
import {
  createStaff,
  saveCompany,
  savePaymentMethod,
  saveStore,
  updateCompanySettings,
  updateStaff,
  type StoreDeps,
} from './service.js';

export function bindTenancy(deps: StoreDeps) {
  return Object.freeze({
    read: tenancyQueries(deps.uow.read),
    ...bindAll(deps, {
      saveCompany,
      updateCompanySettings,
      saveStore,
      savePaymentMethod,
      createStaff,
      updateStaff,
      ensureDemoCompany,
    }),
  });
}

export type TenancyApp = ReturnType<typeof bindTenancy>;
