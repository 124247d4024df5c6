// Line builders for the 日報 document. Column widths depend on characters per line (cpl):
// 80 mm paper is 48 cpl (Font A), 58 mm paper 32. Labels and values are escaped here;
// only the markup (`|`, `~` indents, `"` emphasis, `^` size, `{width:…}`) is added raw.
import { escapeText, formatCount, formatYen } from './receiptline-text.js';
import type { CountAmount } from '../../domain/report/types.js';
import type { Yen } from '../../domain/money/yen.js';

export const cplMin = 24;
export const cplMax = 96;
export const cplDefault = 48;

export interface Layout {
  cpl: number;
  /** Width of the value column (money fits `-¥99,999,999`). */
  valueWidth: number;
  /** Width of the count column on count + amount rows. */
  countWidth: number;
}

export function layoutFor(cpl: number): Layout {
  if (!Number.isInteger(cpl) || cpl < cplMin || cpl > cplMax) {
    throw new RangeError(`cpl must be an integer from ${cplMin} to ${cplMax}, got ${String(cpl)}`);
  }
  return { cpl, valueWidth: cpl >= 42 ? 14 : 12, countWidth: 6 };
}

/** `{width:…}` switches: full width for headings, label + value, label + count + amount. */
export const fullWidth = '{width:auto}';
export const rule = '---';
export const pairWidths = (layout: Layout): string => `{width:* ${layout.valueWidth}}`;
/** Label + date/time value (`2026/08/25 01:05`, `2026年8月24日(月)` are 16–18 columns). */
export const dateWidths = '{width:* 18}';
export const tripleWidths = (layout: Layout): string =>
  `{width:* ${layout.countWidth} ${layout.valueWidth}}`;

const indent = (level: number): string => '~~'.repeat(level);

/** A left-aligned, emphasized section heading (use after `fullWidth`). */
export function heading(text: string): string {
  return `|"${escapeText(text)}`;
}

/** `label | value`: label left, value right. */
export function pair(label: string, value: string, level = 0): string {
  return `${indent(level)}${escapeText(label)} | ${escapeText(value)}`;
}

/** A label on its own (a group title inside a pair block). */
export function label(text: string, level = 0): string {
  return `${indent(level)}${escapeText(text)} |`;
}

export function yenRow(text: string, amountYen: Yen, level = 0): string {
  return pair(text, formatYen(amountYen), level);
}

export function countRow(text: string, count: number, level = 0): string {
  return pair(text, formatCount(count), level);
}

/** The seed's two-row form: `値引き 3` then an indented `金額 ¥300`. */
export function countThenAmount(text: string, figure: CountAmount): string[] {
  return [countRow(text, figure.count), yenRow('金額', figure.amount, 1)];
}

/** One row: `レジ入金 | 2 | ¥3,000` (use after `tripleWidths`). */
export function countAndAmountRow(text: string, figure: CountAmount): string {
  return `${escapeText(text)} | ${escapeText(formatCount(figure.count))}| ${escapeText(formatYen(figure.amount))}`;
}
