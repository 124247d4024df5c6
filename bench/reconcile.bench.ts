// Issue 12: the 消込 engine. Speed: 10,000 deposits against 50,000 open receivables (target < 2 s for
// the engine; baseline: freee's amount-only rules on the same books). Accuracy: per kind of deposit
// on generated books with known answers (seeds below, not the tests' data), precision and recall of
// the engine beside freee's documented rules (reconcile-freee-rules.ts) on the same sets.
import { performance } from 'node:perf_hooks';
import { suggestMatches } from '../src/domain/reconcile/engine.js';
import { generateBooks } from './reconcile-books.js';
import { depositKinds, type Books, type DepositKind } from './reconcile-data.js';
import { freeeRules } from './reconcile-freee-rules.js';
import type { Bench, BenchFigure } from './run.js';

const speedSeed = 20_251_204;
const accuracySeeds = [2025, 4242];
const warmupRounds = 2;
const timedRounds = 5;

interface Score {
  suggested: number;
  correct: number;
  expected: number;
}

function score(
  books: Books,
  picks: readonly (readonly string[] | null)[],
): Map<DepositKind | 'all', Score> {
  const out = new Map<DepositKind | 'all', Score>();
  const add = (k: DepositKind | 'all', s: Partial<Score>) => {
    const had = out.get(k) ?? { suggested: 0, correct: 0, expected: 0 };
    out.set(k, {
      suggested: had.suggested + (s.suggested ?? 0),
      correct: had.correct + (s.correct ?? 0),
      expected: had.expected + (s.expected ?? 0),
    });
  };
  books.answers.forEach((given, i) => {
    // A partial payment must not be settled on a guess: the right outcome is no suggestion.
    const answer = given.kind === 'partial' ? { ...given, ids: null } : given;
    const pick = picks[i] ?? null;
    const same =
      pick !== null &&
      answer.ids !== null &&
      [...pick].sort().join() === [...answer.ids].sort().join();
    const s = {
      suggested: pick && pick.length > 0 ? 1 : 0,
      correct: same ? 1 : 0,
      expected: answer.ids ? 1 : 0,
    };
    add(answer.kind, s);
    add('all', s);
  });
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function accuracyFigures(seed: number): BenchFigure[] {
  const books = generateBooks(seed, 10_000, 50_000);
  const suggestions = suggestMatches(books);
  const engine = score(
    books,
    suggestions.map((s) => s.best?.receivableIds ?? null),
  );
  const freee = score(books, freeeRules(books.lines, books.receivables));
  const figures: BenchFigure[] = [hintFigure(books, suggestions, seed)];
  for (const kind of ['all', ...depositKinds] as const) {
    const e = engine.get(kind) ?? { suggested: 0, correct: 0, expected: 0 };
    const f = freee.get(kind) ?? { suggested: 0, correct: 0, expected: 0 };
    const p = 100 * ratio(e.correct, e.suggested);
    figures.push({
      name: `seed ${seed} ${kind} precision (n=${e.suggested})`,
      value: p,
      unit: '%',
      baselineName: 'freee rules',
      baselineValue: 100 * ratio(f.correct, f.suggested),
      target: kind === 'all' ? '≥ 99 %' : 'report',
      met: kind !== 'all' || p >= 99,
    });
    if (kind === 'noise' || kind === 'partial') continue;
    const r = 100 * ratio(e.correct, e.expected);
    figures.push({
      name: `seed ${seed} ${kind} recall (n=${e.expected})`,
      value: r,
      unit: '%',
      baselineName: 'freee rules',
      baselineValue: 100 * ratio(f.correct, f.expected),
      target: kind === 'all' ? '≥ 95 %' : 'report',
      met: kind !== 'all' || r >= 95,
    });
  }
  return figures;
}

/** Partial payments: how often the right receivable is offered for review (not settled). */
function hintFigure(
  books: Books,
  suggestions: ReturnType<typeof suggestMatches>,
  seed: number,
): BenchFigure {
  let partials = 0;
  let hinted = 0;
  books.answers.forEach((a, i) => {
    if (a.kind !== 'partial') return;
    partials += 1;
    const s = suggestions[i];
    if (
      !s?.best &&
      s?.alternatives.some((c) => c.kind === 'partial' && c.receivableIds.join() === a.ids?.join())
    )
      hinted += 1;
  });
  const value = 100 * ratio(hinted, partials);
  return {
    name: `seed ${seed} partial offered for review (n=${partials})`,
    value,
    unit: '%',
    baselineName: 'freee rules (never)',
    baselineValue: 0,
    target: 'report',
    met: true,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function speedFigure(): BenchFigure {
  const books = generateBooks(speedSeed, 10_000, 50_000);
  const engineMs: number[] = [];
  const freeeMs: number[] = [];
  for (let round = 0; round < warmupRounds; round += 1) suggestMatches(books);
  for (let round = 0; round < timedRounds; round += 1) {
    let t = performance.now();
    suggestMatches(books);
    engineMs.push(performance.now() - t);
    t = performance.now();
    freeeRules(books.lines, books.receivables);
    freeeMs.push(performance.now() - t);
  }
  const value = median(engineMs);
  return {
    name: '10,000 deposits × 50,000 receivables, engine (median)',
    value,
    unit: 'ms',
    baselineName: 'freee rules',
    baselineValue: median(freeeMs),
    target: '< 2000 ms',
    met: value < 2_000,
  };
}

export const reconcileBench: Bench = {
  name: 'reconcile',
  run: async () => [speedFigure(), ...accuracySeeds.flatMap(accuracyFigures)],
};
