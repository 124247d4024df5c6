// uriage import FILE: a day file (company config, stores, payment methods, checkouts, drawer events,
// closes; the shape of shared/spec/example-day.json) into the database. Safe to run twice.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../../app/errors.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { fields, formatOption, outputFormatOf, printResult, table } from '../output.js';
import { progressBar } from '../progress.js';

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
  usage: 'uriage import FILE [--format json|text]   (JSON by default: the documented output)',
  run: async (ctx, argv) => {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...formatOption },
    });
    const format = outputFormatOf(values.format, 'json');
    const [path, ...rest] = positionals;
    if (!path || rest.length > 0) throw new UsageError('exactly one FILE is required');
    const file = readDayFile(path);
    const app = await ctx.app();
    const progress = progressBar('取り込み');
    const summary = await app.ledger
      .importDayFile(file, (done, total) => progress.update(done, total))
      .finally(() => progress.stop());
    printResult(
      ctx,
      format,
      {
        company: summary.company,
        checkouts: summary.checkouts,
        drawer: summary.drawer,
        closes: summary.closes,
      },
      (s) => [
        ...fields([
          ['企業', `${s.company.code}(${s.company.created ? '作成' : '既存'})`],
          [
            '会計',
            `受付 ${s.checkouts.accepted} / 変更なし ${s.checkouts.unchanged} / 拒否 ${s.checkouts.rejected}`,
          ],
          [
            'レジ入出金',
            `受付 ${s.drawer.accepted} / 変更なし ${s.drawer.unchanged} / 拒否 ${s.drawer.rejected}`,
          ],
        ]),
        ...(s.closes.length === 0
          ? []
          : [
              '閉局:',
              ...table(
                ['店舗', '営業日', '版', '状態'],
                s.closes.map((c) => [
                  c.storeCode,
                  c.businessDate,
                  c.version,
                  c.created ? '作成' : '既存',
                ]),
              ),
            ]),
      ],
    );
    for (const error of summary.errors) ctx.err(`  ${error.path}: ${error.message}`);
    // A company made from a day file has no console login yet (issue #14 item 8): say how to get one.
    if (summary.company.created)
      ctx.err(
        `企業 ${summary.company.code} を作成しました。管理画面の管理者は uriage staff create --company ${summary.company.code} --code admin で作成してください(仮のパスワードが一度だけ表示されます)。`,
      );
    return summary.errors.length === 0 ? 0 : 1;
  },
};
