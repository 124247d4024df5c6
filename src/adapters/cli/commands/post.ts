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
  json: boolean;
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
    },
  });
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
    json: values.json ?? false,
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

function printDay(ctx: CliContext, { businessDate, outcome }: DayResult): void {
  const next = outcome.retryAt ? `  次回 ${outcome.retryAt.toISOString()}` : '';
  ctx.out(
    `${businessDate}  ${labelOf(outcome)}  書き込み ${outcome.writes} / 呼び出し ${outcome.calls}${next}${outcome.message ? `  ${outcome.message}` : ''}`,
  );
  for (const message of outcome.freeeMessages) ctx.out(`    freee: ${message}`);
}

function printJson(ctx: CliContext, results: readonly DayResult[]): void {
  const rows = results.map((r) => ({
    businessDate: r.businessDate,
    ...r.outcome,
    label: labelOf(r.outcome),
  }));
  ctx.out(JSON.stringify(rows, null, 2));
}

export const postCommand: Command = {
  name: 'post',
  summary: '閉局した営業日をfreeeへ送信する (post closed days to freee now)',
  usage:
    'uriage post --company C --store S (--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD) [--json]',
  run: async (ctx, argv) => {
    const args = parsePostArgs(argv);
    checkRange(args.from, args.to);
    const app = await ctx.app({ sandbox: true });
    const company = await companyByCode(app, args.company);
    const results: DayResult[] = [];
    for (const businessDate of await daysToPost(app, company.id, args)) {
      const outcome = await app.posting.postDayNow({
        companyId: company.id,
        storeCode: args.store,
        businessDate,
      });
      results.push({ businessDate, outcome });
      if (!args.json) printDay(ctx, { businessDate, outcome });
    }
    if (args.json) printJson(ctx, results);
    if (results.length === 0) ctx.out('閉局された営業日がありません。');
    return results.every((r) => ['posted', 'retry_wait', 'busy'].includes(r.outcome.status))
      ? 0
      : 1;
  },
};
