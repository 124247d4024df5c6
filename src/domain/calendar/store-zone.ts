// Instants in a store's time zone: the wall clock written with the zone's UTC offset at that instant
// (2025-01-10T21:05:00+09:00, as 印刷日時 is printed), the zone's offset, and the business date
// (calendar date in the zone) of an instant. Pure: Intl.DateTimeFormat only reads the time-zone
// database; the instant is always given, never read from a clock.
import type { BusinessDate } from './business-date.js';

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

function wallClockOf(instant: Date, timeZone: string): WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(instant)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

function offsetMinutesOf(clock: WallClock, instant: Date): number {
  const wallMs = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return Math.round((wallMs - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The zone's UTC offset at `instant` in whole minutes (+540 for Asia/Tokyo). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  return offsetMinutesOf(wallClockOf(instant, timeZone), instant);
}

/** `+09:00`, `-04:00`, `+05:30`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(absolute % 60).padStart(2, '0')}`;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `2025-01-10T21:05:00+09:00`: the instant as the store's wall clock with its offset (whole seconds). */
export function instantInZone(instant: Date, timeZone: string): string {
  const clock = wallClockOf(instant, timeZone);
  const date = `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
  const time = `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  return `${date}T${time}${formatOffset(offsetMinutesOf(clock, instant))}`;
}

/** The calendar date of `instant` in the store's time zone (today's business date for "now"). */
export function businessDateIn(instant: Date, timeZone: string): BusinessDate {
  return instantInZone(instant, timeZone).slice(0, 10) as BusinessDate;
}
