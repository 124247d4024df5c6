// uriage masters sync --company C [--master NAME] [--full]: 今すぐ同期; prints per master 対象 /
// 成功 / 失敗 (and each reason); exit 1 when any master failed or the run did not complete.
// uriage masters show --company C --master NAME [--format json|text]: the synced records.
import { parseArgs } from 'node:util';
import {
  isMasterName,
  masterLabels,
  masterNames,
  type MasterName,
} from '../../../domain/masters/kinds.js';
import { resultLine, runStatusLabels } from '../../../domain/masters/results.js';
import type { CliContext, Command } from '../command.js';
import { UsageError } from '../command.js';
import { companyByCode } from '../company-by-code.js';
import { formatOption, outputFormatOf, printResult } from '../output.js';
import { progressBar } from '../progress.js';

function masterOf(text: string | undefined): MasterName | undefined {
  if (text === undefined) return undefined;
  if (!isMasterName(text))
    throw new UsageError(`--master must be one of ${masterNames.join(', ')} (got "${text}")`);
  return text;
}

async function sync(ctx: CliContext, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      company: { type: 'string' },
      master: { type: 'string' },
      full: { type: 'boolean', default: false },
      ...formatOption,
    },
  });
  const format = outputFormatOf(values.format, 'text');
  if (!values.company) throw new UsageError('--company is required');
  const master = masterOf(values.master);
  const app = await ctx.app({ sandbox: true });
  const company = await companyByCode(app, values.company);
  const progress = progressBar('マスター同期');
  const outcome = await app.masters
    .syncNow({
      companyId: company.id,
      ...(master ? { masters: [master] } : {}),
      full: values.full,
      requestedBy: 'cli',
      onProgress: (done, total) => progress.update(done, total),
    })
    .finally(() => progress.stop());
  printResult(ctx, format, outcome, (o) => [
    `結果: ${runStatusLabels[o.status]}`,
    ...(o.reason ? [`理由: ${o.reason}`] : []),
    ...o.results.flatMap((result) => [
      resultLine(result),
      ...result.failures.map((reason) => `  失敗の理由: ${reason}`),
    ]),
  ]);
  const anyFailed = outcome.results.some((r) => r.failed > 0 || r.failures.length > 0);
  return outcome.status === 'succeeded' && !anyFailed ? 0 : 1;
}

async function show(ctx: CliContext, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      company: { type: 'string' },
      master: { type: 'string' },
      ...formatOption,
    },
  });
  const format = outputFormatOf(values.format, 'text');
  if (!values.company) throw new UsageError('--company is required');
  const master = masterOf(values.master);
  if (!master) throw new UsageError('--master is required');
  const app = await ctx.app();
  const company = await companyByCode(app, values.company);
  const records = await app.masters.listRecords(company.id, master);
  if (format === 'json') {
    const rows = records.map((r) => ({
      id: r.key,
      code: r.code,
      name: r.name,
      available: r.available,
      archived: r.archived,
      update_date: r.updateDate,
    }));
    printResult(ctx, format, rows, () => []);
    return 0;
  }
  printResult(ctx, format, records, (rs) => [
    `${masterLabels[master]}: ${rs.length}件`,
    ...rs.map(
      (r) =>
        `${r.key}\t${r.code ?? '-'}\t${r.name}${r.archived ? '\t(アーカイブ)' : ''}${r.available === false ? '\t(使用不可)' : ''}`,
    ),
  ]);
  return 0;
}

export const mastersCommand: Command = {
  name: 'masters',
  summary: 'freeeのマスターを同期・表示する (sync and show freee masters)',
  usage: `uriage masters sync --company C [--master NAME] [--full] [--format text|json]
       uriage masters show --company C --master NAME [--format json|text]
       NAME: ${masterNames.join(', ')}`,
  run: async (ctx, argv) => {
    const [sub, ...rest] = argv;
    if (sub === 'sync') return sync(ctx, rest);
    if (sub === 'show') return show(ctx, rest);
    throw new UsageError('expected "masters sync" or "masters show"');
  },
};
