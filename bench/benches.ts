// Every benchmark `npm run bench` runs, in order.
import type { Bench } from './run.js';
import { startupBench } from './startup.bench.js';

export const benches: Bench[] = [startupBench];
