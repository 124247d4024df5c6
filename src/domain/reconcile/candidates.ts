// The candidates of one deposit among one partner's receivables: exact, shortfall within the
// tolerance (支払手数料), overpayment (仮受金, for review), partial, combinations and provider batches.
import { dayNumberOf } from '../calendar/day-arithmetic.js';
import type { BusinessDate } from '../calendar/business-date.js';
import { addYen, sumYen, subtractYen, zeroYen, type Yen } from '../money/yen.js';
import { findBatches } from './batch.js';
import { findSubsets } from './combination.js';
import type {
  Candidate,
  LimitName,
  MatchKind,
  PartnerTolerance,
  Receivable,
  SearchLimits,
  Tolerances,
} from './model.js';
import type { PartnerMatch } from './name-index.js';

const baseConfidence: Record<MatchKind, number> = {
  exact: 0.9,
  fee: 0.86,
  batch: 0.86,
  combination: 0.82,
  amountOnly: 0.62,
  overpayment: 0.55,
  partial: 0.3,
};
const nameBonus = { exact: 0.08, truncated: 0.05, extended: 0.04 } as const;
const nameMatchLabel = {
  exact: '完全一致',
  truncated: '銀行の桁数で切れた名義と一致',
  extended: '付記のある名義と一致',
} as const;

/** Yen as people read it in a reason: 12,345円. */
function yenText(amountYen: number): string {
  return `${amountYen.toLocaleString('ja-JP')}円`;
}

export interface DepositContext {
  date: BusinessDate;
  amountYen: Yen;
  tolerances: Tolerances;
  limits: SearchLimits;
}

const dayNumbers = new Map<string, number>();
const dayNumbersMax = 100_000;

/** Day numbers of dates, remembered (a statement and its receivables use few distinct dates). */
function dayNo(date: BusinessDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = dayNumberOf(date);
    if (dayNumbers.size >= dayNumbersMax) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

function dueDistance(rs: readonly Receivable[], date: BusinessDate): number {
  let worst = 0;
  const at = dayNo(date);
  for (const r of rs) {
    const d = Math.abs(dayNo(r.dueDate ?? r.issueDate) - at);
    if (d > worst) worst = d;
  }
  return worst;
}

export function candidateOf(
  kind: MatchKind,
  rs: readonly Receivable[],
  ctx: DepositContext,
  who: PartnerMatch | null,
  extra: { reasons?: string[]; tax?: Candidate['differenceTax'] } = {},
): Candidate {
  const settled = sumYen(rs.map((r) => r.dueAmountYen));
  const shortfall = subtractYen(settled, ctx.amountYen);
  const distance = dueDistance(rs, ctx.date);
  let confidence = baseConfidence[kind] + (who ? nameBonus[who.match] : 0);
  if (distance > 60) confidence -= 0.05;
  const reasons = [
    `金額: 入金 ${yenText(ctx.amountYen)}、未決済 ${yenText(settled)}（${rs.length}件）`,
    who
      ? `取引先: 振込名義と${nameMatchLabel[who.match]}（${who.key}）`
      : '取引先: 振込名義は一致しません',
    `期日: 入金日との差 ${distance}日`,
    ...(extra.reasons ?? []),
  ];
  const partial = kind === 'partial';
  return {
    kind,
    receivableIds: rs.map((r) => r.id),
    settledYen: partial ? ctx.amountYen : settled,
    differenceYen: partial ? zeroYen : ((shortfall < 0 ? -shortfall : shortfall) as Yen),
    differenceAccount: partial || shortfall === 0 ? null : shortfall > 0 ? '支払手数料' : '仮受金',
    differenceTax: partial || shortfall === 0 ? null : shortfall > 0 ? (extra.tax ?? 136) : 2,
    confidence: Math.round(Math.min(0.99, Math.max(0.01, confidence)) * 100) / 100,
    rank: confidence - distance / 100_000 - rs.length / 10_000_000,
    reasons,
  };
}

function fixedFeeMax(tolerance: PartnerTolerance | undefined, tolerances: Tolerances): Yen {
  return tolerance?.kind === 'fixed' ? tolerance.feeMaxYen : tolerances.transferFeeMaxYen;
}

/** Single receivables: exact, shortfall within the fee tolerance, overpayment, partial. */
function singles(
  rs: readonly Receivable[],
  ctx: DepositContext,
  who: PartnerMatch,
  tolerance: PartnerTolerance | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  const feeMax = fixedFeeMax(tolerance, ctx.tolerances);
  const partials: Receivable[] = [];
  if (tolerance?.kind === 'rate') {
    // A provider pays net of its fee: a single day is a batch of one (batch.ts); only equal counts here.
    for (const r of rs)
      if (r.dueAmountYen === ctx.amountYen) out.push(candidateOf('exact', [r], ctx, who));
    return out;
  }
  for (const r of rs) {
    const gap = r.dueAmountYen - ctx.amountYen;
    if (gap === 0) out.push(candidateOf('exact', [r], ctx, who));
    else if (gap > 0 && gap <= feeMax)
      out.push(
        candidateOf('fee', [r], ctx, who, {
          reasons: [`手数料: 不足 ${yenText(gap)}（上限 ${yenText(feeMax)} 以内）`],
        }),
      );
    else if (gap < 0 && -gap <= ctx.tolerances.overpaymentMaxYen)
      out.push(
        candidateOf('overpayment', [r], ctx, who, { reasons: [`過入金: ${yenText(-gap)}`] }),
      );
    else if (gap > 0 && partials.length < 2) partials.push(r);
  }
  if (out.length === 0 && partials.length === 1)
    out.push(candidateOf('partial', partials, ctx, who, { reasons: ['一部入金'] }));
  return out;
}

export interface PartnerSearch {
  candidates: Candidate[];
  limitsHit: LimitName[];
}

/** Every candidate among one partner's receivables (oldest due first). */
export function partnerCandidates(
  rs: readonly Receivable[],
  ctx: DepositContext,
  who: PartnerMatch,
): PartnerSearch {
  const tolerance = ctx.tolerances.partners.get(who.partnerId);
  const candidates = singles(rs, ctx, who, tolerance);
  const limitsHit: LimitName[] = [];
  const fitsMax = ctx.limits.alternativesMax + 1;
  if (tolerance?.kind === 'rate') {
    const batches = findBatches(rs, ctx.amountYen, tolerance.rate, ctx.limits, fitsMax);
    limitsHit.push(...batches.limitsHit);
    for (const fit of batches.fits) {
      const reasons = [
        `まとめ入金: ${fit.length}営業日分の売上から手数料率 ${tolerance.rate.text} を差し引いた額`,
      ];
      candidates.push(candidateOf('batch', fit, ctx, who, { reasons, tax: 37 }));
    }
    return { candidates, limitsHit };
  }
  if (candidates.some((c) => c.kind === 'exact')) return { candidates, limitsHit };
  const feeMax = fixedFeeMax(tolerance, ctx.tolerances);
  const subsets = findSubsets(
    rs,
    ctx.amountYen,
    addYen(ctx.amountYen, feeMax),
    ctx.limits,
    fitsMax,
  );
  limitsHit.push(...subsets.limitsHit);
  for (const fit of subsets.fits) candidates.push(candidateOf('combination', fit, ctx, who));
  return { candidates, limitsHit };
}
