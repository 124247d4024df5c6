// uriage import FILE: a day file (company config, stores, payment methods, checkouts, drawer events,
// closes; the shape of shared/spec/example-day.json) into the database. Safe to run twice.
import { readFileSync } from 'node:fs';
import { AppError } from '../../../app/errors.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export const dayFileBytesMax = 512 * 1024 * 1024;

function readDayFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'not_found',
      'file_not_found',
      `ファイル ${path} を読めません(${(error as NodeJS.ErrnoException).code ?? 'error'})。`,
    );
  }
  if (text.length > dayFileBytesMax)
    throw new AppError(
      'validation',
      'file_too_large',
      `ファイルが大きすぎます(${dayFileBytesMax / 1024 / 1024}MBまで)。`,
    );
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new AppError(
      'validation',
      'invalid_json',
      `ファイル ${path} は JSON として読めません: ${(error as Error).message}`,
    );
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: '日次ファイル(企業設定・会計・レジ入出金・閉局)を取り込む (import a day file)',
  usage: 'uriage import FILE',
  run: async (ctx, argv) => {
    const [path, ...rest] = argv;
    if (!path || rest.length > 0) throw new UsageError('exactly one FILE is required');
    const file = readDayFile(path);
    const summary = await (await ctx.app()).ledger.importDayFile(file);
    ctx.out(
      JSON.stringify(
        {
          company: summary.company,
          checkouts: summary.checkouts,
          drawer: summary.drawer,
          closes: summary.closes,
        },
        null,
        2,
      ),
    );
    for (const error of summary.errors) ctx.err(`  ${error.path}: ${error.message}`);
    return summary.errors.length === 0 ? 0 : 1;
  },
};
