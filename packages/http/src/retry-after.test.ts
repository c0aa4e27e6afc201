import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterOf } from './retry-after.js';

describe('parseRetryAfter: the one reader of a named wait', () => {
  const now = Date.parse('2024-04-09T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP-date or a Unix time, measured from now; a past moment asks for no wait', () => {
    expect(parseRetryAfter('Tue, 09 Apr 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 09 Apr 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(String(now / 1000 + 12), now)).toBe(12_000);
    expect(parseRetryAfter(String(now / 1000 - 12), now)).toBe(0);
  });

  it("ignores what is neither form: '1.5' is no wait at all", () => {
    for (const value of [null, undefined, '', '-5', '1.5', '+3', 'soon', 'in 5 seconds', '0x10']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });

  it('reads every whole number of seconds below a Unix time exactly', () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), now)).toBe(seconds * 1000);
      }),
    );
  });

  it('takes the first readable of Retry-After and the rate-limit headers', () => {
    const headers = (init: Record<string, string>) => retryAfterOf(new Headers(init), now);
    expect(headers({ 'retry-after': '3', 'ratelimit-reset': '9' })).toBe(3_000);
    expect(headers({ 'retry-after': '1.5', 'ratelimit-reset': '9' })).toBe(9_000);
    expect(headers({ 'x-rate-limit-reset': String(now / 1000 + 4) })).toBe(4_000);
    expect(headers({ 'retry-after': 'soon' })).toBeUndefined();
  });
});
