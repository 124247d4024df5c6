// The Japanese era (元号) of a date, for the printed 日報 and wherever people expect 和暦: a table of
// the eras since 明治 with their first days (Gregorian), so the result does not depend on the ICU
// data of the runtime. The first year of an era is 元年. Dates before 明治 have no era here (null).
import { isBusinessDate } from './business-date.js';

interface Era {
  name: string;
  /** First day, YYYY-MM-DD (Gregorian). */
  start: string;
}

/** Newest first. 令和 from 2019-05-01 (政令 of 2019-04-01), 平成 from 1989-01-08. */
const eras: readonly Era[] = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1868-10-23' },
];

export interface EraDate {
  era: string;
  /** 1 for 元年. */
  year: number;
  month: number;
  day: number;
}

/** `2019-05-01` → 令和 1 (元年) 5 1; null before 明治. */
export function eraDateOf(date: string): EraDate | null {
  if (!isBusinessDate(date)) throw new TypeError(`date must be YYYY-MM-DD, got ${date}`);
  const era = eras.find((e) => date >= e.start);
  if (!era) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { era: era.name, year: year - Number(era.start.slice(0, 4)) + 1, month, day };
}

const weekdaysJa = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** `2026-12-02` → `令和8年12月2日(水)`, `2019-05-01` → `令和元年5月1日(水)`; 西暦 before 明治. */
export function formatEraDate(date: string): string {
  const era = eraDateOf(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = weekdaysJa[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
  const yearText = era ? `${era.era}${era.year === 1 ? '元' : era.year}` : `${year}`;
  return `${yearText}年${month}月${day}日(${weekday})`;
}
