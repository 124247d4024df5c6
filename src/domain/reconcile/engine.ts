// The matching engine: deposits against open receivables fetched beforehand, pure. Per deposit the
// partners its payer name points to, their receivables' candidates (see candidates.ts), else an
// exact amount paid by another known partner; then each receivable goes to at most one deposit, the
// most confident first, the rest kept as alternatives.
import { candidateOf, partnerCandidates, type DepositContext } from './candidates.js';
import {
  defaultLimits,
  type Candidate,
  type LimitName,
  type Partner,
  type Receivable,
  type SearchLimits,
  type Suggestion,
  type Tolerances,
} from './model.js';
import { buildNameIndex, partnersOfPayer, type NameIndex } from './name-index.js';
import type { StatementLine } from './statement.js';

export interface MatchInput {
  lines: readonly StatementLine[];
  receivables: readonly Receivable[];
  partners: readonly Partner[];
  tolerances: Tolerances;
  limits?: SearchLimits;
}

interface Indexes {
  names: NameIndex;
  byPartner: Map<string, Receivable[]>;
  byAmount: Map<number, Receivable[]>;
}

const dueOf = (r: Receivable) => r.dueDate ?? r.issueDate;

function buildIndexes(input: MatchInput): Indexes {
  const byPartner = new Map<string, Receivable[]>();
  const byAmount = new Map<number, Receivable[]>();
  for (const r of input.receivables) {
    if (r.dueAmountYen <= 0) continue;
    if (r.partnerId !== null) {
      let list = byPartner.get(r.partnerId);
      if (!list) byPartner.set(r.partnerId, (list = []));
      list.push(r);
    }
    let same = byAmount.get(r.dueAmountYen);
    if (!same) byAmount.set(r.dueAmountYen, (same = []));
    same.push(r);
  }
  for (const list of byPartner.values())
    list.sort((a, b) =>
      dueOf(a) < dueOf(b) ? -1 : dueOf(a) > dueOf(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  return { names: buildNameIndex(input.partners), byPartner, byAmount };
}

interface DepositSearch {
  candidates: Candidate[];
  limitsHit: LimitName[];
}

function searchDeposit(line: StatementLine, ix: Indexes, ctx: DepositContext): DepositSearch {
  const who = partnersOfPayer(ix.names, line.payerName);
  const candidates: Candidate[] = [];
  const limitsHit = new Set<LimitName>();
  for (const match of who) {
    const found = partnerCandidates(ix.byPartner.get(match.partnerId) ?? [], ctx, match);
    candidates.push(...found.candidates);
    for (const l of found.limitsHit) limitsHit.add(l);
  }
  const settling = candidates.filter((c) => c.kind !== 'partial');
  const owing = who.some((w) => (ix.byPartner.get(w.partnerId)?.length ?? 0) > 0);
  if (settling.length === 0 && who.length > 0 && !owing) {
    const mine = new Set(who.map((w) => w.partnerId));
    const same = (ix.byAmount.get(line.amountYen) ?? []).filter(
      (r) => r.partnerId === null || !mine.has(r.partnerId),
    );
    const reasons = ['別の取引先（親会社など）からの入金: 金額のみで一致'];
    if (same.length > 1) reasons.push(`同じ金額の未決済が${same.length}件あります`);
    for (const r of same.slice(0, ctx.limits.alternativesMax + 1)) {
      const c = candidateOf('amountOnly', [r], ctx, null, { reasons });
      if (same.length > 1) c.confidence = Math.round((c.confidence - 0.25) * 100) / 100;
      candidates.push(c);
    }
    if (same.length > ctx.limits.alternativesMax + 1) limitsHit.add('alternativesMax');
  }
  const kept = settling.length > 0 ? candidates.filter((c) => c.kind !== 'partial') : candidates;
  kept.sort((a, b) => b.rank - a.rank);
  markAmbiguity(kept);
  return { candidates: kept, limitsHit: [...limitsHit] };
}

/** Several candidates of the best kind: none is sure, each says how many fit. */
function markAmbiguity(sorted: Candidate[]): void {
  const best = sorted[0];
  if (!best) return;
  const peers = sorted.filter((c) => c.kind === best.kind && c.confidence === best.confidence);
  if (peers.length < 2) return;
  for (const c of peers) {
    c.confidence = Math.round(Math.max(0.01, c.confidence - 0.3) * 100) / 100;
    c.reasons.push(`同じ程度に当てはまる候補が${peers.length}件あります`);
  }
}

/** Suggestions for every deposit line; withdrawals get none. Each receivable is used at most once. */
export function suggestMatches(input: MatchInput): Suggestion[] {
  const limits = input.limits ?? defaultLimits;
  const ix = buildIndexes(input);
  const searches = input.lines.map((line) =>
    line.direction === 'deposit'
      ? searchDeposit(line, ix, {
          date: line.date,
          amountYen: line.amountYen,
          tolerances: input.tolerances,
          limits,
        })
      : { candidates: [], limitsHit: [] },
  );
  const order = searches
    .map((s, i) => ({ i, rank: s.candidates[0]?.rank ?? -1 }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i);
  const used = new Set<string>();
  const suggestions: Suggestion[] = new Array<Suggestion>(input.lines.length);
  for (const { i } of order) {
    const line = input.lines[i] as StatementLine;
    const search = searches[i] as DepositSearch;
    const free = search.candidates.filter((c) => c.receivableIds.every((id) => !used.has(id)));
    // A partial payment is never settled on a guess: it is offered for review as an alternative.
    const best = free[0]?.kind === 'partial' ? null : (free[0] ?? null);
    if (best) for (const id of best.receivableIds) used.add(id);
    const alternatives = free.slice(best ? 1 : 0, (best ? 1 : 0) + limits.alternativesMax);
    suggestions[i] = { line, best, alternatives, limitsHit: search.limitsHit };
  }
  return suggestions;
}
