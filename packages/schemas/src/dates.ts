/**
 * Calendar checks shared by every date field. They parse with `charCodeAt` instead of regex groups
 * or `Date` so that validating a request stays allocation-free on the hot path.
 */

import { SchemaArgumentError } from './validation-error.js';

/** India Standard Time, the platform's clock: UTC+05:30. */
export const IST_OFFSET_MINUTES = 330;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether day/month/year names a day of the proleptic Gregorian calendar (years 1 to 9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const max = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= max;
}

/** The number written by `length` ASCII digits of `text` from `start`, or -1 when any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** A calendar day as the integer YYYYMMDD, which orders like the day itself. */
export type DayKey = number;

/**
 * Reads `DD<sep>MM<sep>YYYY` (`sep` is `-` or `/`) and returns the day as YYYYMMDD, or `undefined`
 * when the text is not exactly that shape or names a day that does not exist (31-02-2024).
 */
export function parseDayMonthYear(text: string, separator: '-' | '/'): DayKey | undefined {
  if (text.length !== 10 || text[2] !== separator || text[5] !== separator) return undefined;
  const day = digitsAt(text, 0, 2);
  const month = digitsAt(text, 3, 2);
  const year = digitsAt(text, 6, 4);
  if (day < 0 || month < 0 || year < 0 || !isRealDate(year, month, day)) return undefined;
  return year * 10000 + month * 100 + day;
}

/** Reads `YYYY-MM-DD` and returns YYYYMMDD, or `undefined` when malformed or not a real day. */
export function parseIsoDate(text: string): DayKey | undefined {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (day < 0 || month < 0 || year < 0 || !isRealDate(year, month, day)) return undefined;
  return year * 10000 + month * 100 + day;
}

/** Whether `text` is 14 digits `YYYYMMDDHHMMSS` naming a real calendar time (no leap seconds). */
export function isRequestDateTime(text: string): boolean {
  if (text.length !== 14) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 4, 2);
  const day = digitsAt(text, 6, 2);
  const hour = digitsAt(text, 8, 2);
  const minute = digitsAt(text, 10, 2);
  const second = digitsAt(text, 12, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return false;
  return isRealDate(year, month, day) && hour < 24 && minute < 60 && second < 60;
}

/** The wall-clock fields of `date` shifted to a fixed UTC offset. */
function shifted(date: Date, offsetMinutes: number): Date {
  return new Date(date.getTime() + offsetMinutes * 60_000);
}

/** Today's calendar day (YYYYMMDD) on the platform's clock (IST unless told otherwise). */
export function todayKey(
  now: Date = new Date(),
  offsetMinutes: number = IST_OFFSET_MINUTES,
): DayKey {
  const d = shifted(now, offsetMinutes);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** Days from 0001-01-01 to the day `key` names, for measuring ranges. */
export function dayNumber(key: DayKey): number {
  const year = Math.floor(key / 10000);
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Formats `date` as the 14-digit `requestDateTime` (`YYYYMMDDHHMMSS`). The platform runs on India
 * Standard Time, so the wall clock is IST by default; pass `offsetMinutes` 0 for UTC.
 */
export function formatRequestDateTime(
  date: Date = new Date(),
  offsetMinutes: number = IST_OFFSET_MINUTES,
): string {
  if (Number.isNaN(date.getTime())) {
    throw new SchemaArgumentError('formatRequestDateTime: the date is invalid');
  }
  const d = shifted(date, offsetMinutes);
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2)
  );
}

/** Formats the calendar day of `date` (on the platform's clock) as `DD-MM-YYYY` or `DD/MM/YYYY`. */
export function formatDayMonthYear(
  date: Date,
  separator: '-' | '/',
  offsetMinutes: number = IST_OFFSET_MINUTES,
): string {
  const d = shifted(date, offsetMinutes);
  return `${pad(d.getUTCDate(), 2)}${separator}${pad(d.getUTCMonth() + 1, 2)}${separator}${pad(d.getUTCFullYear(), 4)}`;
}
