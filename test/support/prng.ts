// The one seeded generator of tests, benches and scripts: mulberry32, the sandbox's own generator
// (src/sandbox/prng.ts, which its fault plans need at run time), so the same seed gives the same
// sequence everywhere — the fault run's days, the benches' data and the fuzz tests depend on it.
import { createPrng, type Prng } from '../../src/sandbox/prng.js';

export { createPrng, type Prng };

/** Floats in [0, 1) from `seed`: the bare `next` of {@link createPrng}. */
export function seeded(seed: number): () => number {
  return createPrng(seed).next;
}
