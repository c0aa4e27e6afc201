/**
 * When to retry and how long to wait. ky runs the attempts and the waits (see transport.ts); this
 * module holds the policy it is configured with, as pure functions tested on their own:
 *
 * - Retried: network failures, attempt timeouts, HTTP 408, 429 and every 5xx (ky's
 *   `retry.statusCodes`). Never retried: any other answer (a 4xx is the platform's verdict on the
 *   request, and repeating it changes nothing), a caller's abort, or the call's total timeout.
 * - Waits grow exponentially from 500 ms with equal jitter (half to all of `500 * 2^(n-1)`),
 *   capped at `maxRetryDelay` (ky's `retry.delay`, `retry.jitter` and `retry.backoffLimit`).
 * - A 429 or 503 that names a wait (`Retry-After`) gets that wait, capped the same way (ky's
 *   `retry.afterStatusCodes` and `retry.maxRetryAfter`).
 *
 * One thing ky cannot know is the call's `totalTimeout`. {@link kyRetryWait} predicts the wait ky
 * is about to take, so the client can report the real failure at once instead of waiting past
 * the total timeout to report a timeout.
 */

import type { RetryOptions, ShouldRetryState } from 'ky';

/** Retries after the first attempt, unless configured otherwise. */
export const DEFAULT_RETRIES = 2;
/** The wait before the first retry, before jitter. */
export const INITIAL_RETRY_DELAY_MS = 500;
/** The longest wait between two attempts, unless configured otherwise; caps `Retry-After` too. */
export const DEFAULT_MAX_RETRY_DELAY_MS = 8_000;

/** Whether an answer with HTTP `status` is retried: 408, 429 and every 5xx. */
export function isRetriableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Every status {@link isRetriableStatus} accepts, as ky's `retry.statusCodes` wants them. */
export const RETRY_STATUS_CODES: readonly number[] = Array.from(
  { length: 600 },
  (_, status) => status,
).filter(isRetriableStatus);

/**
 * The statuses whose `Retry-After` is honoured: 429 (RFC 6585) and 503 (RFC 9110), where the
 * header says when to come back. Other retriable answers back off as usual.
 */
export const RETRY_AFTER_STATUS_CODES: readonly number[] = [429, 503];

const DELAY_SECONDS = /^\d+$/;
const HAS_LETTER = /[A-Za-z]/;

/**
 * The wait a `Retry-After` header asks for, in milliseconds: `delay-seconds` (digits only) or an
 * HTTP-date, measured from `nowMs` (a date in the past asks for no wait). `undefined` when the
 * header is absent or is neither form (a negative or fractional number, free text).
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) return Number(text) * 1000;
  // Date.parse reads bare numbers as years; an HTTP-date always names a day or month in letters.
  if (!HAS_LETTER.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** How waits grow. */
export interface BackoffOptions {
  /** The wait before the first retry, before jitter. */
  readonly initialDelayMs: number;
  /** The cap on any wait, `Retry-After` included. */
  readonly maxDelayMs: number;
}

/**
 * The wait before retry number `retryNumber` (1 for the first retry) before jitter:
 * `initialDelayMs * 2^(retryNumber - 1)`, capped at `maxDelayMs`. ky's `retry.delay`.
 */
export function backoffCeiling(retryNumber: number, options: BackoffOptions): number {
  const exponent = Math.max(0, retryNumber - 1);
  return Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** exponent);
}

/**
 * "Equal jitter": between half and all of `ceiling`, by `random` in [0, 1). Waits are spread out,
 * so clients that failed together do not retry together, yet never close to zero.
 */
export function equalJitter(ceiling: number, random: number): number {
  return Math.round(ceiling * (0.5 + random * 0.5));
}

/** The jittered wait before retry number `retryNumber` when the answer named none. */
export function backoffDelay(
  retryNumber: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  return equalJitter(backoffCeiling(retryNumber, options), random());
}

/** The rate-limit headers ky reads for a wait, in its order of preference. */
const RATE_LIMIT_HEADERS = [
  'retry-after',
  'ratelimit-reset',
  'x-ratelimit-retry-after',
  'x-ratelimit-reset',
  'x-rate-limit-reset',
] as const;

/** ky reads a number at or past this instant (in ms) as a timestamp rather than a delay. */
const TIMESTAMP_THRESHOLD_MS = Date.parse('2024-01-01');

/**
 * The wait ky 1.14 takes for an answer that names one: the first rate-limit header it reads,
 * as seconds, a timestamp or a date, capped at `maxMs`. `undefined` when the answer names none
 * (ky then backs off). This mirrors ky's own reading, so the total-timeout check sees the wait
 * ky will take, whatever the header says; src/retry-policy.test.ts compares it with ky itself.
 */
export function kyRetryAfterWait(
  headers: Headers,
  maxMs: number,
  nowMs: number,
): number | undefined {
  let value: string | null = null;
  for (const name of RATE_LIMIT_HEADERS) {
    value = headers.get(name);
    if (value !== null) break;
  }
  if (value === null || value === '') return undefined;
  let after = Number(value) * 1000;
  if (Number.isNaN(after)) after = Date.parse(value) - nowMs;
  else if (after >= TIMESTAMP_THRESHOLD_MS) after -= nowMs;
  // A value ky cannot read leaves NaN, which ky turns into the maximum wait; Math.min would not.
  // biome-ignore lint/complexity/useMathMinMax: NaN must become maxMs, as it does in ky.
  return after < maxMs ? after : maxMs;
}

/** Why an attempt failed, as far as the wait is concerned. */
export type RetriedFailure =
  | { readonly kind: 'status'; readonly status: number; readonly headers: Headers }
  | { readonly kind: 'network' }
  | { readonly kind: 'timeout' };

/**
 * The wait ky takes before retry number `retryNumber` after `failure`, given the jitter `random`
 * ky's `retry.jitter` will apply: the answer's own wait for a 429 or 503 that names one, else the
 * jittered backoff.
 */
export function kyRetryWait(
  failure: RetriedFailure,
  retryNumber: number,
  options: BackoffOptions,
  random: number,
  nowMs: number,
): number {
  if (failure.kind === 'status' && RETRY_AFTER_STATUS_CODES.includes(failure.status)) {
    const named = kyRetryAfterWait(failure.headers, options.maxDelayMs, nowMs);
    if (named !== undefined) return named;
  }
  return equalJitter(backoffCeiling(retryNumber, options), random);
}

/** What a call's retries need besides the policy above. */
export interface KyRetrySettings {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** The cap on any wait, `Retry-After` included. */
  readonly maxDelayMs: number;
  /** The jitter of the next backoff, in [0, 1): drawn by whoever decides the retry. */
  readonly jitter: () => number;
  /** ky's `shouldRetry`: `false` vetoes a retry, `undefined` leaves the decision to ky. */
  readonly shouldRetry: (state: ShouldRetryState) => false | undefined;
}

/** ky's retry methods: the wallet's writes are POST and PATCH, made safe by the clientTxnId. */
const RETRY_METHODS: NonNullable<RetryOptions['methods']> = ['post', 'patch'];

/** ky's `retry` options for this policy. */
export function kyRetryOptions(settings: KyRetrySettings): RetryOptions {
  const backoff: BackoffOptions = {
    initialDelayMs: INITIAL_RETRY_DELAY_MS,
    maxDelayMs: settings.maxDelayMs,
  };
  return {
    limit: settings.retries,
    methods: RETRY_METHODS,
    statusCodes: RETRY_STATUS_CODES as number[],
    afterStatusCodes: RETRY_AFTER_STATUS_CODES as number[],
    maxRetryAfter: settings.maxDelayMs,
    delay: (retryNumber) => backoffCeiling(retryNumber, backoff),
    jitter: (ceiling) => equalJitter(ceiling, settings.jitter()),
    backoffLimit: settings.maxDelayMs,
    retryOnTimeout: true,
    shouldRetry: settings.shouldRetry,
  };
}
