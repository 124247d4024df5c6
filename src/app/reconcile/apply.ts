// Applying an accepted suggestion to freee exactly once, and undoing exactly what Uriage wrote.
// The claim (one application per receivable) and the intent of every write are stored first
// (ReconcileStore.claim); then each write not yet answered is looked up in freee before it is made
// (an answer may have been lost), made, and its freee id recorded. Running it again after any
// failure or a killed worker continues where it stopped. No freee call runs inside a transaction.
import type { ReconcileFreee, ReconcileStore, StoredApplication, StoredWrite } from './ports.js';

export interface ApplyDeps {
  store: ReconcileStore;
  freee: ReconcileFreee;
  now(): Date;
}

export class ApplicationNotFoundError extends Error {
  constructor(readonly applicationId: string) {
    super(`reconcile application ${applicationId} not found`);
    this.name = 'ApplicationNotFoundError';
  }
}

/** ref_number of the difference deal: finds it again after a lost answer. */
export const differenceRef = (applicationId: string) => `uriage-rec-${applicationId}`;

async function load(deps: ApplyDeps, applicationId: string): Promise<StoredApplication> {
  const a = await deps.store.application(applicationId);
  if (!a) throw new ApplicationNotFoundError(applicationId);
  return a;
}

function paymentOf(a: StoredApplication, w: StoredWrite) {
  const planned = a.plan.payments[w.seq];
  if (!planned || w.dealId === null) throw new Error(`write ${w.seq} has no planned payment`);
  return planned;
}

/** The payment of ours already in freee for this write (same 口座, date, amount), if any. */
async function seenPayment(
  deps: ApplyDeps,
  a: StoredApplication,
  w: StoredWrite,
  taken: Set<number>,
) {
  const planned = paymentOf(a, w);
  const payments = await deps.freee.paymentsOf(a.companyId, String(w.dealId));
  return (
    payments.find(
      (p) =>
        !taken.has(p.id) &&
        p.date === planned.date &&
        p.amountYen === w.amountYen &&
        p.walletableId === a.walletable.id,
    ) ?? null
  );
}

async function writeOne(
  deps: ApplyDeps,
  id: string,
  a: StoredApplication,
  w: StoredWrite,
  taken: Set<number>,
) {
  let freeeId: number;
  if (w.kind === 'payment') {
    const seen = await seenPayment(deps, a, w, taken);
    const planned = paymentOf(a, w);
    freeeId =
      seen?.id ??
      (await deps.freee.addPayment(a.companyId, String(w.dealId), {
        date: planned.date,
        amountYen: w.amountYen,
        walletable: a.walletable,
      }));
  } else {
    const diff = a.plan.difference;
    if (!diff) throw new Error(`write ${w.seq} has no planned difference`);
    freeeId =
      (await deps.freee.findDealByRef(a.companyId, differenceRef(id), diff.date)) ??
      (await deps.freee.createDifferenceDeal(a.companyId, diff, a.walletable, differenceRef(id)));
  }
  taken.add(freeeId);
  await deps.store.recordDone(id, w.seq, freeeId, deps.now());
}

/** Makes every write of the application not yet answered; then it is applied. */
export async function runApplication(deps: ApplyDeps, applicationId: string): Promise<void> {
  const a = await load(deps, applicationId);
  if (a.state !== 'applying') return;
  const taken = new Set(a.writes.flatMap((w) => (w.freeeId === null ? [] : [w.freeeId])));
  for (const w of a.writes)
    if (w.freeeId === null) await writeOne(deps, applicationId, a, w, taken);
  await deps.store.setState(applicationId, 'applied');
}

async function undoOne(deps: ApplyDeps, id: string, a: StoredApplication, w: StoredWrite) {
  if (w.kind === 'difference_deal') {
    const diff = a.plan.difference;
    const dealId =
      w.freeeId ??
      (diff ? await deps.freee.findDealByRef(a.companyId, differenceRef(id), diff.date) : null);
    if (dealId !== null) await deps.freee.deleteDeal(a.companyId, dealId);
    return;
  }
  const paymentId = w.freeeId ?? (await seenPayment(deps, a, w, new Set()))?.id ?? null;
  if (paymentId === null) return;
  const still = await deps.freee.paymentsOf(a.companyId, String(w.dealId));
  if (still.some((p) => p.id === paymentId))
    await deps.freee.deletePayment(a.companyId, String(w.dealId), paymentId);
}

/** Removes exactly what the application wrote (looking up writes whose answer was lost), then
 *  releases its claims. Running it again after a failure continues. */
export async function undoApplication(deps: ApplyDeps, applicationId: string): Promise<void> {
  const a = await load(deps, applicationId);
  if (a.state === 'undone') return;
  await deps.store.setState(applicationId, 'undoing');
  for (const w of [...a.writes].reverse()) await undoOne(deps, applicationId, a, w);
  await deps.store.release(applicationId, deps.now());
}
