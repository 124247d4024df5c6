// Instants and calendar dates in a store's time zone: printedAt (印刷日時) is "now" from the injected
// clock, written with the store's UTC offset at that instant (2025-01-10T21:05:00+09:00), because the
// printout shows the wall clock written in the instant.
const millisecondsPerDay = 86_400_000;

function wallClockParts(instant: Date, timeZone: string): Map<string, string> {
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
  return new Map(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** `2025-01-10T21:05:00+09:00`: the instant as the store's wall clock with its offset (whole seconds). */
export function instantInZone(instant: Date, timeZone: string): string {
  const parts = wallClockParts(instant, timeZone);
  const field = (name: string): number => Number(parts.get(name) ?? '0');
  const wallMs = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  const offsetMinutes = Math.round((wallMs - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
  const pad = (name: string): string => parts.get(name) ?? '00';
  return `${pad('year')}-${pad('month')}-${pad('day')}T${pad('hour')}:${pad('minute')}:${pad('second')}${offset}`;
}

/** Today's calendar date in the store's time zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  return instantInZone(instant, timeZone).slice(0, 10);
}

/** Every date from `from` to `to` inclusive (YYYY-MM-DD, both valid, from ≤ to), at most `daysMax` + 1. */
export function datesBetween(from: string, to: string, daysMax: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const dates: string[] = [];
  for (let at = start; at <= end && dates.length <= daysMax; at += millisecondsPerDay) {
    dates.push(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}
