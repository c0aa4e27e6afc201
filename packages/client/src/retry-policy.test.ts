import fc from 'fast-check';
import ky from 'ky';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backoffCeiling,
  backoffDelay,
  equalJitter,
  isRetriableStatus,
  kyRetryOptions,
  kyRetryWait,
  parseRetryAfter,
  RETRY_STATUS_CODES,
  type RetriedFailure,
} from './retry-policy.js';

const backoff = { initialDelayMs: 500, maxDelayMs: 8_000 };
const NOW = Date.parse('2025-03-01T10:00:00Z');

const status = (code: number, headers: HeadersInit = {}): RetriedFailure => ({
  kind: 'status',
  status: code,
  headers: new Headers(headers),
});

describe('which answers are retried', () => {
  it('retries 408, 429 and every 5xx', () => {
    for (const code of [408, 429, 500, 502, 503, 504, 599])
      expect(isRetriableStatus(code)).toBe(true);
  });

  it('never retries a business answer: any other 4xx, nor a 2xx or 3xx', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 499 }), (code) => {
        fc.pre(code !== 408 && code !== 429);
        expect(isRetriableStatus(code)).toBe(false);
      }),
    );
  });

  it('hands ky exactly the statuses it retries as retry.statusCodes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (code) => {
        expect(RETRY_STATUS_CODES.includes(code)).toBe(isRetriableStatus(code));
      }),
    );
  });
});

describe('how long to wait', () => {
  it('honours the wait a 429 or 503 names, capped at maxDelayMs', () => {
    const wait = (code: number, headers: HeadersInit) =>
      kyRetryWait(status(code, headers), 1, backoff, 1, NOW);
    expect(wait(429, { 'retry-after': '1' })).toBe(1_000);
    expect(wait(503, { 'retry-after': '0' })).toBe(0);
    expect(wait(503, { 'retry-after': '60' })).toBe(8_000);
    expect(wait(429, { 'retry-after': 'Sat, 01 Mar 2025 10:00:05 GMT' })).toBe(5_000);
  });

  it('backs off as usual on other retriable answers, whatever they name', () => {
    for (const code of [408, 500, 502, 504]) {
      expect(kyRetryWait(status(code, { 'retry-after': '5' }), 1, backoff, 1, NOW)).toBe(500);
    }
    expect(kyRetryWait(status(503), 2, backoff, 1, NOW)).toBe(1_000);
    expect(kyRetryWait({ kind: 'network' }, 3, backoff, 0, NOW)).toBe(1_000);
    expect(kyRetryWait({ kind: 'timeout' }, 1, backoff, 0.5, NOW)).toBe(375);
  });

  it('backs off exponentially, with equal jitter, and never beyond the cap', () => {
    expect(backoffCeiling(1, backoff)).toBe(500);
    expect(backoffCeiling(2, backoff)).toBe(1_000);
    expect(backoffCeiling(3, backoff)).toBe(2_000);
    expect(backoffCeiling(10, backoff)).toBe(8_000);
    expect(equalJitter(500, 0)).toBe(250);
    expect(backoffDelay(1, backoff, () => 1)).toBe(500);
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

describe('the wait ky takes', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** Runs ky with the client's retry options on one failing answer; returns the wait ky took. */
  async function waitKyTakes(
    code: number,
    headers: Record<string, string>,
    maxDelayMs: number,
    random: number,
  ): Promise<number | undefined> {
    const waits: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((run: () => void, ms?: number) => {
      waits.push(ms ?? 0);
      return realSetTimeout(run, 0);
    }) as typeof setTimeout);
    let calls = 0;
    await ky('http://ky.test/', {
      method: 'post',
      timeout: false,
      throwHttpErrors: isRetriableStatus,
      retry: kyRetryOptions({
        retries: 1,
        maxDelayMs,
        jitter: () => random,
        shouldRetry: () => undefined,
      }),
      fetch: async () => {
        calls += 1;
        return calls === 1 ? new Response('', { status: code, headers }) : new Response('ok');
      },
    });
    vi.restoreAllMocks();
    return waits[0];
  }

  const RATE_LIMIT_HEADERS = [
    'retry-after',
    'ratelimit-reset',
    'x-ratelimit-retry-after',
    'x-ratelimit-reset',
    'x-rate-limit-reset',
  ];
  const headerValue = fc.oneof(
    fc.nat({ max: 100_000 }).map(String),
    fc.integer({ min: -1_000, max: 1_000 }).map(String),
    fc.double({ min: -100, max: 1e6, noNaN: true }).map(String),
    // Unix seconds around now: ky reads them as a moment.
    fc.integer({ min: 1_740_000_000, max: 1_800_000_000 }).map(String),
    fc
      .date({ min: new Date('2024-06-01'), max: new Date('2026-01-01') })
      .map((d) => d.toUTCString()),
    fc.constantFrom('', 'soon', 'NaN', 'Infinity', '1e3', '0x10', ' 7 '),
    fc.string({ maxLength: 12 }),
  );

  it('is predicted exactly, for any answer and any rate-limit header', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(408, 429, 500, 502, 503, 504, 599),
        fc.dictionary(fc.constantFrom(...RATE_LIMIT_HEADERS), headerValue, { maxKeys: 3 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (code, headers, maxDelayMs, random) => {
          const predicted = kyRetryWait(
            status(code, headers),
            1,
            { initialDelayMs: 500, maxDelayMs },
            random,
            Date.now(),
          );
          expect(await waitKyTakes(code, headers, maxDelayMs, random)).toBe(predicted);
        },
      ),
      { numRuns: 300 },
    );
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
