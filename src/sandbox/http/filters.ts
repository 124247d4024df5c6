// Shared list filters: start_update_date / end_update_date (inclusive, JST dates) on masters.
import { gte, lte, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Context } from 'hono';
import { queryDate } from './params.js';

export function updateDateConditions(c: Context, column: PgColumn): SQL[] {
  const conditions: SQL[] = [];
  const start = queryDate(c, 'start_update_date');
  const end = queryDate(c, 'end_update_date');
  if (start) conditions.push(gte(column, start));
  if (end) conditions.push(lte(column, end));
  return conditions;
}

/** PostgreSQL unique_violation: a duplicate name raced past the pre-check. */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return (error as { code?: string } | null)?.code === '23505' || cause?.code === '23505';
}
