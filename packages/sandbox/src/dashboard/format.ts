/** How the dashboard prints values: money in rupees, times, status classes. */

const RUPEES = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  minimumFractionDigits: 2,
});

/** Paise as rupees: `52500` → `₹525.00`. */
export function formatPaise(paise: number): string {
  return RUPEES.format(paise / 100);
}

/** `2024-05-01T12:34:56.789Z` → `12:34:56.789` (UTC). */
export function formatClock(iso: string): string {
  return iso.slice(11, 23);
}

/** A date as `2024-05-01 12:34:56 UTC`. */
export function formatDateTime(date: Date | string): string {
  const iso = typeof date === 'string' ? date : date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** The CSS class of an HTTP status: ok, warn (4xx), bad (5xx), none (0: no response). */
export function statusClass(status: number): string {
  if (status === 0) return 'status status-none';
  if (status < 400) return 'status status-ok';
  if (status < 500) return 'status status-warn';
  return 'status status-bad';
}

/** Pretty JSON for a body. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
