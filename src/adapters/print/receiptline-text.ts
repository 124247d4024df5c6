// Text helpers for receiptline documents: escaping user text, and the printed forms of money,
// counts, dates and instants. Everything printed goes through `escapeText`; markup is added after.
import iconv from 'iconv-lite';
import { assertYen } from '../../domain/money/yen.js';

/** Characters with a meaning in receiptline text (README "Special characters in text"). */
const specialCharacters = /[\\|{}\-=~_"`^]/g;
/** Control characters would end a line or be dropped by receiptline; they become a space. */
const controlCharacters = /[\p{Cc}\u2028\u2029]+/gu;
/** Printed in place of a character the printer's code page (cp932) cannot print: the 〓 (geta) convention. */
export const unprintableMark = '〓';
const printerEncoding = 'cp932';

/** User text (store, method names, titles) → literal receiptline text, safe in any column. */
export function escapeText(text: string): string {
  return toPrintable(text.normalize('NFC').replace(controlCharacters, ' ').trim()).replace(
    specialCharacters,
    (character) => `\\${character}`,
  );
}

/** Replaces characters that cp932 cannot encode (emoji, some rare kanji) so widths stay right. */
export function toPrintable(text: string): string {
  let result = '';
  for (const character of text) {
    const encoded = iconv.encode(character, printerEncoding);
    const unmapped = encoded.length === 1 && encoded[0] === 0x3f && character !== '?';
    result += unmapped ? unprintableMark : character;
  }
  return result;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** ¥1,234 / -¥1,234 (ASCII hyphen-minus: one column wide and the same byte in every code page). */
export function formatYen(amountYen: number): string {
  assertYen(amountYen, 'amountYen');
  const digits = groupThousands(String(Math.abs(amountYen)));
  return amountYen < 0 ? `-¥${digits}` : `¥${digits}`;
}

export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count))
    throw new TypeError(`count must be an integer, got ${String(count)}`);
  const digits = groupThousands(String(Math.abs(count)));
  return count < 0 ? `-${digits}` : digits;
}

const weekdaysJa = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** `2026-08-24` → `2026年8月24日(月)`. */
export function formatBusinessDate(businessDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(businessDate);
  if (!match) throw new TypeError(`businessDate must be YYYY-MM-DD, got ${businessDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = weekdaysJa[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
  return `${year}年${month}月${day}日(${weekday})`;
}

/**
 * `2026-08-25T01:05:00+09:00` → `2026/08/25 01:05`: the wall-clock time as written in the instant,
 * so callers pass instants in the store's offset (the report's own instants already are).
 */
export function formatInstant(instant: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(instant);
  if (!match) throw new TypeError(`${field} must be an ISO 8601 instant, got ${instant}`);
  return `${match[1]}/${match[2]}/${match[3]} ${match[4]}:${match[5]}`;
}
