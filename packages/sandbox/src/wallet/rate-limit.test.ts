import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  FIXED_MERCHANT,
  type RunningSandbox,
  startSandbox,
  TestClock,
} from '../testing/fixtures.js';
import { TokenFailureLimiter } from './rate-limit.js';

describe('TokenFailureLimiter', () => {
  const limit = { maxFailures: 3, windowSeconds: 10, lockoutSeconds: 20 };

  it('locks a merchant after more than maxFailures within the window, for lockoutSeconds', () => {
    const limiter = new TokenFailureLimiter(limit);
    expect([1, 2, 3].map((s) => limiter.recordFailure('m', s * 1000))).toEqual([
      false,
      false,
      false,
    ]);
    expect(limiter.retryAfterSeconds('m', 3_500)).toBeUndefined();
    expect(limiter.recordFailure('m', 4_000)).toBe(true);
    expect(limiter.retryAfterSeconds('m', 4_000)).toBe(20);
    expect(limiter.retryAfterSeconds('m', 23_001)).toBe(1);
    expect(limiter.retryAfterSeconds('other', 5_000)).toBeUndefined();
    expect(limiter.retryAfterSeconds('m', 24_000)).toBeUndefined();
    // The lock cleared the count: it takes maxFailures + 1 new failures to lock again.
    expect(limiter.recordFailure('m', 24_000)).toBe(false);
  });

  it('forgets failures older than the window', () => {
    const limiter = new TokenFailureLimiter(limit);
    for (const second of [0, 1, 2]) limiter.recordFailure('m', second * 1000);
    expect(limiter.recordFailure('m', 10_500)).toBe(false);
    expect(limiter.recordFailure('m', 11_500)).toBe(false);
  });
});

describe('the unreadable-token lock-out over HTTP', () => {
  const clock = new TestClock(Math.floor(Date.now() / 1000) * 1000);
  let running: RunningSandbox;
  beforeAll(async () => {
    running = await startSandbox({
      now: clock.now,
      tokenFailureLimit: { maxFailures: 3, windowSeconds: 60, lockoutSeconds: 30 },
    });
  });
  afterAll(() => running.close());

  const bad = { rawBody: '{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}' };

  it('answers 429 with Retry-After to every signed call of that merchant, then recovers', async () => {
    const client = running.client(undefined, clock.now);
    for (let i = 0; i < 3; i++) {
      expect((await client.call('retrieveCustomer', {}, bad)).status).toBe(400);
    }
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
    // The fourth unreadable token within the window locks the merchant out.
    expect((await client.call('retrieveCustomer', {}, bad)).status).toBe(400);
    const locked = await callApi(client, 'retrieveCustomer', { urn: '1' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('30');
    expect(locked.json).toEqual({ responseMessage: 'TOO MANY UNREADABLE TOKENS; RETRY LATER' });

    // Other merchants are not affected; unsigned calls still get their 401.
    const other = running.client(FIXED_MERCHANT.merchantKey, clock.now);
    expect((await callApi(other, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
    const unsigned = await client.call(
      'retrieveCustomer',
      {},
      { headers: { authorization: undefined } },
    );
    expect(unsigned.status).toBe(401);

    clock.advanceSeconds(20);
    const later = await callApi(client, 'retrieveCustomer', { urn: '1' });
    expect(later.headers.get('retry-after')).toBe('10');
    clock.advanceSeconds(10);
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
  });

  it('counts only failures inside the window', async () => {
    const client = running.client(FIXED_MERCHANT.merchantKey, clock.now);
    for (let i = 0; i < 6; i++) {
      expect((await client.call('retrieveCustomer', {}, bad)).status).toBe(400);
      clock.advanceSeconds(25);
    }
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
  });
});
