import { HttpDateError } from './errors.js';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** IMF-fixdate (RFC 9110 section 5.6.7), case-sensitive, ASCII digits only. */
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function pad4(value: number): string {
  return String(value).padStart(4, '0');
}

/**
 * Prints `date` as an IMF-fixdate in GMT, e.g. `Thu, 17 Feb 2022 08:17:59 GMT`: the same text
 * whatever the runtime, time zone or locale. Milliseconds are dropped.
 *
 * @throws {HttpDateError} `unprintable` for an invalid `Date` or a year outside 0000-9999.
 */
export function formatHttpDate(date: Date): string {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(time)) throw new HttpDateError('unprintable');
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new HttpDateError('unprintable');
  return `${DAY_NAMES[date.getUTCDay()]}, ${pad2(date.getUTCDate())} ${MONTH_NAMES[date.getUTCMonth()]} ${pad4(year)} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())} GMT`;
}

/**
 * The instant an IMF-fixdate denotes, or `undefined` when `value` is anything else: another HTTP
 * date form (RFC 850, asctime), another zone, surrounding spaces, an impossible calendar date
 * (`31 Feb`), a leap second (`:60`) or a day name that does not match the date.
 */
export function readHttpDate(value: string): Date | undefined {
  const match = IMF_FIXDATE.exec(value);
  if (match === null) return undefined;
  const [, dayName, day, monthName, year, hours, minutes, seconds] = match;
  const month = MONTH_NAMES.indexOf(monthName as (typeof MONTH_NAMES)[number]);
  const dayOfMonth = Number(day);
  const hour = Number(hours);
  const minute = Number(minutes);
  const second = Number(seconds);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0000-0099 as they are.
  date.setUTCFullYear(Number(year), month, dayOfMonth);
  date.setUTCHours(hour, minute, second, 0);
  if (date.getUTCDate() !== dayOfMonth || date.getUTCMonth() !== month) return undefined;
  if (DAY_NAMES[date.getUTCDay()] !== dayName) return undefined;
  return date;
}

/**
 * Parses an HTTP date strictly: only the IMF-fixdate form (`Thu, 17 Feb 2022 08:17:59 GMT`) is
 * accepted, with a real calendar date and the matching day name.
 *
 * @throws {HttpDateError} `not-imf-fixdate` for anything else.
 */
export function parseHttpDate(value: string): Date {
  const date = typeof value === 'string' ? readHttpDate(value) : undefined;
  if (date === undefined) throw new HttpDateError('not-imf-fixdate');
  return date;
}
