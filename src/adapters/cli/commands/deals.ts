// uriage deals --company C --store S --date D: what the connected freee books hold for the store-day
// (the deals with its ref_numbers), as freee's deal JSON.
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { fields, formatOption, outputFormatOf, printResult, table } from '../output.js';
import { companyByCode } from '../company-by-code.js';

export const dealsCommand: Command = {
  name: 'deals',
  summary: 'freeeにある営業日の取引を表示する (freee deals of a store-day, JSON)',
  usage:
    "uriage deals --company C --store S --date YYYY-MM-DD [--format json|text]\n(JSON by default: freee's deal JSON)",
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        company: { type: 'string' },
        store: { type: 'string' },
        date: { type: 'string' },
        ...formatOption,
      },
    });
    const format = outputFormatOf(values.format, 'json');
    if (!values.company || !values.store || !values.date)
      throw new UsageError('--company, --store and --date are required');
    const app = await ctx.app({ sandbox: true });
    const company = await companyByCode(app, values.company);
    const held = await app.posting.heldDeals(company.id, values.store, values.date);
    printResult(ctx, format, held, (h) => [
      ...fields([
        ['freee事業所ID', h.freeeCompanyId],
        ['接続先', h.provider],
        ['取引数', h.deals.length],
      ]),
      ...table(
        ['取引ID', '発生日', '収支', '管理番号', '明細数', '金額'],
        h.deals.map((d) => [
          d.id,
          d.issue_date,
          d.type === 'income' ? '収入' : '支出',
          d.ref_number ?? null,
          d.details.length,
          d.details.reduce((sum, line) => sum + line.amount, 0),
        ]),
      ),
    ]);
    return 0;
  },
};
