export * from './tenancy.js';
export * from './access.js';
export * from './ledger.js';
export * from './jobs.js';
export * from './report.js';
export * from './freee.js';
export * from './posting.js';
