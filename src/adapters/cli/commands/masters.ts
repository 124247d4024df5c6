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
    },
  });
  if (!values.company) throw new UsageError('--company is required');
  const master = masterOf(values.master);
  const app = await ctx.app({ sandbox: true });
  const company = await companyByCode(app, values.company);
  const outcome = await app.masters.syncNow({
    companyId: company.id,
    ...(master ? { masters: [master] } : {}),
    full: values.full,
    requestedBy: 'cli',
  });
  ctx.out(`結果: ${runStatusLabels[outcome.status]}`);
  if (outcome.reason) ctx.out(`理由: ${outcome.reason}`);
  for (const result of outcome.results) {
    ctx.out(resultLine(result));
    for (const reason of result.failures) ctx.out(`  失敗の理由: ${reason}`);
  }
  const anyFailed = outcome.results.some((r) => r.failed > 0 || r.failures.length > 0);
  return outcome.status === 'succeeded' && !anyFailed ? 0 : 1;
}

async function show(ctx: CliContext, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      company: { type: 'string' },
      master: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (!values.company) throw new UsageError('--company is required');
  const master = masterOf(values.master);
  if (!master) throw new UsageError('--master is required');
  if (values.format !== 'json' && values.format !== 'text')
    throw new UsageError('--format must be json or text');
  const app = await ctx.app();
  const company = await companyByCode(app, values.company);
  const records = await app.masters.listRecords(company.id, master);
  if (values.format === 'json') {
    const rows = records.map((r) => ({
      id: r.key,
      code: r.code,
      name: r.name,
      available: r.available,
      archived: r.archived,
      update_date: r.updateDate,
    }));
    ctx.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  ctx.out(`${masterLabels[master]}: ${records.length}件`);
  for (const r of records)
    ctx.out(
      `${r.key}\t${r.code ?? '-'}\t${r.name}${r.archived ? '\t(アーカイブ)' : ''}${r.available === false ? '\t(使用不可)' : ''}`,
    );
  return 0;
}

export const mastersCommand: Command = {
  name: 'masters',
  summary: 'freeeのマスターを同期・表示する (sync and show freee masters)',
  usage: `uriage masters sync --company C [--master NAME] [--full]
       uriage masters show --company C --master NAME [--format json|text]
       NAME: ${masterNames.join(', ')}`,
  run: async (ctx, argv) => {
    const [sub, ...rest] = argv;
    if (sub === 'sync') return sync(ctx, rest);
    if (sub === 'show') return show(ctx, rest);
    throw new UsageError('expected "masters sync" or "masters show"');
  },
};
