// A receipt (レシート), a 返品/返金 receipt or a 領収書 as a receiptline document (render.ts turns it
// into text, SVG, ESC/POS or StarPRNT). Two layouts as in seed 002: `standard` (one row per line
// with unit and quantity, the tax table boxed) and `simple` (name and amount only). 再発行 prints
// 【再発行】 under the title. The 適格簡易請求書 items appear only with a 登録番号.
import { escapeText, formatCount, formatInstant, formatYen } from './receiptline-text.js';
import { cplDefault, fullWidth, layoutFor, pair, rule } from './report-layout.js';
import { isReturnReceipt, type Receipt } from '../../domain/receipt/receipt.js';

export const receiptLayouts = ['standard', 'simple'] as const;
export type ReceiptLayout = (typeof receiptLayouts)[number];

export interface ReceiptDocumentOptions {
  cpl?: number;
  layout?: ReceiptLayout;
  /** 再発行: printed again, marked as a copy. */
  reissue?: boolean;
  /** Printed names of payment methods by code (the code is printed when missing). */
  methodNames?: Readonly<Record<string, string>>;
  /** A 領収書 instead of a receipt: 宛名 and 但し書き. */
  formalReceipt?: { addressee: string; note: string };
}

const reducedMark = '※';
const rateLabels = { standard10: '10%', reduced8: '8%', exempt: '非課税' } as const;

function headerRows(receipt: Receipt, title: string, reissue: boolean): string[] {
  const rows = [fullWidth, `^^^${escapeText(title)}`];
  if (reissue) rows.push('"【再発行】');
  rows.push(`${escapeText(receipt.issuer.name)}`, `${escapeText(receipt.storeName)}`);
  if (receipt.issuer.registrationNumber !== undefined)
    rows.push(`登録番号 ${escapeText(receipt.issuer.registrationNumber)}`);
  rows.push(
    '{width:* 18}',
    pair('取引日時', formatInstant(receipt.issuedAt, 'issuedAt')),
    pair('会計番号', receipt.checkoutId.slice(0, 8)),
  );
  return rows;
}

function lineRows(receipt: Receipt, layout: ReceiptLayout, valueWidth: number): string[] {
  const rows = [rule, `{width:* ${valueWidth}}`];
  for (const line of receipt.lines) {
    const mark = line.reducedRate ? reducedMark : '';
    const quantity = layout === 'standard' ? ` x${formatCount(line.quantity)}` : '';
    rows.push(
      `${escapeText(`${mark}${line.name}${quantity}`)} | ${escapeText(formatYen(line.amount))}`,
    );
  }
  if (receipt.lines.some((line) => line.reducedRate))
    rows.push(fullWidth, `${reducedMark}は軽減税率対象`);
  return rows;
}

function taxRows(receipt: Receipt, valueWidth: number): string[] {
  if (receipt.byRate.length === 0) return [];
  const rows = [rule, `{width:* ${valueWidth}}`];
  for (const rate of receipt.byRate) {
    const label = rateLabels[rate.taxCategory];
    rows.push(pair(`${label}対象`, formatYen(rate.targetAmount)));
    if (rate.taxCategory !== 'exempt') rows.push(pair(`(消費税等 ${label})`, formatYen(rate.tax)));
  }
  return rows;
}

function tenderRows(receipt: Receipt, options: ReceiptDocumentOptions, width: number): string[] {
  const rows = [rule, `{width:* ${width}}`, `^合計 | ^${escapeText(formatYen(receipt.total))}`];
  for (const payment of receipt.payments) {
    const name = options.methodNames?.[payment.method] ?? payment.method;
    rows.push(pair(payment.amount < 0 ? `${name}(返金)` : name, formatYen(payment.amount)));
  }
  rows.push(pair('お釣り', formatYen(receipt.change)));
  return rows;
}

function formalRows(
  receipt: Receipt,
  formal: { addressee: string; note: string },
  width: number,
): string[] {
  return [
    fullWidth,
    `^${escapeText(formal.addressee || '')} 様`,
    rule,
    `{width:* ${width}}`,
    `^金額 | ^${escapeText(formatYen(receipt.total))}`,
    fullWidth,
    `但し ${escapeText(formal.note || 'お品代として')}`,
    '上記正に領収いたしました',
  ];
}

/** The receiptline document of `receipt`. */
export function receiptToReceiptline(
  receipt: Receipt,
  options: ReceiptDocumentOptions = {},
): string {
  const layout = layoutFor(options.cpl ?? cplDefault);
  const style = options.layout ?? 'standard';
  const title =
    options.formalReceipt !== undefined
      ? '領収書'
      : isReturnReceipt(receipt)
        ? '返品・返金'
        : 'レシート';
  const rows = headerRows(receipt, title, options.reissue === true);
  if (options.formalReceipt !== undefined)
    rows.push(...formalRows(receipt, options.formalReceipt, layout.valueWidth));
  else rows.push(...lineRows(receipt, style, layout.valueWidth));
  rows.push(...tenderRowsOrNone(receipt, options, layout.valueWidth));
  rows.push(...taxRows(receipt, layout.valueWidth));
  rows.push(fullWidth, '');
  return `${rows.join('\n')}\n`;
}

function tenderRowsOrNone(
  receipt: Receipt,
  options: ReceiptDocumentOptions,
  width: number,
): string[] {
  return options.formalReceipt !== undefined ? [] : tenderRows(receipt, options, width);
}
