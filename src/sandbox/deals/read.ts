// Reads deals with their lines and presents them as freee does (components.schemas.deal):
// `payments` absent when none, segment keys only on plans with segments, *_code keys only on
// single-deal responses, accruals (債権債務行) only with accruals=with on unsettled deals.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SandboxDb } from '../db/database.js';
import {
  accountItems,
  companies,
  dealDetails,
  dealPayments,
  deals,
  partners,
} from '../db/schema.js';

type DealRow = typeof deals.$inferSelect;
type DetailRow = typeof dealDetails.$inferSelect;
type PaymentRow = typeof dealPayments.$inferSelect;

export interface DealRecord {
  deal: DealRow;
  details: DetailRow[];
  payments: PaymentRow[];
}

export interface PresentOptions {
  list: boolean;
  accruals: boolean;
}

export async function loadDeals(
  db: SandboxDb,
  companyId: number,
  ids: readonly number[],
): Promise<DealRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(deals)
    .where(and(eq(deals.companyId, companyId), inArray(deals.id, [...ids])));
  const details = await db
    .select()
    .from(dealDetails)
    .where(inArray(dealDetails.dealId, [...ids]))
    .orderBy(asc(dealDetails.position), asc(dealDetails.id));
  const payments = await db
    .select()
    .from(dealPayments)
    .where(inArray(dealPayments.dealId, [...ids]))
    .orderBy(asc(dealPayments.id));
  const byId = new Map(
    rows.map((deal) => [
      deal.id,
      { deal, details: [] as DetailRow[], payments: [] as PaymentRow[] },
    ]),
  );
  for (const d of details) byId.get(d.dealId)?.details.push(d);
  for (const p of payments) byId.get(p.dealId)?.payments.push(p);
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [record] : [];
  });
}

export async function loadDeal(
  db: SandboxDb,
  companyId: number,
  id: number,
): Promise<DealRecord | null> {
  return (await loadDeals(db, companyId, [id]))[0] ?? null;
}

export function paidYen(record: DealRecord): number {
  return record.payments.reduce((sum, p) => sum + p.amount, 0);
}

interface Lookups {
  segmentsAvailable: number;
  partnerCode: Map<number, string | null>;
  counter: Map<number, { income: number | null; expense: number | null }>;
}

export async function lookupsFor(
  db: SandboxDb,
  companyId: number,
  records: readonly DealRecord[],
): Promise<Lookups> {
  const company = (
    await db
      .select({ segments: companies.segmentsAvailable })
      .from(companies)
      .where(eq(companies.id, companyId))
  )[0];
  const partnerIds = [
    ...new Set(
      records
        .flatMap((r) => [r.deal.partnerId, ...r.details.map((d) => d.partnerId)])
        .filter((id): id is number => id !== null),
    ),
  ];
  const codes =
    partnerIds.length === 0
      ? []
      : await db
          .select({ id: partners.id, code: partners.code })
          .from(partners)
          .where(inArray(partners.id, partnerIds));
  const counters = await db
    .select({
      id: accountItems.id,
      income: accountItems.correspondingIncomeId,
      expense: accountItems.correspondingExpenseId,
    })
    .from(accountItems)
    .where(eq(accountItems.companyId, companyId));
  return {
    segmentsAvailable: company?.segments ?? 0,
    partnerCode: new Map(codes.map((p) => [p.id, p.code])),
    counter: new Map(counters.map((a) => [a.id, { income: a.income, expense: a.expense }])),
  };
}

function presentDetail(d: DetailRow, lookups: Lookups, options: PresentOptions) {
  const segments =
    lookups.segmentsAvailable === 0
      ? {}
      : {
          segment_1_tag_id: d.segment1TagId,
          segment_2_tag_id: d.segment2TagId,
          segment_3_tag_id: d.segment3TagId,
          ...(options.list
            ? {}
            : { segment_1_tag_code: null, segment_2_tag_code: null, segment_3_tag_code: null }),
        };
  return {
    id: d.id,
    account_item_id: d.accountItemId,
    ...(options.list ? {} : { account_item_code: null }),
    tax_code: d.taxCode,
    partner_id: d.partnerId,
    partner_code: d.partnerId === null ? null : (lookups.partnerCode.get(d.partnerId) ?? null),
    item_id: d.itemId,
    ...(options.list ? {} : { item_code: null }),
    section_id: d.sectionId,
    ...(options.list ? {} : { section_code: null }),
    tag_ids: d.tagIds,
    ...segments,
    amount: d.amount,
    vat: d.vat,
    description: d.description ?? '',
    entry_side: d.entrySide,
  };
}

function accrualsOf(record: DealRecord, lookups: Lookups, dueYen: number) {
  const first = record.details[0];
  const counter = first ? lookups.counter.get(first.accountItemId) : undefined;
  const accountItemId = record.deal.type === 'income' ? counter?.income : counter?.expense;
  if (dueYen === 0 || !accountItemId) return [];
  return [
    {
      id: record.deal.id,
      account_item_id: accountItemId,
      tax_code: 0,
      partner_id: record.deal.partnerId,
      partner_code:
        record.deal.partnerId === null
          ? null
          : (lookups.partnerCode.get(record.deal.partnerId) ?? null),
      item_id: null,
      section_id: null,
      tag_ids: [],
      amount: record.deal.amount,
      vat: 0,
      entry_side: record.deal.type === 'income' ? 'debit' : 'credit',
    },
  ];
}

export function presentDeal(record: DealRecord, lookups: Lookups, options: PresentOptions) {
  const { deal } = record;
  const dueYen = deal.amount - paidYen(record);
  const accruals = options.accruals ? accrualsOf(record, lookups, dueYen) : [];
  return {
    id: deal.id,
    company_id: deal.companyId,
    issue_date: deal.issueDate,
    due_date: deal.dueDate,
    amount: deal.amount,
    due_amount: dueYen,
    type: deal.type,
    partner_id: deal.partnerId,
    partner_code:
      deal.partnerId === null ? null : (lookups.partnerCode.get(deal.partnerId) ?? null),
    ref_number: deal.refNumber,
    status: dueYen === 0 ? 'settled' : 'unsettled',
    deal_origin_name: deal.dealOriginName,
    details: record.details.map((d) => presentDetail(d, lookups, options)),
    ...(record.payments.length === 0
      ? {}
      : {
          payments: record.payments.map((p) => ({
            id: p.id,
            date: p.date,
            from_walletable_type: p.fromWalletableType,
            from_walletable_id: p.fromWalletableId,
            amount: p.amount,
          })),
        }),
    ...(accruals.length === 0 ? {} : { accruals }),
    receipts: [],
  };
}
