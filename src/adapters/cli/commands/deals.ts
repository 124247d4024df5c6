// uriage deals --company C --store S --date D: what the connected freee books hold for the store-day
// (the deals with its ref_numbers), as freee's deal JSON.
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { companyByCode } from '../company-by-code.js';

export const dealsCommand: Command = {
  name: 'deals',
  summary: 'freeeにある営業日の取引を表示する (freee deals of a store-day, JSON)',
  usage: 'uriage deals --company C --store S --date YYYY-MM-DD',
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: { company: { type: 'string' }, store: { type: 'string' }, date: { type: 'string' } },
    });
    if (!values.company || !values.store || !values.date)
      throw new UsageError('--company, --store and --date are required');
    const app = await ctx.app({ sandbox: true });
    const company = await companyByCode(app, values.company);
    const held = await app.posting.heldDeals(company.id, values.store, values.date);
    ctx.out(JSON.stringify(held, null, 2));
    return 0;
  },
};
