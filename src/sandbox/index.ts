// Public surface of the freee sandbox.
export { createSandboxApp, type SandboxAppDeps } from './app.js';
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server.js';
export { sandboxMigrations } from './migrations.js';
export {
  createSandboxClient,
  type SandboxClient,
  type SandboxClientInput,
} from './oauth/clients.js';
export {
  createSandboxCompany,
  createSandboxUser,
  type SandboxCompany,
  type SandboxCompanyInput,
  type SandboxRole,
} from './seed/company.js';
export {
  closeSandboxPeriod,
  createSandboxSegmentTag,
  removeSandboxMember,
  setSandboxMember,
} from './admin.js';
export {
  editSandboxAccountItem,
  removeSandboxPartner,
  renameSandboxPartners,
  sandboxPartnerIds,
  seedSandboxMasters,
  type SandboxMasterCounts,
} from './seed/masters.js';
export {
  createFaultPlan,
  faultPlanFromEnv,
  faultKinds,
  parseFaultSpec,
  FaultSpecError,
  type FaultPlan,
  type FaultKind,
  type FaultConfig,
} from './faults.js';
export {
  createServicePlan,
  servicePlanFromEnv,
  type ServicePlan,
  type CompanyUsage,
} from './service.js';
export {
  parseServiceSpec,
  dailyCapByPlan,
  ServiceSpecError,
  type ServiceConfig,
  type FreeePlan,
} from './service-spec.js';
