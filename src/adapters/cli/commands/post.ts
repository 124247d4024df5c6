// uriage post --company C --store S (--date D | --from D1 --to D2) [--json]: posts closed days to
// freee now, in this process (the same run as the job: exactly once, guards, differences), and
// prints each day's status. A day that must wait (throttle, maintenance, lost answer) is queued for
// the workers with its retry time (through the App's queue). Exit 1 when a day did not end 送信済 /
// 再送待ち.
import { parseArgs } from 'node:util';
import type { App } from '../../../app/app.js';
import { postingStatusLabels, type PostingOutcome } from '../../../app/posting/model.js';
import { checkRange } from '../../../app/posting/requests.js';
import type { CliContext, Command } from '../command.js';
import { UsageError } from '../command.js';
import { formatOption, outputFormatOf, printResult, type OutputFormat } from '../output.js';
import { noProgress, progressBar } from '../progress.js';
import { companyByCode } from '../company-by-code.js';

const labelOf = (outcome: PostingOutcome) =>
  outcome.status === 'busy'
    ? '送信中(別の処理)'
    : outcome.status === 'unsent'
      ? '未送信'
      : postingStatusLabels[outcome.status];

interface PostArgs {
  company: string;
  store: string;
  from: string;
  to: string;
  single: boolean;
  format: OutputFormat;
}

interface DayResult {
  businessDate: string;
  outcome: PostingOutcome;
}

function parsePostArgs(argv: string[]): PostArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      company: { type: 'string' },
      store: { type: 'string' },
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...formatOption,
    },
  });
  const format = outputFormatOf(values.format, 'text', values.json);
  if (!values.company || !values.store) throw new UsageError('--company and --store are required');
  const single = values.date !== undefined;
  if (
    single === (values.from !== undefined || values.to !== undefined) ||
    (!single && (!values.from || !values.to))
  )
    throw new UsageError('give --date, or --from and --to');
  return {
    company: values.company,
    store: values.store,
    from: values.date ?? values.from ?? '',
    to: values.date ?? values.to ?? '',
    single,
    format,
  };
}

/** The days to post: the one day asked, or the closed days of the range. */
async function daysToPost(app: App, companyId: string, args: PostArgs): Promise<string[]> {
  const dates = checkRange(args.from, args.to);
  if (args.single) return dates;
  const store = await app.posting.queries.findStore(companyId, args.store);
  if (!store) return dates;
  const closed = await app.posting.queries.closedDates(
    companyId,
    store.id,
    args.from,
    args.to,
    dates.length,
  );
  const closedSet = new Set(closed.map((d) => d.businessDate));
  return dates.filter((d) => closedSet.has(d));
}

function dayLines({ businessDate, outcome }: DayResult): string[] {
  const next = outcome.retryAt ? `  次回 ${outcome.retryAt.toISOString()}` : '';
  return [
    `${businessDate}  ${labelOf(outcome)}  書き込み ${outcome.writes} / 呼び出し ${outcome.calls}${next}${outcome.message ? `  ${outcome.message}` : ''}`,
    ...outcome.freeeMessages.map((message) => `    freee: ${message}`),
  ];
}

function printJson(ctx: CliContext, results: readonly DayResult[]): void {
  const rows = results.map((r) => ({
    businessDate: r.businessDate,
    ...r.outcome,
    label: labelOf(r.outcome),
  }));
  printResult(ctx, 'json', rows, () => []);
}

export const postCommand: Command = {
  name: 'post',
  summary: '閉局した営業日をfreeeへ送信する (post closed days to freee now)',
  usage:
    'uriage post --company C --store S (--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD)\n       [--format text|json] (--json = --format json)',
  run: async (ctx, argv) => {
    const args = parsePostArgs(argv);
    checkRange(args.from, args.to);
    const app = await ctx.app({ sandbox: true });
    const company = await companyByCode(app, args.company);
    const results: DayResult[] = [];
    const days = await daysToPost(app, company.id, args);
    // A bar over a range on a terminal; the day lines then follow it (printed when it ends).
    const progress = args.single || days.length === 0 ? noProgress : progressBar('送信');
    try {
      for (const businessDate of days) {
        progress.update(results.length, days.length);
        const outcome = await app.posting.postDayNow({
          companyId: company.id,
          storeCode: args.store,
          businessDate,
        });
        results.push({ businessDate, outcome });
        if (args.format === 'text' && !progress.drawn)
          printResult(ctx, 'text', { businessDate, outcome }, dayLines);
      }
      progress.update(results.length, days.length);
    } finally {
      progress.stop();
    }
    if (args.format === 'text' && progress.drawn)
      for (const result of results) printResult(ctx, 'text', result, dayLines);
    if (args.format === 'json') printJson(ctx, results);
    else if (results.length === 0) ctx.out('閉局された営業日がありません。');
    return results.every((r) => ['posted', 'retry_wait', 'busy'].includes(r.outcome.status))
      ? 0
      : 1;
  },
};
