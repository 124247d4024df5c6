export * from './tenancy.js';
export * from './access.js';
