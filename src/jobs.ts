// Every feature's background work (see src/app/jobs/module.ts). Started by `uriage serve` and
// `uriage worker`.
import type { JobModule } from './app/jobs/module.js';
import type { Services } from './adapters/http/context.js';
import { reportJobModule } from './adapters/print/report-job-module.js';

export const jobModules: JobModule<Services>[] = [reportJobModule];
