// Banking days (銀行営業日) for due dates of unsettled payment methods.
// A banking day is a Monday–Friday that is neither a national holiday (祝日, 振替休日, 国民の休日:
// the @holiday-jp/holiday_jp table) nor one of the year-end bank holidays 12/31, 1/1, 1/2, 1/3
// (銀行休業日, 銀行法施行令 第5条: banks are closed on these days although only 1/1 is a 祝日).
// Searches are bounded: `bankingDaySearchMax` calendar days per step (BankingDaySearchError), and
// dates outside the holiday table's years throw HolidayDataRangeError instead of guessing.
import holidayJp from '@holiday-jp/holiday_jp';
import { datePartsOf, type BusinessDate } from './business-date.js';
import { addDays, weekdayOf } from './day-arithmetic.js';

/** The longest run of non-banking days is about 10 (Golden Week, year end); 31 is a safe bound. */
export const bankingDaySearchMax = 31;
/** Upper bound of `bankingDays` in a `daysAfter` schedule and of `addBankingDays`. */
export const bankingDaysAfterMax = 366;

/** No banking day within the bounded search (`bankingDaySearchMax` calendar days). */
export class BankingDaySearchError extends Error {
  constructor(
    readonly fromDate: string,
    readonly searchedDays: number,
  ) {
    super(`no banking day within ${searchedDays} days from ${fromDate}`);
    this.name = 'BankingDaySearchError';
  }
}

/** A date outside the years the holiday table covers: its holidays are unknown. */
export class HolidayDataRangeError extends Error {
  constructor(
    readonly date: string,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(`${date} is outside the holiday data (${firstYear}–${lastYear})`);
    this.name = 'HolidayDataRangeError';
  }
}

const yearEndBankHolidays = new Set(['12-31', '01-01', '01-02', '01-03']);
const holidayDates: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));
const holidayYears = [...holidayDates].map((date) => Number(date.slice(0, 4)));
export const holidayDataFirstYear = Math.min(...holidayYears);
export const holidayDataLastYear = Math.max(...holidayYears);

export function isBankingDay(date: BusinessDate): boolean {
  const { year } = datePartsOf(date);
  if (year < holidayDataFirstYear || year > holidayDataLastYear) {
    throw new HolidayDataRangeError(date, holidayDataFirstYear, holidayDataLastYear);
  }
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  if (yearEndBankHolidays.has(date.slice(5))) return false;
  return !holidayDates.has(date);
}

/** `date` itself when it is a banking day, else the next one (翌営業日). */
export function onOrAfterBankingDay(date: BusinessDate): BusinessDate {
  let candidate = date;
  for (let step = 0; step <= bankingDaySearchMax; step += 1) {
    if (isBankingDay(candidate)) return candidate;
    candidate = addDays(candidate, 1);
  }
  throw new BankingDaySearchError(date, bankingDaySearchMax);
}

/** The `count`-th banking day strictly after `date` (count 0: `date` rolled forward). */
export function addBankingDays(date: BusinessDate, count: number): BusinessDate {
  if (!Number.isInteger(count) || count < 0 || count > bankingDaysAfterMax) {
    throw new RangeError(`banking days must be an integer 0–${bankingDaysAfterMax}, got ${count}`);
  }
  let current = onOrAfterBankingDay(date);
  if (count > 0 && current !== date) count -= 1;
  for (let counted = 0; counted < count; counted += 1)
    current = onOrAfterBankingDay(addDays(current, 1));
  return current;
}
