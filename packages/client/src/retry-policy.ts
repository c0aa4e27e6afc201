/**
 * When to retry and how long to wait, as ky's `retry` options. ky runs the attempts and the waits;
 * this policy decides each retry in ky's `shouldRetry` and hands ky the wait through `retry.delay`,
 * so ky waits exactly what was decided and nothing has to predict it:
 *
 * - Retried: network failures, attempt timeouts, HTTP 408, 429 and every 5xx. Never retried: any
 *   other answer (a 4xx is the platform's verdict on the request), a stopped {@link Deadline}
 *   (the caller's abort or the total timeout), or an error the caller marks final.
 * - Waits grow exponentially from 500 ms with equal jitter (half to all of `500 * 2^(n-1)`),
 *   capped at `maxRetryDelay`. A 429 or 503 that names a wait ({@link retryAfterOf}) gets it,
 *   capped the same way.
 * - A wait that would run past the deadline is not started: the failure is reported at once.
 */
import { isHTTPError, isTimeoutError, type Options as KyOptions } from 'ky';
import type { Deadline } from './deadline.js';

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

/** The statuses whose named wait is honoured: 429 (RFC 6585) and 503 (RFC 9110). */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** The headers that name a wait, in order of preference. */
const RETRY_AFTER_HEADERS = [
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
 * The wait a `Retry-After` (or rate-limit reset) value asks for, in milliseconds from `nowMs`:
 * whole seconds (a Unix time from 1 000 000 000 on), or an HTTP-date; a moment in the past asks
 * for no wait. `undefined` for anything else: absent, negative, fractional (`1.5`), free text.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (DIGITS.test(text)) {
    const seconds = Number(text);
    return seconds >= UNIX_TIME_SECONDS ? Math.max(0, seconds * 1000 - nowMs) : seconds * 1000;
  }
  // Date.parse reads bare numbers as years; an HTTP-date always names a day or month in letters.
  if (!HAS_LETTER.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The wait an answer names: the first readable of its `Retry-After` or rate-limit headers. */
export function retryAfterOf(headers: Headers, nowMs: number): number | undefined {
  for (const name of RETRY_AFTER_HEADERS) {
    const wait = parseRetryAfter(headers.get(name), nowMs);
    if (wait !== undefined) return wait;
  }
  return undefined;
}

/**
 * The wait before retry number `retryNumber` (1 for the first) before jitter:
 * `INITIAL_RETRY_DELAY_MS * 2^(retryNumber - 1)`, capped at `maxDelayMs`.
 */
export function backoffCeiling(retryNumber: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, INITIAL_RETRY_DELAY_MS * 2 ** Math.max(0, retryNumber - 1));
}

/** "Equal jitter": between half and all of `ceiling`, by `random` in [0, 1). */
export function equalJitter(ceiling: number, random: number): number {
  return Math.round(ceiling * (0.5 + random * 0.5));
}

/** What a call's retries and timeouts are configured with. */
export interface RetryTimeoutPolicy {
  /** Milliseconds one attempt may take, answer body included. */
  readonly timeout: number;
  /** Retries after the first attempt. */
  readonly retries: number;
  /** The cap on any wait, a named one included. */
  readonly maxRetryDelay: number;
}

/** A retry about to be waited for. */
export interface RetryNotice {
  readonly retry: number;
  readonly delayMs: number;
  /** `HTTP 503`, `timeout` or `network`. */
  readonly reason: string;
}

/** What the policy needs besides its settings. */
export interface RetryHooks {
  /** Errors never retried besides those the policy knows (a hook's own failure, say). */
  readonly isFinal?: (error: Error) => boolean;
  /** Told of every retry before its wait starts. */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/** The ky options {@link kyRetryTimeoutOptions} sets. */
export type KyRetryTimeoutOptions = Required<
  Pick<KyOptions, 'retry' | 'timeout' | 'signal' | 'throwHttpErrors'>
>;

/**
 * ky's options for `policy` within `deadline`: its retries (ky waits the wait decided here), its
 * attempt timeout, the deadline as its signal, and HTTP errors for the retriable statuses only
 * (ky retries those; any other answer comes back for the caller to read).
 */
export function kyRetryTimeoutOptions(
  policy: RetryTimeoutPolicy,
  deadline: Deadline,
  hooks: RetryHooks = {},
): KyRetryTimeoutOptions {
  let wait = 0;
  const retry: KyRetryTimeoutOptions['retry'] = {
    limit: policy.retries,
    // The wallet's writes, made safe to repeat by the clientTxnId.
    methods: ['post', 'patch'],
    statusCodes: RETRY_STATUS_CODES as number[],
    // Named waits are read here, by one parser: ky's own reading is left unused.
    afterStatusCodes: [],
    retryOnTimeout: true,
    delay: () => wait,
    shouldRetry: ({ error, retryCount }) => {
      if (deadline.signal.aborted || hooks.isFinal?.(error) === true) return false;
      let reason: string;
      let named: number | undefined;
      if (isHTTPError(error)) {
        const { status, headers } = error.response;
        if (!isRetriableStatus(status)) return false;
        reason = `HTTP ${status}`;
        if (RETRY_AFTER_STATUSES.has(status)) named = retryAfterOf(headers, Date.now());
      } else reason = isTimeoutError(error) ? 'timeout' : 'network';
      wait =
        named === undefined
          ? equalJitter(backoffCeiling(retryCount, policy.maxRetryDelay), Math.random())
          : Math.min(named, policy.maxRetryDelay);
      if (wait >= deadline.remaining()) return false;
      hooks.onRetry?.({ retry: retryCount, delayMs: wait, reason });
      return true;
    },
  };
  return {
    retry,
    // An attempt timeout that cannot come before the deadline is left to the deadline.
    timeout: policy.timeout < deadline.remaining() ? policy.timeout : false,
    signal: deadline.signal,
    throwHttpErrors: isRetriableStatus,
  };
}
