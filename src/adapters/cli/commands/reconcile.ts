// uriage reconcile: 消込 suggestions offline (no database, no server).
//   uriage reconcile --receivables R.json --partners P.json --bank FILE [--tolerances T.json]
//     [--mapping M.json]   (a bank CSV's columns: {"date","amount":{"deposit","withdrawal"}|{"signed"},"payer",…})
// R: freee deals (未決済), P: freee partners, FILE: a 全銀 file or a bank CSV (detected),
// T: {"partners": {"<id>": {"feeRate": "0.0324"} | {"feeMaxYen": 660}}, "transferFeeMaxYen": 880}.
// Prints {"suggestions":[{"line","receivables","difference","differenceAccount","confidence",
// "reasons","alternatives",…}]}; a malformed file exits 1 naming its line.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../../app/errors.js';
import {
  partnersFromFreee,
  receivablesFromFreee,
  tolerancesFromJson,
} from '../../../app/reconcile/freee-input.js';
import { suggestionsJson } from '../../../app/reconcile/suggestions-json.js';
import { suggestMatches } from '../../../domain/reconcile/engine.js';
import type { CliContext, Command } from '../command.js';
import { UsageError } from '../command.js';

export const jsonInputBytesMax = 256 * 1024 * 1024;

function readJson(path: string, label: string): unknown {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new AppError(
      'not_found',
      'file_not_found',
      `${label} ${path} を読めません(${(error as NodeJS.ErrnoException).code ?? 'error'})。`,
    );
  }
  if (size > jsonInputBytesMax)
    throw new AppError(
      'validation',
      'file_too_large',
      `${label} が大きすぎます(${jsonInputBytesMax / 1024 / 1024}MBまで)。`,
    );
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new AppError(
      'validation',
      'invalid_json',
      `${label} ${path} は JSON として読めません: ${(error as Error).message}`,
    );
  }
}

async function run(ctx: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      receivables: { type: 'string' },
      partners: { type: 'string' },
      bank: { type: 'string' },
      tolerances: { type: 'string' },
      mapping: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError('no positional arguments');
  if (!values.receivables || !values.partners || !values.bank)
    throw new UsageError('--receivables, --partners and --bank are required');
  const receivables = receivablesFromFreee(readJson(values.receivables, '--receivables'));
  const partners = partnersFromFreee(readJson(values.partners, '--partners'));
  const tolerances = tolerancesFromJson(
    values.tolerances ? readJson(values.tolerances, '--tolerances') : {},
  );
  const statement = values.mapping
    ? ctx.statements.readFile(values.bank, readJson(values.mapping, '--mapping'))
    : ctx.statements.readFile(values.bank);
  const suggestions = suggestMatches({ lines: statement.lines, receivables, partners, tolerances });
  ctx.out(JSON.stringify(suggestionsJson(suggestions)));
  return 0;
}

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: '消込: suggest which receivables each deposit settles (offline)',
  usage:
    'uriage reconcile --receivables R.json --partners P.json --bank FILE [--tolerances T.json] [--mapping M.json]',
  run,
};
