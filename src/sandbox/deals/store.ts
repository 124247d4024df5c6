// Writes deals. Each write is one transaction on one connection (the `tx` handle only).
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Clock } from '../ports.js';
import type { SandboxDb, SandboxTx } from '../db/database.js';
import { dealDetails, dealPayments, deals } from '../db/schema.js';
import type { PaymentLine } from './input.js';
import type { NormalDeal, NormalLine } from './validate.js';

export const dealOriginApi = 'API';

function detailRow(dealId: number, line: NormalLine, position: number) {
  return {
    dealId,
    position,
    accountItemId: line.accountItemId,
    taxCode: line.taxCode,
    amount: line.amount,
    vat: line.vat,
    itemId: line.itemId,
    sectionId: line.sectionId,
    partnerId: line.partnerId,
    tagIds: line.tagIds,
    segment1TagId: line.segment1TagId,
    segment2TagId: line.segment2TagId,
    segment3TagId: line.segment3TagId,
    description: line.description,
    entrySide: line.entrySide,
  };
}

function paymentRow(dealId: number, p: PaymentLine) {
  return {
    dealId,
    date: p.date,
    fromWalletableType: p.from_walletable_type,
    fromWalletableId: p.from_walletable_id,
    amount: p.amount,
  };
}

export async function insertDeal(
  db: SandboxDb,
  clock: Clock,
  companyId: number,
  deal: NormalDeal,
  payments: readonly PaymentLine[],
): Promise<number> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(deals)
      .values({
        companyId,
        issueDate: deal.issueDate,
        dueDate: deal.dueDate,
        type: deal.type,
        partnerId: deal.partnerId,
        refNumber: deal.refNumber,
        amount: deal.amount,
        dealOriginName: dealOriginApi,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: deals.id });
    const dealId = (inserted[0] as { id: number }).id;
    await tx.insert(dealDetails).values(deal.lines.map((line, i) => detailRow(dealId, line, i)));
    if (payments.length > 0)
      await tx.insert(dealPayments).values(payments.map((p) => paymentRow(dealId, p)));
    return dealId;
  });
}

async function replaceDetails(
  tx: SandboxTx,
  dealId: number,
  lines: readonly NormalLine[],
): Promise<void> {
  const kept = lines.flatMap((l) => (l.id === null ? [] : [l.id]));
  await tx
    .delete(dealDetails)
    .where(
      kept.length === 0
        ? eq(dealDetails.dealId, dealId)
        : and(eq(dealDetails.dealId, dealId), notInArray(dealDetails.id, kept)),
    );
  for (const [position, line] of lines.entries()) {
    const { dealId: _dealId, ...values } = detailRow(dealId, line, position);
    if (line.id === null) await tx.insert(dealDetails).values(detailRow(dealId, line, position));
    else
      await tx
        .update(dealDetails)
        .set(values)
        .where(and(eq(dealDetails.id, line.id), eq(dealDetails.dealId, dealId)));
  }
}

/** PUT semantics: lines without id are added, lines left out are deleted; payments stay. */
export async function updateDeal(
  db: SandboxDb,
  clock: Clock,
  dealId: number,
  deal: NormalDeal,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(deals)
      .set({
        issueDate: deal.issueDate,
        dueDate: deal.dueDate,
        partnerId: deal.partnerId,
        refNumber: deal.refNumber,
        amount: deal.amount,
        updatedAt: clock.now(),
      })
      .where(eq(deals.id, dealId));
    await replaceDetails(tx, dealId, deal.lines);
  });
}

export async function deleteDeal(db: SandboxDb, dealId: number): Promise<void> {
  await db.delete(deals).where(eq(deals.id, dealId));
}

export async function insertPayment(
  db: SandboxDb,
  clock: Clock,
  dealId: number,
  payment: PaymentLine,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(dealPayments).values(paymentRow(dealId, payment));
    await tx.update(deals).set({ updatedAt: clock.now() }).where(eq(deals.id, dealId));
  });
}

/** Removes one payment line of the deal; false when the deal has no such line. */
export async function deletePayment(
  db: SandboxDb,
  clock: Clock,
  dealId: number,
  paymentId: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(dealPayments)
      .where(and(eq(dealPayments.dealId, dealId), eq(dealPayments.id, paymentId)))
      .returning({ id: dealPayments.id });
    if (gone.length === 0) return false;
    await tx.update(deals).set({ updatedAt: clock.now() }).where(eq(deals.id, dealId));
    return true;
  });
}

export async function detailIdsOf(
  db: SandboxDb,
  dealId: number,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: dealDetails.id })
    .from(dealDetails)
    .where(and(eq(dealDetails.dealId, dealId), inArray(dealDetails.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}
