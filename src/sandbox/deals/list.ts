// GET /api/1/deals filters (schema parameters; no ref_number filter, API-NOTES §5).
import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Context } from 'hono';
import type { SandboxDb } from '../db/database.js';
import { dealDetails, dealPayments, deals, partners } from '../db/schema.js';
import { queryDate, queryEnum, queryInt, queryPage, type Page } from '../http/params.js';

export const dealsLimitMax = 100;

export interface DealFilter {
  conditions: SQL[];
  page: Page;
  accruals: boolean;
}

const paid = sql`(select coalesce(sum(${dealPayments.amount}), 0) from ${dealPayments} where ${dealPayments.dealId} = ${deals.id})`;

function dateRange(
  c: Context,
  column: typeof deals.issueDate | typeof deals.dueDate,
  startName: string,
  endName: string,
): SQL[] {
  const start = queryDate(c, startName);
  const end = queryDate(c, endName);
  return [...(start ? [gte(column, start)] : []), ...(end ? [lte(column, end)] : [])];
}

export function dealFilter(c: Context, companyId: number): DealFilter {
  const conditions: SQL[] = [eq(deals.companyId, companyId)];
  const partnerId = queryInt(c, 'partner_id', { min: 1 });
  const accountItemId = queryInt(c, 'account_item_id', { min: 1 });
  const partnerCode = c.req.query('partner_code');
  const status = queryEnum(c, 'status', ['unsettled', 'settled'] as const);
  const type = queryEnum(c, 'type', ['income', 'expense'] as const);
  if (partnerId) conditions.push(eq(deals.partnerId, partnerId));
  if (partnerCode)
    conditions.push(
      sql`${deals.partnerId} in (select ${partners.id} from ${partners} where ${partners.companyId} = ${companyId} and ${partners.code} = ${partnerCode})`,
    );
  if (accountItemId)
    conditions.push(
      sql`exists (select 1 from ${dealDetails} where ${dealDetails.dealId} = ${deals.id} and ${dealDetails.accountItemId} = ${accountItemId})`,
    );
  if (status)
    conditions.push(
      status === 'settled'
        ? sql`${deals.amount} - ${paid} = 0`
        : sql`${deals.amount} - ${paid} <> 0`,
    );
  if (type) conditions.push(eq(deals.type, type));
  conditions.push(
    ...dateRange(c, deals.issueDate, 'start_issue_date', 'end_issue_date'),
    ...dateRange(c, deals.dueDate, 'start_due_date', 'end_due_date'),
  );
  queryDate(c, 'start_renew_date');
  queryDate(c, 'end_renew_date');
  const accruals = queryEnum(c, 'accruals', ['without', 'with'] as const) === 'with';
  return { conditions, page: queryPage(c, 20, dealsLimitMax), accruals };
}

export async function findDealIds(
  db: SandboxDb,
  filter: DealFilter,
): Promise<{ ids: number[]; totalCount: number }> {
  const where = and(...filter.conditions);
  const total = await db.select({ n: count() }).from(deals).where(where);
  const rows = await db
    .select({ id: deals.id })
    .from(deals)
    .where(where)
    .orderBy(desc(deals.issueDate), desc(deals.id))
    .offset(filter.page.offset)
    .limit(filter.page.limit);
  return { ids: rows.map((r) => r.id), totalCount: total[0]?.n ?? 0 };
}
