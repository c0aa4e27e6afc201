/**
 * The limit on unreadable tokens. Failures are counted per key: for wallet calls the merchant and
 * the `Authorization` signature (see {@link signatureLimitKey}), for helper calls the merchant's
 * helper credentials. More than `maxFailures` 1055 responses under one key within `windowSeconds`
 * lock that key for `lockoutSeconds`: while it is locked, a request under it whose token does
 * not open answers 429 with Retry-After instead of 1055. The lock is consulted only after a token
 * failed to open, so a request whose token opens is never refused by it.
 *
 * Why per signature: the signature covers only `date`, so anyone who saw one request can replay
 * its `date` and `Authorization` with other bodies for as long as the date stays within the
 * clock skew. Counted per merchant, 51 replayed garbage bodies locked the merchant out. Counted
 * per signature, they lock that one signature, and even under it the merchant's readable tokens
 * are answered. State is per process, in memory, and bounded by `maxKeys`.
 */

export interface TokenFailureLimit {
  /** Failures tolerated within the window; one more locks the key. Default 50. */
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

/** How many keys the limiter tracks at most (counts and locks each); the oldest go first. */
export const DEFAULT_MAX_TRACKED_KEYS = 10_000;

/** The key wallet calls are counted under: one merchant's one signature value. */
export function signatureLimitKey(merchantKey: string, signature: string): string {
  return `wallet\n${merchantKey}\n${signature}`;
}

/** The key helper calls are counted under: one merchant's helper credentials. */
export function helperLimitKey(merchantKey: string): string {
  return `helper\n${merchantKey}`;
}

/** Sets `key` in `map`, first dropping the oldest entries while the map is full. */
function setBounded<V>(map: Map<string, V>, key: string, value: V, maxKeys: number): void {
  if (!map.has(key)) {
    for (const oldest of map.keys()) {
      if (map.size < maxKeys) break;
      map.delete(oldest);
    }
  }
  map.set(key, value);
}

export class TokenFailureLimiter {
  readonly #limit: TokenFailureLimit;
  readonly #maxKeys: number;
  /** Failure times (ms) within the window, oldest first; at most `maxFailures` + 1 per key. */
  readonly #failures = new Map<string, number[]>();
  readonly #lockedUntil = new Map<string, number>();

  constructor(limit: TokenFailureLimit, maxKeys: number = DEFAULT_MAX_TRACKED_KEYS) {
    this.#limit = limit;
    this.#maxKeys = maxKeys;
  }

  /** How many keys hold a count or a lock (each map at most `maxKeys`). */
  get trackedKeys(): number {
    return new Set([...this.#failures.keys(), ...this.#lockedUntil.keys()]).size;
  }

  /** Seconds until `key` is unlocked (at least 1), or `undefined` when it is not locked. */
  retryAfterSeconds(key: string, now: number): number | undefined {
    const until = this.#lockedUntil.get(key);
    if (until === undefined) return undefined;
    if (now >= until) {
      this.#lockedUntil.delete(key);
      return undefined;
    }
    return Math.max(1, Math.ceil((until - now) / 1000));
  }

  /** Counts one unreadable token under `key`; true when this failure locked the key. */
  recordFailure(key: string, now: number): boolean {
    const windowStart = now - this.#limit.windowSeconds * 1000;
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > windowStart && t <= now);
    recent.push(now);
    if (recent.length > this.#limit.maxFailures) {
      this.#failures.delete(key);
      setBounded(this.#lockedUntil, key, now + this.#limit.lockoutSeconds * 1000, this.#maxKeys);
      return true;
    }
    setBounded(this.#failures, key, recent, this.#maxKeys);
    return false;
  }

  /**
   * The response to one token that did not open under `key`: the seconds of Retry-After when the
   * key is locked (answer 429; not counted), else `undefined` after counting it (answer 1055).
   */
  unreadableToken(key: string, now: number): number | undefined {
    const retryAfter = this.retryAfterSeconds(key, now);
    if (retryAfter === undefined) this.recordFailure(key, now);
    return retryAfter;
  }
}
