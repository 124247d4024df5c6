// Day arithmetic on business dates: day numbers, adding days and months, weekdays, ranges. Pure: no
// clock and no time zone (a business date is already a date in the store's zone); UTC is only the
// counting frame.
import {
  BusinessDateError,
  datePartsOf,
  daysInMonth,
  type BusinessDate,
  type DateParts,
} from './business-date.js';

const msPerDay = 86_400_000;

/** Days since 1970-01-01 (may be negative) of valid parts. */
export function dayNumberOfParts(parts: DateParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day) / msPerDay;
}

/** Days since 1970-01-01 (may be negative). */
export function dayNumberOf(date: BusinessDate): number {
  return dayNumberOfParts(datePartsOf(date));
}

export function dateOfDayNumber(dayNo: number): BusinessDate {
  const text = new Date(dayNo * msPerDay).toISOString().slice(0, 10);
  if (text.length !== 10 || text.startsWith('00')) throw new BusinessDateError(text);
  return text as BusinessDate;
}

/** The date of (year, month, day), `day` clamped to the month's last ('end' is the last). */
export function dateInMonth(year: number, month: number, day: number | 'end'): BusinessDate {
  const last = daysInMonth(year, month);
  return dateOfDayNumber(
    dayNumberOfParts({ year, month, day: day === 'end' ? last : Math.min(day, last) }),
  );
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** `to` − `from` in days (negative when `to` is earlier). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: BusinessDate): number {
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
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

/** The last day of the month of `date`. */
export function monthEnd(date: BusinessDate): BusinessDate {
  const { year, month } = datePartsOf(date);
  return dateInMonth(year, month, 'end');
}

/** Every date from `from` to `to` inclusive (from ≤ to), at most `daysMax` + 1 of them. */
export function datesBetween(
  from: BusinessDate,
  to: BusinessDate,
  daysMax: number,
): BusinessDate[] {
  const start = dayNumberOf(from);
  const end = dayNumberOf(to);
  const dates: BusinessDate[] = [];
  for (let dayNo = start; dayNo <= end && dates.length <= daysMax; dayNo += 1) {
    dates.push(dateOfDayNumber(dayNo));
  }
  return dates;
}
