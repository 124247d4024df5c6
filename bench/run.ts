// `npm run bench [-- name-filter]`: runs each benchmark and prints its figures, each as a value and
// as a ratio against a baseline measured in the same run (targets live here, never in tests).
import { benches } from './benches.js';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baselineName: string;
  baselineValue: number;
  /** What the figure should reach, as text (e.g. "≤ 5000 ms"). */
  target: string;
  met: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<BenchFigure[]>;
}

const filter = process.argv[2];
let failures = 0;
for (const bench of benches.filter((b) => !filter || b.name.includes(filter))) {
  process.stdout.write(`\n## ${bench.name}\n`);
  try {
    for (const f of await bench.run()) {
      const ratio = f.baselineValue === 0 ? Number.NaN : f.value / f.baselineValue;
      process.stdout.write(
        `${f.name}: ${f.value.toFixed(1)} ${f.unit}  | baseline ${f.baselineName}: ${f.baselineValue.toFixed(1)} ${f.unit}  | ratio ${ratio.toFixed(2)}×  | target ${f.target}: ${f.met ? 'met' : 'NOT met'}\n`,
      );
    }
  } catch (error) {
    failures += 1;
    process.stdout.write(`failed: ${(error as Error).stack}\n`);
  }
}
process.exitCode = failures === 0 ? 0 : 1;
