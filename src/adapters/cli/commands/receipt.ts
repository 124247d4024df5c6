// uriage receipt: the receipt (レシート / 適格簡易請求書) of one checkout of a day file, offline.
//   uriage receipt FILE --checkout ID [--format json|text|escpos|starprnt|svg] [--out FILE]
//   --layout standard|simple   the two layouts of seed 002 (default standard)
//   --reissue                  marked 【再発行】
//   --addressee NAME [--note TEXT]   a 領収書 with 宛名 and 但し書き
//   --cpl N                    characters per line (48 = 80 mm paper, 32 = 58 mm)
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { receiptFromDayFile } from '../../../app/receipt/day-file-receipt.js';
import type { ReceiptRenderOptions } from '../../../app/receipt/rendering.js';
import type { CliContext, Command } from '../command.js';
import { UsageError } from '../command.js';
import { readDayFile } from './report.js';

const formats = ['json', 'text', 'escpos', 'starprnt', 'svg'] as const;
type ReceiptFormat = (typeof formats)[number];
const binaryFormats: readonly string[] = ['escpos', 'starprnt'];

function parseOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      checkout: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      cpl: { type: 'string' },
      layout: { type: 'string', default: 'standard' },
      reissue: { type: 'boolean', default: false },
      addressee: { type: 'string' },
      note: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('give one FILE');
  if (!values.checkout) throw new UsageError('--checkout ID is required');
  const format = values.format ?? 'json';
  if (!(formats as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${formats.join(', ')}, got ${format}`);
  if (binaryFormats.includes(format) && !values.out)
    throw new UsageError(`--format ${format} is binary: give --out FILE`);
  if (values.cpl !== undefined && !/^\d{2}$/.test(values.cpl))
    throw new UsageError(`--cpl must be a whole number (24–96), got ${values.cpl}`);
  if (values.layout !== 'standard' && values.layout !== 'simple')
    throw new UsageError(`--layout must be standard or simple, got ${values.layout}`);
  const render: ReceiptRenderOptions = {
    layout: values.layout,
    reissue: values.reissue ?? false,
    ...(values.cpl === undefined ? {} : { cpl: Number(values.cpl) }),
    ...(values.addressee === undefined
      ? {}
      : { formalReceipt: { addressee: values.addressee, note: values.note ?? '' } }),
  };
  return {
    file,
    checkoutId: values.checkout,
    format: format as ReceiptFormat,
    out: values.out,
    render,
  };
}

export const receiptCommand: Command = {
  name: 'receipt',
  summary: 'レシートを出力する (receipt of a checkout in a day file, offline)',
  usage:
    'uriage receipt FILE --checkout ID [--format json|text|escpos|starprnt|svg] [--out FILE]\n' +
    '       [--layout standard|simple] [--reissue] [--addressee 宛名 [--note 但し書き]] [--cpl N]',
  run: (ctx, argv) => Promise.resolve(runReceipt(ctx, argv)),
};

function runReceipt(ctx: CliContext, argv: string[]): number {
  const options = parseOptions(argv);
  const { receipt, methodNames } = receiptFromDayFile(
    readDayFile(options.file),
    options.checkoutId,
  );
  const bytes =
    options.format === 'json'
      ? Buffer.from(`${JSON.stringify(receipt, null, 2)}\n`, 'utf8')
      : ctx.receipts.render(receipt, options.format, { ...options.render, methodNames }).bytes;
  if (options.out !== undefined) {
    writeFileSync(options.out, bytes);
    ctx.err(`${options.out} に書き出しました(${bytes.length} bytes)。`);
    return 0;
  }
  process.stdout.write(bytes);
  return 0;
}
