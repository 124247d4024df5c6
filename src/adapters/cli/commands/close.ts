// uriage close --company C --store S --date D --float N --counted N: the close (閉局) of a store's
// business date; prints the version recorded (an identical re-close prints the existing version).
import { parseArgs } from 'node:util';
import { AppError } from '../../../app/errors.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { fields, formatOption, outputFormatOf, printResult } from '../output.js';

function yen(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d{1,13}$/.test(value))
    throw new UsageError(
      `--${name} must be a whole number of yen (0 or more), got ${value ?? '(none)'}`,
    );
  return Number(value);
}

const yenText = (n: number) => `${n < 0 ? '-' : ''}¥${Math.abs(n).toLocaleString('en-US')}`;

export const closeCommand: Command = {
  name: 'close',
  summary: "営業日の閉局 (close a store's business date)",
  usage:
    'uriage close --company C --store S --date YYYY-MM-DD --float N --counted N [--format json|text]\n(JSON by default: the documented output)',
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        company: { type: 'string' },
        store: { type: 'string' },
        date: { type: 'string' },
        float: { type: 'string' },
        counted: { type: 'string' },
        ...formatOption,
      },
    });
    const format = outputFormatOf(values.format, 'json');
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
    printResult(
      ctx,
      format,
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
      (c) =>
        fields([
          [
            '閉局',
            `${c.storeCode} ${c.businessDate} 第${c.version}版${c.created ? '' : '(記録済み)'}`,
          ],
          ['釣銭準備金', yenText(c.float)],
          ['実査現金', yenText(c.countedCash)],
          ['理論現金', yenText(c.expectedCash)],
          ['過不足', yenText(c.difference)],
          ['閉局日時', c.closedAt],
        ]),
    );
    return 0;
  },
};
