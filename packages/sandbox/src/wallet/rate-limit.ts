/**
 * The per-merchant limit on unreadable tokens: more than `maxFailures` 1055 answers within
 * `windowSeconds` lock the merchant's calls out for `lockoutSeconds` (HTTP 429 with Retry-After).
 * State is per process and in memory.
 */

export interface TokenFailureLimit {
  /** Failures tolerated within the window; one more locks the merchant out. Default 50. */
  readonly maxFailures: number;
  /** The sliding window failures are counted in, in seconds. Default 60. */
  readonly windowSeconds: number;
  /** How long a lock lasts, in seconds. Default 60. */
  readonly lockoutSeconds: number;
}

export const DEFAULT_TOKEN_FAILURE_LIMIT: TokenFailureLimit = Object.freeze({
  maxFailures: 50,
  windowSeconds: 60,
  lockoutSeconds: 60,
});

export class TokenFailureLimiter {
  readonly #limit: TokenFailureLimit;
  /** Failure times (ms) within the window, oldest first; at most `maxFailures` + 1 per merchant. */
  readonly #failures = new Map<string, number[]>();
  readonly #lockedUntil = new Map<string, number>();

  constructor(limit: TokenFailureLimit) {
    this.#limit = limit;
  }

  /** Seconds until `merchantKey` may call again (at least 1), or `undefined` when not locked. */
  retryAfterSeconds(merchantKey: string, now: number): number | undefined {
    const until = this.#lockedUntil.get(merchantKey);
    if (until === undefined) return undefined;
    if (now >= until) {
      this.#lockedUntil.delete(merchantKey);
      return undefined;
    }
    return Math.max(1, Math.ceil((until - now) / 1000));
  }

  /** Counts one unreadable token of `merchantKey`; true when this failure locked the merchant. */
  recordFailure(merchantKey: string, now: number): boolean {
    const windowStart = now - this.#limit.windowSeconds * 1000;
    const recent = (this.#failures.get(merchantKey) ?? []).filter(
      (t) => t > windowStart && t <= now,
    );
    recent.push(now);
    if (recent.length > this.#limit.maxFailures) {
      this.#failures.delete(merchantKey);
      this.#lockedUntil.set(merchantKey, now + this.#limit.lockoutSeconds * 1000);
      return true;
    }
    this.#failures.set(merchantKey, recent);
    return false;
  }
}
