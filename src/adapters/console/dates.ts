// The console's one date formatter: one style per use.
//   headings   2026年12月2日(水)            dateHeading(businessDate)
//   tables     2026/12/02 and 2026/12/02 08:10   dateCell(businessDate), instantCell(zone, instant)
//   printed    令和8年12月2日(水)           eraHeading(businessDate), where people expect the era
const weekdays = ['日', '月', '火', '水', '木', '金', '土'];

function partsOf(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const weekdayOf = (year: number, month: number, day: number): string =>
  weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';

/** `2026-12-02` → `2026年12月2日(水)`; anything else is returned as given. */
export function dateHeading(date: string): string {
  const p = partsOf(date);
  if (!p) return date;
  return `${p.year}年${p.month}月${p.day}日(${weekdayOf(p.year, p.month, p.day)})`;
}

/** `2026-12-02` → `2026/12/02`. */
export function dateCell(date: string): string {
  return partsOf(date) ? date.replaceAll('-', '/') : date;
}

/** `2026-12-02` → `12/2(水)`: a day in a month's table or a chart axis. */
export function dayCell(date: string): string {
  const p = partsOf(date);
  if (!p) return date;
  return `${p.month}/${p.day}(${weekdayOf(p.year, p.month, p.day)})`;
}

/** `2026-12-02` → `令和8年12月2日(水)` (the Japanese era, for the printed 日報 and its headings). */
export function eraHeading(date: string): string {
  const p = partsOf(date);
  if (!p) return date;
  const era = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    timeZone: 'UTC',
    era: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(p.year, p.month - 1, p.day)));
  return `${era.replace(/年$/, '')}年${p.month}月${p.day}日(${weekdayOf(p.year, p.month, p.day)})`;
}

/** An instant in the store's zone → `2026/12/02 08:10`; null → ''. */
export function instantCell(timeZone: string, instant: Date | null): string {
  if (!instant) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}/${part('month')}/${part('day')} ${part('hour')}:${part('minute')}`;
}

/** `2025-01-11T01:15:00+09:00` → `2025/01/11 01:15`: the wall clock written in the instant. */
export function wallClockCell(instant: string | null): string {
  if (instant === null) return 'なし';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(instant);
  return match ? `${match[1]}/${match[2]}/${match[3]} ${match[4]}:${match[5]}` : instant;
}

/** `2026-12` → `2026年12月` (the 月報's heading); anything else is returned as given. */
export function monthHeading(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${match[1]}年${Number(match[2])}月` : month;
}
