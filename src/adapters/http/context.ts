// What HTTP handlers can reach: the process's App (use cases and queries) and the principal.
import type { App } from '../../app/app.js';
import type { StaffMember } from '../../app/tenancy/model.js';

export type Principal =
  | { kind: 'staff'; companyId: string; staff: StaffMember; csrfToken: string }
  | { kind: 'register'; companyId: string; storeCode: string; registerCode: string };

export interface AppEnv {
  Variables: {
    app: App;
    principal: Principal | undefined;
    /** A ledger batch's JSON body as text, decoded once by its text guard (text-guard.ts). */
    ledgerBodyText: string | undefined;
  };
}
