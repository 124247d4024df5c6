// A business date (営業日): a real calendar date written YYYY-MM-DD, in the store's time zone. The
// brand says "checked": the only ways to get one are `parseBusinessDate` (throws) and the
// `isBusinessDate` guard, both of which reject impossible dates such as 2025-02-31. Years 0000–0099
// are rejected too (they were never accepted: Date.UTC reads them as 1900–1999).
export type BusinessDate = string & { readonly __brand: 'BusinessDate' };

export class BusinessDateError extends Error {
  constructor(readonly value: unknown) {
    super(`${String(value)} is not a calendar date YYYY-MM-DD`);
    this.name = 'BusinessDateError';
  }
}

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const firstYear = 100;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function partsOfText(text: string): DateParts | null {
  const match = datePattern.exec(text);
  if (match === null) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.year < firstYear || parts.month < 1 || parts.month > 12 || parts.day < 1) return null;
  return parts.day <= daysInMonth(parts.year, parts.month) ? parts : null;
}

export function isBusinessDate(value: unknown): value is BusinessDate {
  return typeof value === 'string' && partsOfText(value) !== null;
}

/** The one parser: `text` as a BusinessDate, or BusinessDateError. */
export function parseBusinessDate(text: unknown): BusinessDate {
  if (!isBusinessDate(text)) throw new BusinessDateError(text);
  return text;
}

export function datePartsOf(date: BusinessDate): DateParts {
  const parts = partsOfText(date);
  if (parts === null) throw new BusinessDateError(date);
  return parts;
}
