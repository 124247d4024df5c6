// What the sandbox needs from the process that hosts it: a Postgres pool, a clock, and how its
// migrations are described. Structural copies, so the sandbox imports nothing of the service.
import type pg from 'pg';

export type Pool = pg.Pool;

export interface Clock {
  now(): Date;
}

export interface MigrationSet {
  folder: string;
  /** Where drizzle records what it applied: one table per set. */
  table: string;
  schema: string;
}
