/**
 * The request headers as the journal keeps them: every header, with the secrets hidden. The
 * Authorization header keeps its scheme and parameters (who signed, with which algorithm and which
 * headers) but not its signature; a bearer token, the helper API key, the secure code and cookies
 * are hidden whole.
 */
import type { HeaderField } from '../http/header-fields.js';

/** What a hidden value is replaced with. */
export const MASKED = '[masked]';

/** Headers whose whole value is a secret (compared in lower case). */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'x-api-key',
  'securecode',
  'cookie',
  'set-cookie',
  'proxy-authorization',
]);

/** `hmac username="m", ..., signature="..."` → the same with `signature="[masked]"`. */
export function maskAuthorization(value: string): string {
  const scheme = /^\s*(\S+)\s*/.exec(value)?.[1] ?? '';
  if (!/signature\s*=/i.test(value)) return scheme === '' ? MASKED : `${scheme} ${MASKED}`;
  return value.replace(/(signature\s*=\s*)("[^"]*"|[^,\s]*)/gi, `$1"${MASKED}"`);
}

/** The value the journal keeps for the header `name` (lower case). */
function maskedHeader(name: string, value: string): string {
  if (name === 'authorization') return maskAuthorization(value);
  return SECRET_HEADERS.has(name) ? MASKED : value;
}

/**
 * Header fields as a plain object, secrets hidden. Built with `Object.fromEntries` (own
 * properties), so a header named `__proto__` is kept like any other.
 */
export function maskedHeaderFields(fields: readonly HeaderField[]): Record<string, string> {
  return Object.fromEntries(fields.map(([name, value]) => [name, maskedHeader(name, value)]));
}

/** The headers of a request or response as a plain object, lower-case names, secrets hidden. */
export function maskedHeaders(headers: Headers): Record<string, string> {
  const fields: HeaderField[] = [];
  headers.forEach((value, name) => {
    fields.push([name.toLowerCase(), value]);
  });
  return maskedHeaderFields(fields);
}
