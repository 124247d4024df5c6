// Calendar dates (YYYY-MM-DD) as day numbers, for schedule arithmetic. Pure: no clock, no time zone
// (a business date is already a date in the store's zone); UTC is only the counting frame.
const msPerDay = 86_400_000;

export class CalendarDateError extends Error {
  constructor(readonly value: string) {
    super(`${value} is not a calendar date YYYY-MM-DD`);
    this.name = 'CalendarDateError';
  }
}

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function dateParts(date: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new CalendarDateError(date);
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (formatDate(dayNumber(parts)) !== date) throw new CalendarDateError(date);
  return parts;
}

/** Days since 1970-01-01 (may be negative). */
export function dayNumber(parts: DateParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day) / msPerDay;
}

export function dayNumberOf(date: string): number {
  return dayNumber(dateParts(date));
}

export function formatDate(dayNo: number): string {
  return new Date(dayNo * msPerDay).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDate(dayNumberOf(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return dayNumber({ year, month: month + 1, day: 1 }) - dayNumber({ year, month, day: 1 });
}

/** The month `offset` months after (year, month), as { year, month }. */
export function addMonths(
  year: number,
  month: number,
  offset: number,
): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
