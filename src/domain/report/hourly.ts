// 1時間ごとの売上 (spec §3 `hourly[]`): per business hour of completedAt, Σ T, checkouts,
// customers and items. Decision: the JSON lists every hour of the configured window (start to end
// hour, zeros included, so a printout needs no gap filling) plus every hour with a completed
// checkout, even outside the window; rows sorted by hour. An end hour below the start hour means
// the next morning (start 10, end 2 → 10…26).
import { assertYen, zeroYen } from '../money/yen.js';
import { ReportInputError, type BusinessHourOf } from './business-hour.js';
import type { CompletedCheckout } from './day-checkout.js';
import type { HourlyRow, ReportSettings } from './types.js';

export function hourlyWindow(settings: ReportSettings['hourly']): {
  startHour: number;
  endHour: number;
} {
  const { startHour, endHour } = settings;
  if (!Number.isInteger(startHour) || startHour < 0 || startHour > 23) {
    throw new ReportInputError(`hourly start hour ${startHour} is not 0–23`);
  }
  if (!Number.isInteger(endHour) || endHour < 0 || endHour > 29) {
    throw new ReportInputError(`hourly end hour ${endHour} is not 0–29`);
  }
  return { startHour, endHour: endHour < startHour ? endHour + 24 : endHour };
}

function emptyRow(hour: number): HourlyRow {
  return { hour, salesTotal: zeroYen, checkoutCount: 0, customerCount: 0, itemCount: 0 };
}

export function hourlyRows(
  completed: readonly CompletedCheckout[],
  hourOf: BusinessHourOf,
  settings: ReportSettings['hourly'],
): HourlyRow[] {
  const window = hourlyWindow(settings);
  const rows = new Map<number, HourlyRow>();
  for (let hour = window.startHour; hour <= window.endHour; hour += 1)
    rows.set(hour, emptyRow(hour));
  for (const { checkout, math } of completed) {
    if (checkout.completedAt === null) continue;
    const hour = hourOf(checkout.completedAt);
    const row = rows.get(hour) ?? emptyRow(hour);
    row.salesTotal = assertYen(row.salesTotal + math.totals.totalYen);
    row.checkoutCount += 1;
    row.customerCount += checkout.customerCount;
    row.itemCount += checkout.lines.reduce((count, line) => count + line.quantity, 0);
    rows.set(hour, row);
  }
  return [...rows.values()].sort((left, right) => left.hour - right.hour);
}

export const businessHourLast = 29;

/**
 * The printed hours of a store that keeps the default settings: its whole business day, from the
 * default start to the latest hour with a completed checkout (24–29: the next calendar morning), so
 * a 00:30 sale of a late business day is printed and the printed hours add up to 売上等.
 */
export function businessDayHours(
  settings: ReportSettings['hourly'],
  hourly: readonly HourlyRow[],
): ReportSettings['hourly'] {
  let endHour = settings.endHour;
  for (const row of hourly)
    if (row.checkoutCount > 0 && row.hour > endHour) endHour = Math.min(row.hour, businessHourLast);
  return { ...settings, endHour };
}
