// uriage close --company C --store S --date D --float N --counted N: the close (閉局) of a store's
// business date; prints the version recorded (an identical re-close prints the existing version).
import { parseArgs } from 'node:util';
import { AppError } from '../../../app/errors.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';

function yen(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d{1,13}$/.test(value))
    throw new UsageError(
      `--${name} must be a whole number of yen (0 or more), got ${value ?? '(none)'}`,
    );
  return Number(value);
}

export const closeCommand: Command = {
  name: 'close',
  summary: "営業日の閉局 (close a store's business date)",
  usage: 'uriage close --company C --store S --date YYYY-MM-DD --float N --counted N',
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        company: { type: 'string' },
        store: { type: 'string' },
        date: { type: 'string' },
        float: { type: 'string' },
        counted: { type: 'string' },
      },
    });
    if (!values.company || !values.store || !values.date)
      throw new UsageError('--company, --store and --date are required');
    const float = yen('float', values.float);
    const countedCash = yen('counted', values.counted);
    const app = await ctx.app();
    const company = await app.tenancy.read.findCompanyByCode(values.company);
    if (!company)
      throw new AppError(
        'not_found',
        'company_not_found',
        `企業コード ${values.company} の企業が見つかりません。`,
      );
    const { close, created } = await app.ledger.closeDay(
      { companyId: company.id, label: 'cli' },
      { storeCode: values.store, businessDate: values.date, float, countedCash },
    );
    ctx.out(
      JSON.stringify(
        {
          created,
          version: close.version,
          storeCode: values.store,
          businessDate: close.businessDate,
          float: close.floatYen,
          countedCash: close.countedCashYen,
          expectedCash: close.expectedCashYen,
          difference: close.differenceYen,
          closedAt: close.closedAt.toISOString(),
        },
        null,
        2,
      ),
    );
    return 0;
  },
};
