// Suggestions as the CLI and the API print them: one object per deposit with a suggestion, `line`
// being the 1-based order of the statement's deposit and withdrawal data lines.
import type { Candidate, Suggestion } from '../../domain/reconcile/model.js';

export interface CandidateJson {
  kind: string;
  receivables: string[];
  difference: number;
  differenceAccount: string | null;
  differenceTaxCode: number | null;
  confidence: number;
  reasons: string[];
}

export interface SuggestionJson extends CandidateJson {
  line: number;
  date: string;
  amount: number;
  payerName: string;
  alternatives: CandidateJson[];
  limitsHit: string[];
}

function candidateJson(c: Candidate): CandidateJson {
  return {
    kind: c.kind,
    receivables: c.receivableIds,
    difference: c.differenceYen,
    differenceAccount: c.differenceAccount,
    differenceTaxCode: c.differenceTax,
    confidence: c.confidence,
    reasons: c.reasons,
  };
}

export function suggestionsJson(suggestions: readonly Suggestion[]): {
  suggestions: SuggestionJson[];
} {
  const out: SuggestionJson[] = [];
  for (const s of suggestions) {
    if (!s.best && s.limitsHit.length === 0) continue;
    const best = s.best
      ? candidateJson(s.best)
      : {
          kind: 'none',
          receivables: [],
          difference: 0,
          differenceAccount: null,
          differenceTaxCode: null,
          confidence: 0,
          reasons: ['no fit within the limits'],
        };
    out.push({
      line: s.line.line,
      date: s.line.date,
      amount: s.line.amountYen,
      payerName: s.line.payerName,
      ...best,
      alternatives: s.alternatives.map(candidateJson),
      limitsHit: s.limitsHit,
    });
  }
  return { suggestions: out };
}
