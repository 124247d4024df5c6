// Calendar dates as freee writes them (yyyy-mm-dd, JST) and the instants the clock gives.
import type { Clock } from './ports.js';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const jstOffsetMs = 9 * 60 * 60 * 1000;

/** True for a real calendar date written yyyy-mm-dd (2025-02-30 is false). */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = datePattern.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Today's date in Japan (freee's update_date is a JST date). */
export function jstToday(clock: Clock): string {
  return new Date(clock.now().getTime() + jstOffsetMs).toISOString().slice(0, 10);
}

export function addMs(clock: Clock, ms: number): Date {
  return new Date(clock.now().getTime() + ms);
}
