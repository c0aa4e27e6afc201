import { formatRequestDateTime } from '@wallet/schemas';

/** `addedon`: `YYYY-MM-DD HH:mm:ss` on the IST wall clock, as the gateway writes it. */
export function formatAddedOn(date: Date): string {
  const d = formatRequestDateTime(date);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)} ${d.slice(8, 10)}:${d.slice(10, 12)}:${d.slice(12, 14)}`;
}
