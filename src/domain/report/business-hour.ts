// The hour of an instant in the store's time zone, counted from the start of the business date:
// 0–23 on the business date itself, 24–29 (and beyond) on the next calendar morning of a late
// business day, negative on the calendar day before. Pure: Intl.DateTimeFormat only reads the
// time-zone database, it does no I/O and reads no clock.
import { instantMs } from '../register/status-rules.js';

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

const millisecondsPerDay = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / millisecondsPerDay;
}

function dayNumberOfDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new ReportInputError(`business date ${date} is not YYYY-MM-DD`);
  }
  return dayNumber(year, month, day);
}

function makeFormat(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
    });
  } catch {
    throw new ReportInputError(`unknown time zone ${timeZone}`);
  }
}

export type BusinessHourOf = (instant: string) => number;

export function makeBusinessHourOf(timeZone: string, businessDate: string): BusinessHourOf {
  const format = makeFormat(timeZone);
  const businessDayNumber = dayNumberOfDate(businessDate);
  return (instant) => {
    const epochMs = instantMs(instant);
    if (epochMs === null) throw new ReportInputError(`${instant} is not an instant with an offset`);
    const parts = new Map(format.formatToParts(new Date(epochMs)).map((part) => [part.type, Number(part.value)]));
    const localDayNumber = dayNumber(parts.get('year') ?? 0, parts.get('month') ?? 0, parts.get('day') ?? 0);
    return (localDayNumber - businessDayNumber) * 24 + (parts.get('hour') ?? 0);
  };
}
