// The hour of an instant in the store's time zone, counted from the start of the business date:
// 0–23 on the business date itself, 24–29 (and beyond) on the next calendar morning of a late
// business day, negative on the calendar day before. Pure: Intl.DateTimeFormat only reads the
// time-zone database, it does no I/O and reads no clock.
//
// The definition is `businessHourByIntl`: Intl's local year/month/day/hour of the instant. The
// function the report uses gets the same number without asking Intl per instant: per UTC hour
// [h, h + 1 h) it asks Intl once for the zone's UTC offset at the first and at the last second of
// that hour (to the second, so LMT offsets like +09:18:59 count). Equal offsets at both ends mean
// no transition inside the hour, and then every instant t of it is at local time t + offset, whose
// hour is floor((t + offset) / 1 h). An hour whose two ends differ (a DST or other transition
// inside it, whatever its minute) and instants outside the years 1900–2199 are asked of Intl per
// instant. The one assumption: a zone never has two transitions less than an hour apart that undo
// each other (the time-zone database has none: transitions are months apart). Property-tested
// against `businessHourByIntl` over DST zones and every transition hour (test/domain/report).
import { isBusinessDate } from '../calendar/business-date.js';
import { dayNumberOf, dayNumberOfParts } from '../calendar/day-arithmetic.js';
import { instantMs } from '../calendar/instant.js';

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

const millisecondsPerHour = 3_600_000;

function dayNumberOfDate(date: string): number {
  if (!isBusinessDate(date)) throw new ReportInputError(`business date ${date} is not YYYY-MM-DD`);
  return dayNumberOf(date);
}

interface ZoneFormats {
  /** year, month, day, hour: the definition. */
  hour: Intl.DateTimeFormat;
  /** down to the second: the offset probe. */
  second: Intl.DateTimeFormat;
}

const zoneFormatsMax = 64;
const zoneFormats = new Map<string, ZoneFormats>();

function formatsOf(timeZone: string): ZoneFormats {
  const cached = zoneFormats.get(timeZone);
  if (cached !== undefined) return cached;
  let formats: ZoneFormats;
  try {
    const common = {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
    } as const;
    formats = {
      hour: new Intl.DateTimeFormat('en-US', common),
      second: new Intl.DateTimeFormat('en-US', { ...common, minute: 'numeric', second: 'numeric' }),
    };
  } catch {
    throw new ReportInputError(`unknown time zone ${timeZone}`);
  }
  if (zoneFormats.size >= zoneFormatsMax) zoneFormats.clear();
  zoneFormats.set(timeZone, formats);
  return formats;
}

function partsOf(
  format: Intl.DateTimeFormat,
  epochMs: number,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(epochMs)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return parts;
}

export type BusinessHourOf = (instant: string) => number;
/** The same on epoch milliseconds (an instant already parsed). */
export type BusinessHourOfEpoch = (epochMs: number) => number;

/** The definition: Intl's local date and hour of every instant. */
export function businessHourByIntl(timeZone: string, businessDate: string): BusinessHourOfEpoch {
  const format = formatsOf(timeZone).hour;
  const businessDayNumber = dayNumberOfDate(businessDate);
  return (epochMs) => {
    const parts = partsOf(format, epochMs);
    return (dayNumberOfParts(parts) - businessDayNumber) * 24 + parts.hour;
  };
}

/** UTC offset (ms) at the second of `epochMs` (a whole second), as Intl sees it; NaN outside 1900–2199. */
function offsetAt(format: Intl.DateTimeFormat, epochMs: number): number {
  const parts = partsOf(format, epochMs);
  if (parts.year < 1900 || parts.year > 2199) return Number.NaN;
  return (
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) -
    epochMs
  );
}

const cachedHoursMax = 4096;
const firstFastMs = Date.UTC(1900, 0, 2);
const lastFastMs = Date.UTC(2199, 11, 30);

/** As businessHourByIntl, with one Intl probe pair per UTC hour instead of one call per instant. */
export function makeBusinessHourOfEpoch(
  timeZone: string,
  businessDate: string,
): BusinessHourOfEpoch {
  const formats = formatsOf(timeZone);
  const byIntl = businessHourByIntl(timeZone, businessDate);
  const businessHour0 = dayNumberOfDate(businessDate) * 24;
  /** UTC hour number → offset in ms, NaN = ask Intl per instant. */
  const offsets = new Map<number, number>();
  return (epochMs) => {
    if (!(epochMs >= firstFastMs && epochMs < lastFastMs)) return byIntl(epochMs);
    const utcHour = Math.floor(epochMs / millisecondsPerHour);
    let offsetMs = offsets.get(utcHour);
    if (offsetMs === undefined) {
      const startMs = utcHour * millisecondsPerHour;
      const atStart = offsetAt(formats.second, startMs);
      const atEnd = offsetAt(formats.second, startMs + millisecondsPerHour - 1000);
      offsetMs = atStart === atEnd ? atStart : Number.NaN;
      if (offsets.size >= cachedHoursMax) offsets.clear();
      offsets.set(utcHour, offsetMs);
    }
    if (Number.isNaN(offsetMs)) return byIntl(epochMs);
    return Math.floor((epochMs + offsetMs) / millisecondsPerHour) - businessHour0;
  };
}

export function makeBusinessHourOf(timeZone: string, businessDate: string): BusinessHourOf {
  const hourOf = makeBusinessHourOfEpoch(timeZone, businessDate);
  return (instant) => {
    const epochMs = instantMs(instant);
    if (epochMs === null) throw new ReportInputError(`${instant} is not an instant with an offset`);
    return hourOf(epochMs);
  };
}
