// uriage report: the 日報 of one store-day.
//   uriage report FILE --store S --date D            from a day file (spec §6), no database
//   uriage report --company C --store S --date D     from the database
//   --format json|text|escpos|starprnt|svg (default json); --out FILE (required for escpos/starprnt)
//   --era      the printed date in the Japanese era (令和8年12月2日(水)) instead of 西暦
//   --cpl N    characters per line of text/svg/printer output (48 = 80 mm paper, 32 = 58 mm)
//   --print    send it to the store's printer now (--printer HOST[:PORT] --printer-kind escpos|starprnt
//              to name another, or for a day file); prints {"printed":true,…} and exits 1 when unreachable
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../../app/errors.js';
import type { ReportView } from '../../../app/report/daily-report.js';
import { reportFromDayFile } from '../../../app/report/day-file-report.js';
import type { PrinterSetting } from '../../../app/tenancy/model.js';
import type { PrintFormat } from '../../../app/report/rendering.js';
import type { CliContext, Command } from '../command.js';
import { UsageError } from '../command.js';

export const dayFileBytesMax = 512 * 1024 * 1024;
const binaryFormats: readonly string[] = ['escpos', 'starprnt'];

interface ReportOptions {
  file: string | undefined;
  company: string | undefined;
  store: string;
  date: string;
  format: 'json' | PrintFormat;
  out: string | undefined;
  cpl: number | undefined;
  era: boolean;
  print: boolean;
  printer: string | undefined;
  printerKind: string | undefined;
}

function parseOptions(argv: string[], formats: readonly PrintFormat[]): ReportOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      company: { type: 'string' },
      store: { type: 'string' },
      date: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      cpl: { type: 'string' },
      era: { type: 'boolean', default: false },
      print: { type: 'boolean', default: false },
      printer: { type: 'string' },
      'printer-kind': { type: 'string' },
    },
  });
  if (positionals.length > 1) throw new UsageError('at most one FILE');
  const file = positionals[0];
  if ((file === undefined) === (values.company === undefined))
    throw new UsageError('give either FILE or --company C');
  if (!values.store || !values.date) throw new UsageError('--store and --date are required');
  const format = values.format ?? 'json';
  if (format !== 'json' && !isPrintFormat(formats, format))
    throw new UsageError(`--format must be json or one of ${formats.join(', ')}, got ${format}`);
  if (binaryFormats.includes(format) && !values.out && !values.print)
    throw new UsageError(`--format ${format} is binary: give --out FILE`);
  if (values.print && (values.out || values.format !== 'json'))
    throw new UsageError('--print sends to the printer: --format and --out do not apply');
  if (values.cpl !== undefined && !/^\d{2}$/.test(values.cpl))
    throw new UsageError(`--cpl must be a whole number (24–96), got ${values.cpl}`);
  return {
    file,
    company: values.company,
    store: values.store,
    date: values.date,
    format,
    out: values.out,
    cpl: values.cpl === undefined ? undefined : Number(values.cpl),
    era: values.era ?? false,
    print: values.print ?? false,
    printer: values.printer,
    printerKind: values['printer-kind'],
  };
}

export function readDayFile(path: string): unknown {
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

async function loadView(ctx: CliContext, options: ReportOptions): Promise<ReportView> {
  if (options.file !== undefined)
    return reportFromDayFile(readDayFile(options.file), {
      storeCode: options.store,
      businessDate: options.date,
      now: ctx.clock.now(),
    });
  const services = await ctx.app();
  const company = await services.tenancy.read.findCompanyByCode(options.company ?? '');
  if (!company)
    throw new AppError(
      'not_found',
      'company_not_found',
      `企業コード「${options.company}」の企業が見つかりません。`,
    );
  return services.report.getDailyReport(
    { companyId: company.id, label: 'cli' },
    { storeCode: options.store, businessDate: options.date },
  );
}

/** --printer HOST[:PORT] / --printer-kind, else the store's printer. */
function printerOf(view: ReportView, options: ReportOptions): PrinterSetting {
  if (options.printer === undefined) {
    if (view.store.printer) return view.store.printer;
    throw new AppError(
      'conflict',
      'printer_not_configured',
      `店舗「${view.store.name}」にレシートプリンターが設定されていません(--printer HOST[:PORT] で指定できます)。`,
    );
  }
  const match = /^(.+?)(?::(\d{1,5}))?$/.exec(options.printer);
  const kind = options.printerKind ?? view.store.printer?.kind;
  if (!match?.[1] || (kind !== 'escpos' && kind !== 'starprnt'))
    throw new UsageError('--printer HOST[:PORT] needs --printer-kind escpos|starprnt');
  return { host: match[1], port: match[2] === undefined ? 9100 : Number(match[2]), kind };
}

async function sendToStorePrinter(
  ctx: CliContext,
  view: ReportView,
  options: ReportOptions,
): Promise<number> {
  const result = await ctx.rendering.printNow(view.report, view.settings, {
    ...printerOf(view, options),
    ...(options.cpl !== undefined ? { cpl: options.cpl } : {}),
  });
  if (!result.ok) {
    ctx.err(`エラー: ${result.message}`);
    return 1;
  }
  ctx.out(
    JSON.stringify({
      printed: true,
      printer: result.address,
      kind: result.kind,
      bytes: result.bytesSent,
      attempts: result.attempts,
    }),
  );
  return 0;
}

function isPrintFormat(formats: readonly PrintFormat[], value: string): value is PrintFormat {
  return (formats as readonly string[]).includes(value);
}

export const reportCommand: Command = {
  name: 'report',
  summary: '日報を出力・印刷する (daily report from a day file or the database)',
  usage:
    'uriage report FILE --store S --date YYYY-MM-DD [--format json|text|escpos|starprnt|svg] [--out FILE] [--cpl N] [--era]\n' +
    '       uriage report --company C --store S --date YYYY-MM-DD [--format …] [--out FILE] [--cpl N]\n' +
    '       uriage report (FILE | --company C) --store S --date D --print [--printer HOST[:PORT] --printer-kind escpos|starprnt]',
  run: async (ctx, argv) => {
    const options = parseOptions(argv, ctx.rendering.formats);
    const view = await loadView(ctx, options);
    if (options.print) return sendToStorePrinter(ctx, view, options);
    const bytes =
      options.format === 'json'
        ? Buffer.from(`${JSON.stringify(view.report, null, 2)}\n`, 'utf8')
        : ctx.rendering.render(view.report, view.settings, options.format, {
            ...(options.cpl === undefined ? {} : { cpl: options.cpl }),
            ...(options.era ? { era: true } : {}),
          }).bytes;
    if (options.out !== undefined) {
      writeFileSync(options.out, bytes);
      ctx.err(`${options.out} に書き出しました(${bytes.length} bytes)。`);
      return 0;
    }
    process.stdout.write(bytes);
    return 0;
  },
};
