// freee連携's use cases bound once to their ports (null in the App where freee is not available).
import { bindAll } from '../bind.js';
import {
  authorizationChoices,
  cancelAuthorization,
  completeAuthorization,
  disconnectConnection,
  listStoreStatuses,
  registerAuthorization,
  startAuthorization,
  type ConnectDeps,
} from './connect.js';
import type { FreeeConnection } from './model.js';

export interface SandboxConnectInput {
  companyId: string;
  staffId: string | null;
  /** Stores to connect; default every store of the company. */
  storeIds?: readonly string[];
  sandboxCompanyName: string;
}

/** Connects stores to a new sandbox 事業所 without a browser (the demo, `uriage connect --sandbox`). */
export type SandboxConnector = (input: SandboxConnectInput) => Promise<{
  freeeCompanyId: number;
  connection: FreeeConnection;
  /** How the new sandbox user signs in to the sandbox's consent page (for a later 連携開始). */
  signIn?: { email: string; password: string } | undefined;
}>;

export function bindFreee(deps: ConnectDeps, sandbox: SandboxConnector | null) {
  return Object.freeze({
    defaultProvider: deps.gateways.defaultProvider,
    listConnections: (companyId: string) => deps.store.listConnections(companyId),
    ...bindAll(deps, {
      listStoreStatuses,
      startAuthorization,
      completeAuthorization,
      authorizationChoices,
      registerAuthorization,
      cancelAuthorization,
      disconnectConnection,
    }),
    connectNewSandboxCompany: sandbox,
  });
}

export type FreeeApp = ReturnType<typeof bindFreee>;
