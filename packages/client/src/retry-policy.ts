/**
 * When to retry and how long to wait: pure functions, so the policy is tested on its own. The loop
 * in transport.ts runs the attempts; these decide.
 *
 * Retried: network failures, attempt timeouts, HTTP 408, 429 and every 5xx. Never retried: any
 * other answer (a 4xx is the platform's verdict on the request, and repeating it changes nothing),
 * a caller's abort, or the call's total timeout.
 */

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
 * The wait before retry number `retryNumber` (1 for the first retry) when the answer named none:
 * `initialDelayMs * 2^(retryNumber - 1)`, capped at `maxDelayMs`, then jittered to between half
 * and all of that ("equal jitter": spread out, yet never close to zero).
 */
export function backoffDelay(
  retryNumber: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, retryNumber - 1);
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** exponent);
  return Math.round(base * (0.5 + random() * 0.5));
}

/** Why an attempt failed, as far as the retry decision is concerned. */
export type AttemptFailure =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs: number | undefined }
  | { readonly kind: 'network' }
  | { readonly kind: 'timeout' }
  /** The caller's signal or the total timeout: never retried. */
  | { readonly kind: 'aborted' }
  /** Anything else (a bug, a hook that threw): never retried. */
  | { readonly kind: 'other' };

/** What the retry decision needs besides the failure. */
export interface RetryDecisionInput extends BackoffOptions {
  readonly failure: AttemptFailure;
  /** 1 for the first retry. */
  readonly retryNumber: number;
  /** Retries allowed after the first attempt. */
  readonly retries: number;
  /** Milliseconds left before the total timeout, or `undefined` for no total timeout. */
  readonly remainingMs: number | undefined;
  readonly random?: () => number;
}

/**
 * The wait before the next attempt, or `undefined` not to retry: the failure is not retriable, the
 * retries are used up, or the wait would outlast the total timeout (better to report the real
 * failure now than a timeout later). A `Retry-After` is honoured, capped at `maxDelayMs`.
 */
export function retryDelay(input: RetryDecisionInput): number | undefined {
  const { failure } = input;
  if (input.retryNumber > input.retries) return undefined;
  let delay: number;
  switch (failure.kind) {
    case 'status':
      if (!isRetriableStatus(failure.status)) return undefined;
      delay =
        failure.retryAfterMs === undefined
          ? backoffDelay(input.retryNumber, input, input.random)
          : Math.min(failure.retryAfterMs, input.maxDelayMs);
      break;
    case 'network':
    case 'timeout':
      delay = backoffDelay(input.retryNumber, input, input.random);
      break;
    case 'aborted':
    case 'other':
      return undefined;
  }
  if (input.remainingMs !== undefined && delay >= input.remainingMs) return undefined;
  return delay;
}
