// uriage deals --company C --store S --date D: what the connected freee books hold for the store-day
// (the deals with its ref_numbers), as freee's deal JSON.
import { parseArgs } from 'node:util';
import { heldDealsOf } from '../../posting/held-deals.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { companyByCode, openCliFreee } from './freee-runtime.js';

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
    const company = await companyByCode(ctx, values.company);
    const services = await ctx.services();
    const freee = await openCliFreee(ctx, { sandbox: true });
    services.freee = freee.runtime;
    try {
      const held = await heldDealsOf(services, company.id, values.store, values.date);
      ctx.out(JSON.stringify(held, null, 2));
      return 0;
    } finally {
      await freee.close();
    }
  },
};
