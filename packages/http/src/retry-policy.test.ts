import fc from 'fast-check';
import ky from 'ky';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deadline } from './deadline.js';
import { parseRetryAfter } from './retry-after.js';
import {
  backoffCeiling,
  equalJitter,
  isRetriableStatus,
  kyRetryTimeoutOptions,
  RETRY_STATUS_CODES,
  type RetryNotice,
} from './retry-policy.js';

describe('which responses are retried', () => {
  it('retries 408, 429 and every 5xx', () => {
    for (const code of [408, 429, 500, 502, 503, 504, 599])
      expect(isRetriableStatus(code)).toBe(true);
  });

  it('never retries a business response: any other 4xx, nor a 2xx or 3xx', () => {
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

describe('backoff', () => {
  it('grows exponentially from 500 ms, with equal jitter, never beyond the cap', () => {
    expect(backoffCeiling(1, 8_000)).toBe(500);
    expect(backoffCeiling(2, 8_000)).toBe(1_000);
    expect(backoffCeiling(3, 8_000)).toBe(2_000);
    expect(backoffCeiling(10, 8_000)).toBe(8_000);
    expect(equalJitter(500, 0)).toBe(250);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 100_000 }),
        (retry, random, maxDelayMs) => {
          const delay = equalJitter(backoffCeiling(retry, maxDelayMs), random);
          const base = Math.min(maxDelayMs, 500 * 2 ** (retry - 1));
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base / 2));
          expect(delay).toBeLessThanOrEqual(base);
        },
      ),
    );
  });
});

describe('ky with the policy', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /**
   * Runs ky with the policy on responses `script` gives, recording every wait ky starts (setTimeout
   * calls of the retry's length) and every retry the policy announced.
   */
  async function runKy(
    script: (attempt: number) => Response,
    policy: { retries: number; maxRetryDelay: number },
    totalTimeout = 60_000,
  ) {
    const notices: RetryNotice[] = [];
    const waits: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const deadline = new Deadline(totalTimeout);
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((run: () => void, ms?: number) => {
      if (ms !== totalTimeout) waits.push(ms ?? 0);
      return realSetTimeout(run, 0);
    }) as typeof setTimeout);
    let attempts = 0;
    const options = kyRetryTimeoutOptions({ ...policy, timeout: 60_000 }, deadline, {
      onRetry: (notice) => notices.push(notice),
    });
    const response = await ky('http://ky.test/', {
      method: 'post',
      ...options,
      timeout: false,
      fetch: async () => script(++attempts),
    }).catch((error: { response?: Response }) => error.response);
    vi.restoreAllMocks();
    deadline.end();
    return { response, attempts, notices, waits };
  }

  it('waits exactly the wait it decided, whatever the response names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(408, 429, 500, 503, 504),
        fc.option(fc.constantFrom('0', '1', '3', '1.5', 'soon', '120'), { nil: undefined }),
        fc.integer({ min: 0, max: 10_000 }),
        async (status, retryAfter, maxRetryDelay) => {
          const headers: Record<string, string> =
            retryAfter === undefined ? {} : { 'retry-after': retryAfter };
          const { notices, waits, attempts } = await runKy(
            (n) => (n === 1 ? new Response('', { status, headers }) : new Response('ok')),
            { retries: 1, maxRetryDelay },
          );
          expect(attempts).toBe(2);
          expect(waits).toEqual(notices.map((notice) => notice.delayMs));
          const named = parseRetryAfter(retryAfter, Date.now());
          const delay = notices[0]?.delayMs ?? -1;
          if ((status === 429 || status === 503) && named !== undefined) {
            expect(delay).toBe(Math.min(named, maxRetryDelay));
          } else {
            expect(delay).toBeGreaterThanOrEqual(Math.floor(Math.min(500, maxRetryDelay) / 2));
            expect(delay).toBeLessThanOrEqual(Math.min(500, maxRetryDelay));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('starts no wait that would run past the deadline: the response comes back at once', async () => {
    const { response, attempts, waits } = await runKy(
      () => new Response('', { status: 429, headers: { 'retry-after': '30' } }),
      { retries: 2, maxRetryDelay: 60_000 },
      2_000,
    );
    expect(response?.status).toBe(429);
    expect(attempts).toBe(1);
    expect(waits).toEqual([]);
  });

  it('never retries another 4xx', async () => {
    const { response, attempts } = await runKy(() => new Response('', { status: 409 }), {
      retries: 2,
      maxRetryDelay: 0,
    });
    expect(response?.status).toBe(409);
    expect(attempts).toBe(1);
  });
});
