// uriage post --company C --store S (--date D | --from D1 --to D2) [--json]: posts closed days to
// freee now, in this process (the same run as the job: exactly once, guards, differences), and
// prints each day's status. A day that must wait (throttle, maintenance, lost answer) is queued for
// the workers with its retry time. Exit 1 when a day did not end 送信済 / 再送待ち.
import { parseArgs } from 'node:util';
import type { JobQueue } from '../../../app/jobs/ports.js';
import { postingStatusLabels, type PostingOutcome } from '../../../app/posting/model.js';
import { postStoreDay } from '../../../app/posting/post-day.js';
import { checkRange, scheduleRetry } from '../../../app/posting/requests.js';
import { postingJobModuleWith } from '../../posting/posting-job-module.js';
import { postingDepsOf } from '../../posting/deps.js';
import { postingSourcesOver } from '../../db/posting-store.js';
import { startPgBossQueue } from '../../jobs/pg-boss-queue.js';
import { postingTimingsOf } from '../../../jobs.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { companyByCode, openCliFreee } from './freee-runtime.js';

const labelOf = (outcome: PostingOutcome) =>
  outcome.status === 'busy'
    ? '送信中(別の処理)'
    : outcome.status === 'unsent'
      ? '未送信'
      : postingStatusLabels[outcome.status];

export const postCommand: Command = {
  name: 'post',
  summary: '閉局した営業日をfreeeへ送信する (post closed days to freee now)',
  usage:
    'uriage post --company C --store S (--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD) [--json]',
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        company: { type: 'string' },
        store: { type: 'string' },
        date: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.company || !values.store)
      throw new UsageError('--company and --store are required');
    const single = values.date !== undefined;
    if (
      single === (values.from !== undefined || values.to !== undefined) ||
      (!single && (!values.from || !values.to))
    )
      throw new UsageError('give --date, or --from and --to');
    const from = values.date ?? values.from ?? '';
    const to = values.date ?? values.to ?? '';
    const dates = checkRange(from, to);
    const company = await companyByCode(ctx, values.company);
    const services = await ctx.services();
    const freee = await openCliFreee(ctx, { sandbox: true });
    const timings = postingTimingsOf(ctx.config);
    services.freee = freee.runtime;
    services.postingTimings = timings;
    let queue: JobQueue | null = null;
    try {
      const deps = postingDepsOf(services);
      const store = await postingSourcesOver(services.pool).findStore(company.id, values.store);
      const closed =
        store && !single
          ? new Set(
              (await deps.sources.closedDates(company.id, store.id, from, to, dates.length)).map(
                (d) => d.businessDate,
              ),
            )
          : null;
      const results: { businessDate: string; outcome: PostingOutcome }[] = [];
      for (const businessDate of dates.filter((d) => closed === null || closed.has(d))) {
        const outcome = await postStoreDay(deps, {
          companyId: company.id,
          storeCode: values.store,
          businessDate,
        });
        if (outcome.retryAt && (outcome.status === 'retry_wait' || outcome.status === 'busy')) {
          queue ??= await startPgBossQueue({
            connectionString: (await ctx.database()).connectionString,
            logger: services.logger,
            queues: postingJobModuleWith(timings).queues,
          });
          await scheduleRetry(
            queue,
            ctx.clock,
            { companyId: company.id, storeCode: values.store, businessDate },
            outcome.retryAt,
            timings.jobExpireSeconds,
          );
        }
        results.push({ businessDate, outcome });
        if (!values.json) {
          const next = outcome.retryAt ? `  次回 ${outcome.retryAt.toISOString()}` : '';
          ctx.out(
            `${businessDate}  ${labelOf(outcome)}  書き込み ${outcome.writes} / 呼び出し ${outcome.calls}${next}${outcome.message ? `  ${outcome.message}` : ''}`,
          );
          for (const message of outcome.freeeMessages) ctx.out(`    freee: ${message}`);
        }
      }
      if (values.json)
        ctx.out(
          JSON.stringify(
            results.map((r) => ({
              businessDate: r.businessDate,
              ...r.outcome,
              label: labelOf(r.outcome),
            })),
            null,
            2,
          ),
        );
      if (results.length === 0) ctx.out('閉局された営業日がありません。');
      return results.every((r) => ['posted', 'retry_wait', 'busy'].includes(r.outcome.status))
        ? 0
        : 1;
    } finally {
      await queue?.stop();
      await freee.close();
    }
  },
};
