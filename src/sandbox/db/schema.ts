// Drizzle schema of the freee sandbox (PostgreSQL schema `freee_sandbox`); drizzle-kit reads this
// file (drizzle.sandbox.config.ts) to generate drizzle-sandbox/.
export { freeeSandbox } from './namespace.js';
export * from './tables-tenancy.js';
export * from './tables-masters.js';
export * from './tables-deals.js';
export * from './tables-oauth.js';
