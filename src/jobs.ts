// Every feature's background work (see src/app/jobs/module.ts). Started by `uriage serve` and
// `uriage worker`.
import type { JobModule } from './app/jobs/module.js';
import { postingTimings, type PostingTimings } from './app/posting/timings.js';
import type { Config } from './config.js';
import type { Services } from './adapters/http/context.js';
import { postingJobModuleWith } from './adapters/posting/posting-job-module.js';
import { reportJobModule } from './adapters/print/report-job-module.js';

/** Posting's waits for this configuration (URIAGE_POSTING_TIME_SCALE, URIAGE_FREEE_TIMEOUT_MS). */
export function postingTimingsOf(
  config: Pick<Config, 'postingTimeScale' | 'freeeRequestTimeoutMs'>,
): PostingTimings {
  return postingTimings({
    scale: config.postingTimeScale,
    requestTimeoutMs: config.freeeRequestTimeoutMs,
  });
}

export function jobModulesFor(config: Config): JobModule<Services>[] {
  return [
    reportJobModule,
    postingJobModuleWith(postingTimingsOf(config), config.postingConcurrency),
  ];
}
