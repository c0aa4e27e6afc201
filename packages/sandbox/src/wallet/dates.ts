/** Date conversions between the wire formats and the store's instants, on the platform clock (IST). */
import { formatRequestDateTime, IST_OFFSET_MINUTES } from '@wallet/schemas';

/** `DD-MM-YYYY` or `DD/MM/YYYY` (already checked) → `YYYY-MM-DD`. */
export function dayMonthYearToIso(text: string): string {
  return `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
}

/** The instant an IST calendar day (YYYYMMDD) begins. */
export function startOfIstDay(dayKey: number): Date {
  const year = Math.floor(dayKey / 10000);
  const month = Math.floor(dayKey / 100) % 100;
  const day = dayKey % 100;
  return new Date(Date.UTC(year, month - 1, day) - IST_OFFSET_MINUTES * 60_000);
}

/** The instant the IST calendar day after `dayKey` begins. */
export function startOfNextIstDay(dayKey: number): Date {
  return new Date(startOfIstDay(dayKey).getTime() + 86_400_000);
}

/** `HH:MM:SS` of `date` on the IST wall clock. */
export function istTime(date: Date): string {
  const stamp = formatRequestDateTime(date);
  return `${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}`;
}
