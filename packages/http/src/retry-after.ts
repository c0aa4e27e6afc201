/**
 * The one reader of a wait a response names: `Retry-After` (RFC 9110: whole seconds or an
 * HTTP-date), or the rate-limit headers some servers send instead. The retry policy and
 * `WalletRateLimitError.retryAfterMs` both read it here, so they never disagree.
 */

/** The headers that name a wait, in order of preference. */
const NAMED_WAIT_HEADERS = [
  'retry-after',
  'ratelimit-reset',
  'x-ratelimit-retry-after',
  'x-ratelimit-reset',
  'x-rate-limit-reset',
] as const;

const DIGITS = /^\d+$/;
const HAS_LETTER = /[A-Za-z]/;
/** Whole seconds from this on (2001-09-09) are a Unix time, as rate-limit reset headers send. */
const UNIX_TIME_SECONDS = 1_000_000_000;

/**
 * The wait a `Retry-After` (or rate-limit reset) value asks for, in ms from `nowMs`: whole seconds
 * (a Unix time from 1 000 000 000 on), or an HTTP-date; a moment past asks for none. `undefined`
 * for anything else: absent, negative, fractional (`1.5`), free text.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  const text = value?.trim() ?? '';
  if (DIGITS.test(text)) {
    const seconds = Number(text);
    return seconds >= UNIX_TIME_SECONDS ? Math.max(0, seconds * 1000 - nowMs) : seconds * 1000;
  }
  // Date.parse reads bare numbers as years; an HTTP-date always names a day or month in letters.
  const at = HAS_LETTER.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The wait a response names: the first readable of its `Retry-After` and rate-limit headers. */
export function retryAfterOf(headers: Headers, nowMs: number): number | undefined {
  for (const name of NAMED_WAIT_HEADERS) {
    const wait = parseRetryAfter(headers.get(name), nowMs);
    if (wait !== undefined) return wait;
  }
  return undefined;
}
