/**
 * The request headers as the journal keeps them: every header, with the secrets hidden. The
 * Authorization header keeps its scheme and parameters (who signed, with which algorithm and which
 * headers) but not its signature; a bearer token, the helper API key, the secure code and cookies
 * are hidden whole.
 */

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

/** The headers of a request or answer as a plain object, lower-case names, secrets hidden. */
export function maskedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower === 'authorization') out[lower] = maskAuthorization(value);
    else if (SECRET_HEADERS.has(lower)) out[lower] = MASKED;
    else out[lower] = value;
  });
  return out;
}
