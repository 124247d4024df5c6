// Every benchmark `npm run bench` runs, in order.
import type { Bench } from './run.js';
import { ingestBench } from './ingest.bench.js';
import { reportBench } from './report.bench.js';
import { startupBench } from './startup.bench.js';
import { postingBench } from './posting.bench.js';
import { mastersBench } from './masters.bench.js';
import { reconcileBench } from './reconcile.bench.js';
import { registerBench } from './register.bench.js';

export const benches: Bench[] = [
  startupBench,
  ingestBench,
  reportBench,
  postingBench,
  mastersBench,
  reconcileBench,
  registerBench,
];
