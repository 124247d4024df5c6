// Loads what a deal body refers to (only the ids it names), so validation is plain code.
import { and, eq, inArray } from 'drizzle-orm';
import type { SandboxQuery } from '../db/database.js';
import {
  accountItems,
  companies,
  items,
  partners,
  sections,
  segmentTags,
  tags,
  taxes,
  walletables,
} from '../db/schema.js';

export interface AccountItemRef {
  categoryId: number;
  available: boolean;
  correspondingIncomeId: number | null;
  correspondingExpenseId: number | null;
}

export interface References {
  usePartnerCode: boolean;
  segmentsAvailable: number;
  accountItems: Map<number, AccountItemRef>;
  taxes: Map<number, { ratePercent: number; displayCategory: string | null }>;
  itemIds: Set<number>;
  sectionIds: Set<number>;
  partnerIds: Set<number>;
  partnerByCode: Map<string, number>;
  tagIds: Set<number>;
  segmentOf: Map<number, number>;
  walletableType: Map<number, string>;
}

export interface Wanted {
  accountItemIds: number[];
  itemIds: number[];
  sectionIds: number[];
  partnerIds: number[];
  partnerCodes: string[];
  tagIds: number[];
  segmentTagIds: number[];
}

const unique = (ids: readonly number[]) => [...new Set(ids)];

async function idsIn(
  db: SandboxQuery,
  table: typeof items | typeof sections | typeof partners | typeof tags,
  companyId: number,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.companyId, companyId), inArray(table.id, unique(ids))));
  return new Set(rows.map((r) => r.id));
}

export async function loadReferences(
  db: SandboxQuery,
  companyId: number,
  wanted: Wanted,
): Promise<References> {
  const company = (await db.select().from(companies).where(eq(companies.id, companyId)))[0];
  const accountItemRefs = await accountItemsIn(db, companyId, wanted.accountItemIds);
  const taxRefs = await taxesOf(db, companyId);
  const walletableType = await walletableTypesOf(db, companyId);
  const segmentOf = await segmentsOf(db, companyId, wanted.segmentTagIds);
  const partnerByCode = await partnersByCode(db, companyId, wanted.partnerCodes);
  return {
    usePartnerCode: company?.usePartnerCode ?? false,
    segmentsAvailable: company?.segmentsAvailable ?? 0,
    accountItems: accountItemRefs,
    taxes: taxRefs,
    itemIds: await idsIn(db, items, companyId, wanted.itemIds),
    sectionIds: await idsIn(db, sections, companyId, wanted.sectionIds),
    partnerIds: await idsIn(db, partners, companyId, wanted.partnerIds),
    partnerByCode,
    tagIds: await idsIn(db, tags, companyId, wanted.tagIds),
    segmentOf,
    walletableType,
  };
}

async function accountItemsIn(
  db: SandboxQuery,
  companyId: number,
  ids: number[],
): Promise<References['accountItems']> {
  const rows =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(accountItems)
          .where(and(eq(accountItems.companyId, companyId), inArray(accountItems.id, unique(ids))));
  return new Map(
    rows.map((a) => [
      a.id,
      {
        categoryId: a.accountCategoryId,
        available: a.available,
        correspondingIncomeId: a.correspondingIncomeId,
        correspondingExpenseId: a.correspondingExpenseId,
      },
    ]),
  );
}

async function taxesOf(db: SandboxQuery, companyId: number): Promise<References['taxes']> {
  const rows = await db.select().from(taxes).where(eq(taxes.companyId, companyId));
  return new Map(
    rows.map((t) => [t.code, { ratePercent: t.ratePercent, displayCategory: t.displayCategory }]),
  );
}

async function walletableTypesOf(
  db: SandboxQuery,
  companyId: number,
): Promise<References['walletableType']> {
  const rows = await db
    .select({ id: walletables.id, type: walletables.type })
    .from(walletables)
    .where(eq(walletables.companyId, companyId));
  return new Map(rows.map((w) => [w.id, w.type]));
}

/** Segment tag id → its segment (1, 2 or 3). */
async function segmentsOf(
  db: SandboxQuery,
  companyId: number,
  ids: number[],
): Promise<References['segmentOf']> {
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: segmentTags.id, segmentId: segmentTags.segmentId })
          .from(segmentTags)
          .where(and(eq(segmentTags.companyId, companyId), inArray(segmentTags.id, unique(ids))));
  return new Map(rows.map((row) => [row.id, row.segmentId]));
}

async function partnersByCode(
  db: SandboxQuery,
  companyId: number,
  codes: string[],
): Promise<References['partnerByCode']> {
  const rows =
    codes.length === 0
      ? []
      : await db
          .select({ id: partners.id, code: partners.code })
          .from(partners)
          .where(
            and(eq(partners.companyId, companyId), inArray(partners.code, [...new Set(codes)])),
          );
  return new Map(rows.flatMap((p) => (p.code ? [[p.code, p.id] as const] : [])));
}
