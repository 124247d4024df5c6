// Which dates a deal may carry: inside a fiscal year that is not closed (年度締め) and after its
// 本締め日 (month_end_date). freee's exact wording is unverified (API-NOTES §4); these are ours.
import { asc, eq } from 'drizzle-orm';
import type { SandboxQuery } from '../db/database.js';
import { fiscalYears } from '../db/schema.js';

export type FiscalYearRow = typeof fiscalYears.$inferSelect;

export async function loadFiscalYears(
  db: SandboxQuery,
  companyId: number,
): Promise<FiscalYearRow[]> {
  return db
    .select()
    .from(fiscalYears)
    .where(eq(fiscalYears.companyId, companyId))
    .orderBy(asc(fiscalYears.startDate));
}

/** Null when `date` may be written; else the message of freee's 400. */
export function closedPeriodProblem(
  years: readonly FiscalYearRow[],
  field: string,
  date: string,
): string | null {
  const year = years.find((fy) => fy.startDate <= date && date <= fy.endDate);
  if (!year)
    return `${field}（${date}）を含む会計年度が存在しません。会計期間内の日付を指定してください。`;
  if (year.isClosed)
    return `${field}（${date}）は年度締め済みの会計年度（${year.startDate}〜${year.endDate}）に含まれるため、取引の登録・更新・削除はできません。`;
  if (year.monthEndDate && date <= year.monthEndDate)
    return `${field}（${date}）は月締め済みの期間（〜${year.monthEndDate}）に含まれるため、取引の登録・更新・削除はできません。`;
  return null;
}

/** The tax fraction of the year holding `date` (0 切り捨て when none matches). */
export function taxFractionOn(years: readonly FiscalYearRow[], date: string): number {
  return years.find((fy) => fy.startDate <= date && date <= fy.endDate)?.taxFraction ?? 0;
}
