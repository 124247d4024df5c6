// The one way `uriage` commands print a result: `--format text` (for people: aligned lines, no JSON)
// or `--format json` (for scripts: one JSON document, stable keys). Each command says its default:
// text, except where JSON was the documented contract before (company, import, close, deals,
// reconcile; report/receipt have their own print formats) — see docs/cli.md.
import type { CliContext } from './command.js';
import { UsageError } from './command.js';

export const outputFormats = ['text', 'json'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** The parseArgs option every command takes. */
export const formatOption = { format: { type: 'string' } } as const;

/** --format checked (the unknown one refused naming the option); `--json` is the older alias. */
export function outputFormatOf(
  value: string | undefined,
  fallback: OutputFormat,
  jsonFlag = false,
): OutputFormat {
  if (value === undefined) return jsonFlag ? 'json' : fallback;
  if (!(outputFormats as readonly string[]).includes(value))
    throw new UsageError(`--format must be one of ${outputFormats.join(', ')}, got ${value}`);
  if (jsonFlag && value !== 'json') throw new UsageError('--json and --format text disagree');
  return value as OutputFormat;
}

/**
 * Prints `value` as JSON (indented; on one line for the start line of a long-running process), or
 * the text lines made from it.
 */
export function printResult<T>(
  ctx: Pick<CliContext, 'out'>,
  format: OutputFormat,
  value: T,
  text: (value: T) => readonly string[],
  options: { oneLine?: boolean } = {},
): void {
  if (format === 'json') ctx.out(JSON.stringify(value, null, options.oneLine ? undefined : 2));
  else for (const line of text(value)) ctx.out(line);
}

/** Columns a string takes in a terminal: full-width (CJK, 全角) characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

export type Cell = string | number | boolean | null | undefined;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '-';
  if (typeof cell === 'boolean') return cell ? 'はい' : 'いいえ';
  return String(cell);
}

/** Rows under a header, columns aligned (numbers to the right), two spaces apart. */
export function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string[] {
  const texts = [header, ...rows.map((row) => row.map(cellText))];
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'),
  );
  const widths = header.map((_, i) => Math.max(...texts.map((r) => displayWidth(r[i] ?? ''))));
  return texts.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell)));
        return numeric[i] ? pad + cell : i === row.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** `label: value` lines, labels aligned. */
export function fields(pairs: readonly (readonly [string, Cell])[]): string[] {
  const width = Math.max(0, ...pairs.map(([label]) => displayWidth(label)));
  return pairs.map(
    ([label, value]) => `${label}${' '.repeat(width - displayWidth(label))}  ${cellText(value)}`,
  );
}
