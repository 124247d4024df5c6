// uriage connections --company C [--json]: freee連携 status per store (0: 未連携 … 3: エラー).
import { parseArgs } from 'node:util';
import { storeStatusText, type StoreConnectionView } from '../../../app/freee/model.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { formatOption, outputFormatOf, printResult } from '../output.js';
import { companyByCode, freeeOf } from '../company-by-code.js';

export function storeStatusLines(rows: readonly StoreConnectionView[]): string[] {
  return rows.map((row) => {
    const target =
      row.connection && row.status !== 'unconnected'
        ? `  ${row.connection.freeeCompanyName} (事業所ID ${row.connection.freeeCompanyId}, ${row.connection.provider})`
        : '';
    return `${row.storeCode}  ${row.storeName}  ${storeStatusText(row.status)}${target}${row.message ? `  ${row.message}` : ''}`;
  });
}

export function storeStatusJson(rows: readonly StoreConnectionView[]) {
  return rows.map((row) => ({
    store: row.storeCode,
    name: row.storeName,
    status: storeStatusText(row.status),
    message: row.message,
    freeeCompany:
      row.connection && row.status !== 'unconnected'
        ? {
            id: row.connection.freeeCompanyId,
            name: row.connection.freeeCompanyName,
            provider: row.connection.provider,
          }
        : null,
  }));
}

export const connectionsCommand: Command = {
  name: 'connections',
  summary: 'freee連携の状態を店舗ごとに表示する (freee connection status per store)',
  usage: 'uriage connections --company C [--format text|json] (--json = --format json)',
  run: async (ctx, argv) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        company: { type: 'string' },
        json: { type: 'boolean', default: false },
        ...formatOption,
      },
    });
    const format = outputFormatOf(values.format, 'text', values.json);
    if (!values.company) throw new UsageError('--company is required');
    const app = await ctx.app({ freee: true });
    const company = await companyByCode(app, values.company);
    const rows = await freeeOf(app).listStoreStatuses(company.id);
    if (format === 'json') printResult(ctx, format, storeStatusJson(rows), () => []);
    else printResult(ctx, format, rows, storeStatusLines);
    return 0;
  },
};
