/**
 * When to retry and how long to wait, as ky options. ky runs the attempts and the waits; this
 * policy decides each retry in ky's `shouldRetry` and hands ky the wait through `retry.delay`, so
 * ky waits exactly the wait decided here:
 *
 * - Retried: network failures, attempt timeouts, HTTP 408, 429 and every 5xx. Never: any other
 *   response (a 4xx is the platform's verdict on the request), a {@link Deadline} that ended (the
 *   caller's abort or the total timeout), an error the caller calls final.
 * - Waits grow exponentially from 500 ms with equal jitter (half to all of `500 * 2^(n-1)`),
 *   capped at `maxRetryDelay`. A 429 or 503 that names a wait ({@link retryAfterOf}) gets it,
 *   capped the same way.
 * - A wait that would run past the deadline is not started: the failure is reported at once.
 */
import { isHTTPError, isTimeoutError, type Options } from 'ky';
import type { Deadline } from './deadline.js';
import { retryAfterOf } from './retry-after.js';

/** Milliseconds one attempt may take, unless configured otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Milliseconds a whole call may take, unless configured otherwise. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 90_000;
/** Retries after the first attempt, unless configured otherwise. */
export const DEFAULT_RETRIES = 2;
/** The wait before the first retry, before jitter. */
export const INITIAL_RETRY_DELAY_MS = 500;
/** The longest wait between two attempts, unless configured otherwise. */
export const DEFAULT_MAX_RETRY_DELAY_MS = 8_000;

/** Whether a response with HTTP `status` is retried: 408, 429 and every 5xx. */
export function isRetriableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Every status {@link isRetriableStatus} accepts, as ky's `retry.statusCodes`. */
export const RETRY_STATUS_CODES: readonly number[] = Array.from(
  { length: 600 },
  (_, i) => i,
).filter(isRetriableStatus);

/** The statuses whose named wait is honoured: 429 (RFC 6585) and 503 (RFC 9110). */
const NAMED_WAIT_STATUSES: ReadonlySet<number> = new Set([429, 503]);
/** The wait before retry `retryNumber` (1 for the first) before jitter, capped at `maxDelayMs`. */
export function backoffCeiling(retryNumber: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, INITIAL_RETRY_DELAY_MS * 2 ** Math.max(0, retryNumber - 1));
}

/** "Equal jitter": between half and all of `ceiling`, by `random` in [0, 1). */
export function equalJitter(ceiling: number, random: number): number {
  return Math.round(ceiling * (0.5 + random * 0.5));
}

/** What a call's retries and timeouts are configured with. */
export interface RetryTimeoutPolicy {
  /** Milliseconds one attempt may take, response body included. */
  readonly timeout: number;
  /** Retries after the first attempt. */
  readonly retries: number;
  /** The cap on any wait, a named one included. */
  readonly maxRetryDelay: number;
}

/** A retry about to be waited for: its number, its wait, and why (`HTTP 503`, `timeout`, `network`). */
export interface RetryNotice {
  readonly retry: number;
  readonly delayMs: number;
  readonly reason: string;
}

export interface RetryHooks {
  /** Errors never retried besides those the policy knows (a hook's own failure, say). */
  readonly isFinal?: (error: Error) => boolean;
  /** Told of every retry before its wait starts. */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/** The ky options {@link kyRetryTimeoutOptions} sets. */
export type KyRetryTimeoutOptions = Required<
  Pick<Options, 'retry' | 'timeout' | 'signal' | 'throwHttpErrors'>
>;

/**
 * ky's options for `policy` within `deadline`: its retries, its attempt timeout, the deadline as
 * its signal, and HTTP errors for the retriable statuses only (ky retries those; any other response
 * comes back for the caller to read). Methods retried: POST and PATCH, made safe to repeat by an
 * idempotency key such as the wallet's clientTxnId.
 */
export function kyRetryTimeoutOptions(
  policy: RetryTimeoutPolicy,
  deadline: Deadline,
  hooks: RetryHooks = {},
): KyRetryTimeoutOptions {
  let wait = 0;
  const shouldRetry = ({ error, retryCount }: { error: Error; retryCount: number }): boolean => {
    if (deadline.signal.aborted || hooks.isFinal?.(error) === true) return false;
    let reason = isTimeoutError(error) ? 'timeout' : 'network';
    let named: number | undefined;
    if (isHTTPError(error)) {
      const { status, headers } = error.response;
      if (!isRetriableStatus(status)) return false;
      reason = `HTTP ${status}`;
      if (NAMED_WAIT_STATUSES.has(status)) named = retryAfterOf(headers, Date.now());
    }
    wait =
      named === undefined
        ? equalJitter(backoffCeiling(retryCount, policy.maxRetryDelay), Math.random())
        : Math.min(named, policy.maxRetryDelay);
    if (wait >= deadline.remaining()) return false;
    hooks.onRetry?.({ retry: retryCount, delayMs: wait, reason });
    return true;
  };
  return {
    retry: {
      limit: policy.retries,
      methods: ['post', 'patch'],
      statusCodes: RETRY_STATUS_CODES as number[],
      // Named waits are read by parseRetryAfter alone: ky's own reading is left unused.
      afterStatusCodes: [],
      delay: () => wait,
      shouldRetry,
    },
    // An attempt timeout that cannot come before the deadline is left to the deadline.
    timeout: policy.timeout < deadline.remaining() ? policy.timeout : false,
    signal: deadline.signal,
    throwHttpErrors: isRetriableStatus,
  };
}
