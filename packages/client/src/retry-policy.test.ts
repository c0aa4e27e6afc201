import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttemptFailure,
  backoffDelay,
  isRetriableStatus,
  parseRetryAfter,
  retryDelay,
} from './retry-policy.js';

const backoff = { initialDelayMs: 500, maxDelayMs: 8_000 };

function decide(failure: AttemptFailure, extra: Partial<Parameters<typeof retryDelay>[0]> = {}) {
  return retryDelay({
    failure,
    retryNumber: 1,
    retries: 2,
    remainingMs: undefined,
    ...backoff,
    random: () => 1,
    ...extra,
  });
}

const status = (code: number, retryAfterMs?: number): AttemptFailure => ({
  kind: 'status',
  status: code,
  retryAfterMs,
});

describe('which failures are retried', () => {
  it('retries 408, 429 and every 5xx', () => {
    for (const code of [408, 429, 500, 502, 503, 504, 599])
      expect(isRetriableStatus(code)).toBe(true);
  });

  it('never retries a business answer: any other 4xx, nor a 2xx or 3xx', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 499 }), (code) => {
        fc.pre(code !== 408 && code !== 429);
        expect(isRetriableStatus(code)).toBe(false);
        expect(decide(status(code))).toBeUndefined();
      }),
    );
  });

  it('retries network failures and attempt timeouts, never an abort or a hook failure', () => {
    expect(decide({ kind: 'network' })).toBeGreaterThan(0);
    expect(decide({ kind: 'timeout' })).toBeGreaterThan(0);
    expect(decide({ kind: 'aborted' })).toBeUndefined();
    expect(decide({ kind: 'other' })).toBeUndefined();
  });

  it('stops when the retries are used up', () => {
    expect(decide({ kind: 'network' }, { retryNumber: 2, retries: 2 })).toBeDefined();
    expect(decide({ kind: 'network' }, { retryNumber: 3, retries: 2 })).toBeUndefined();
    expect(decide(status(503), { retryNumber: 1, retries: 0 })).toBeUndefined();
  });

  it('gives up rather than wait past the total timeout', () => {
    expect(decide(status(503, 5_000), { remainingMs: 4_000 })).toBeUndefined();
    expect(decide(status(503, 5_000), { remainingMs: 6_000 })).toBe(5_000);
    expect(decide({ kind: 'network' }, { remainingMs: 100 })).toBeUndefined();
  });
});

describe('how long to wait', () => {
  it('honours Retry-After, capped at maxDelayMs', () => {
    expect(decide(status(429, 1_500))).toBe(1_500);
    expect(decide(status(503, 0))).toBe(0);
    expect(decide(status(503, 60_000))).toBe(8_000);
  });

  it('backs off exponentially, with equal jitter, and never beyond the cap', () => {
    expect(backoffDelay(1, backoff, () => 1)).toBe(500);
    expect(backoffDelay(2, backoff, () => 1)).toBe(1_000);
    expect(backoffDelay(3, backoff, () => 1)).toBe(2_000);
    expect(backoffDelay(10, backoff, () => 1)).toBe(8_000);
    expect(backoffDelay(1, backoff, () => 0)).toBe(250);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (retry, random, initialDelayMs, maxDelayMs) => {
          const delay = backoffDelay(retry, { initialDelayMs, maxDelayMs }, () => random);
          const base = Math.min(maxDelayMs, initialDelayMs * 2 ** (retry - 1));
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base / 2));
          expect(delay).toBeLessThanOrEqual(Math.min(maxDelayMs, base));
        },
      ),
    );
  });

  it('spreads waits out: two clients rarely wait the same time', () => {
    const waits = new Set(Array.from({ length: 50 }, () => backoffDelay(3, backoff)));
    expect(waits.size).toBeGreaterThan(10);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-04-09T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP-date, measured from now; a past date asks for no wait', () => {
    expect(parseRetryAfter('Tue, 09 Apr 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 09 Apr 2024 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is neither form', () => {
    for (const value of [null, undefined, '', '-5', '1.5', '+3', 'soon', 'in 5 seconds', '0x10']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });

  it('reads every whole number of seconds exactly', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), now)).toBe(seconds * 1000);
      }),
    );
  });
});
