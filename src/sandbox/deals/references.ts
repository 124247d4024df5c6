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
  const items_ =
    wanted.accountItemIds.length === 0
      ? []
      : await db
          .select()
          .from(accountItems)
          .where(
            and(
              eq(accountItems.companyId, companyId),
              inArray(accountItems.id, unique(wanted.accountItemIds)),
            ),
          );
  const taxRows = await db.select().from(taxes).where(eq(taxes.companyId, companyId));
  const wallets = await db
    .select({ id: walletables.id, type: walletables.type })
    .from(walletables)
    .where(eq(walletables.companyId, companyId));
  const segmentRows =
    wanted.segmentTagIds.length === 0
      ? []
      : await db
          .select({ id: segmentTags.id, segmentId: segmentTags.segmentId })
          .from(segmentTags)
          .where(
            and(
              eq(segmentTags.companyId, companyId),
              inArray(segmentTags.id, unique(wanted.segmentTagIds)),
            ),
          );
  const codes =
    wanted.partnerCodes.length === 0
      ? []
      : await db
          .select({ id: partners.id, code: partners.code })
          .from(partners)
          .where(
            and(
              eq(partners.companyId, companyId),
              inArray(partners.code, [...new Set(wanted.partnerCodes)]),
            ),
          );
  return {
    usePartnerCode: company?.usePartnerCode ?? false,
    segmentsAvailable: company?.segmentsAvailable ?? 0,
    accountItems: new Map(
      items_.map((a) => [
        a.id,
        {
          categoryId: a.accountCategoryId,
          available: a.available,
          correspondingIncomeId: a.correspondingIncomeId,
          correspondingExpenseId: a.correspondingExpenseId,
        },
      ]),
    ),
    taxes: new Map(
      taxRows.map((t) => [
        t.code,
        { ratePercent: t.ratePercent, displayCategory: t.displayCategory },
      ]),
    ),
    itemIds: await idsIn(db, items, companyId, wanted.itemIds),
    sectionIds: await idsIn(db, sections, companyId, wanted.sectionIds),
    partnerIds: await idsIn(db, partners, companyId, wanted.partnerIds),
    partnerByCode: new Map(codes.flatMap((p) => (p.code ? [[p.code, p.id] as const] : []))),
    tagIds: await idsIn(db, tags, companyId, wanted.tagIds),
    segmentOf: new Map(segmentRows.map((s) => [s.id, s.segmentId])),
    walletableType: new Map(wallets.map((w) => [w.id, w.type])),
  };
}
