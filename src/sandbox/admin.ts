// Test and operator helpers that change sandbox state the API cannot (freee's web UI would).
import { and, eq } from 'drizzle-orm';
import type { Clock } from './ports.js';
import type { Pool } from './ports.js';
import { sandboxDb } from './db/database.js';
import { fiscalYears, members, segmentTags } from './db/schema.js';
import { jstToday } from './dates.js';
import type { SandboxRole } from './seed/company.js';

/** Adds a user to a 事業所, or changes their role (read_only → writes get 401 user_do_not_have_permission). */
export async function setSandboxMember(
  pool: Pool,
  input: { companyId: number; userId: number; role: SandboxRole },
): Promise<void> {
  await sandboxDb(pool)
    .insert(members)
    .values(input)
    .onConflictDoUpdate({ target: [members.companyId, members.userId], set: { role: input.role } });
}

export async function removeSandboxMember(
  pool: Pool,
  input: { companyId: number; userId: number },
): Promise<void> {
  await sandboxDb(pool)
    .delete(members)
    .where(and(eq(members.companyId, input.companyId), eq(members.userId, input.userId)));
}

/** 月締め / 年度締め of the fiscal year holding `date`. */
export async function closeSandboxPeriod(
  pool: Pool,
  input: { companyId: number; date: string; monthEndDate?: string | null; yearClosed?: boolean },
): Promise<void> {
  const db = sandboxDb(pool);
  const years = await db
    .select()
    .from(fiscalYears)
    .where(eq(fiscalYears.companyId, input.companyId));
  const year = years.find((fy) => fy.startDate <= input.date && input.date <= fy.endDate);
  if (!year) throw new Error(`no sandbox fiscal year holds ${input.date}`);
  await db
    .update(fiscalYears)
    .set({
      ...(input.monthEndDate !== undefined ? { monthEndDate: input.monthEndDate } : {}),
      ...(input.yearClosed !== undefined ? { isClosed: input.yearClosed } : {}),
    })
    .where(eq(fiscalYears.id, year.id));
}

export async function createSandboxSegmentTag(
  pool: Pool,
  clock: Clock,
  input: { companyId: number; segmentId: 1 | 2 | 3; name: string },
): Promise<number> {
  const rows = await sandboxDb(pool)
    .insert(segmentTags)
    .values({ ...input, description: null, updateDate: jstToday(clock) })
    .returning({ id: segmentTags.id });
  return (rows[0] as { id: number }).id;
}
