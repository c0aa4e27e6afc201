import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  baseUrlOf,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRY_DELAY_MS,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  MAX_RETRIES,
  MAX_TIMEOUT_MS,
  resolveTransportSettings,
  serviceUrlSchema,
  transportSettingsShape,
} from './index.js';

const settings = z.strictObject(transportSettingsShape);
const messageOf = (value: unknown): string | undefined => {
  const parsed = settings.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

describe('the transport settings', () => {
  it('default to the documented values', () => {
    expect(resolveTransportSettings({})).toEqual({
      timeout: DEFAULT_TIMEOUT_MS,
      totalTimeout: DEFAULT_TOTAL_TIMEOUT_MS,
      retries: DEFAULT_RETRIES,
      maxRetryDelay: DEFAULT_MAX_RETRY_DELAY_MS,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    });
  });

  it('keep every whole number in range, as given', () => {
    fc.assert(
      fc.property(
        fc.record({
          timeout: fc.integer({ min: 1, max: MAX_TIMEOUT_MS }),
          totalTimeout: fc.integer({ min: 1, max: MAX_TIMEOUT_MS }),
          retries: fc.integer({ min: 0, max: MAX_RETRIES }),
          maxRetryDelay: fc.integer({ min: 0, max: MAX_TIMEOUT_MS }),
          maxResponseBytes: fc.integer({ min: 1, max: MAX_TIMEOUT_MS }),
        }),
        (given) => {
          expect(resolveTransportSettings(settings.parse(given))).toEqual(given);
        },
      ),
    );
  });

  it('refuse a number out of range or not whole, naming the rule and not the value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ max: 0 }),
          fc.nat().map((n) => MAX_TIMEOUT_MS + 1 + n),
          fc.double({ noInteger: true }),
        ),
        (bad) => {
          const message = messageOf({ timeout: bad });
          expect(message).toBe(
            `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
          );
        },
      ),
    );
    expect(messageOf({ retries: MAX_RETRIES + 1 })).toBe(
      `must be a whole number from 0 to ${MAX_RETRIES}`,
    );
    expect(messageOf({ maxRetryDelay: -1 })).toBe(
      `must be a whole number of milliseconds from 0 to ${MAX_TIMEOUT_MS}`,
    );
    expect(messageOf({ maxResponseBytes: 0 })).toBe(
      `must be a whole number of bytes from 1 to ${MAX_TIMEOUT_MS}`,
    );
    expect(messageOf({ totalTimeout: '90000' })).toBe(
      `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
    );
  });
});

describe('a service URL', () => {
  const environment = z.strictObject({ url: serviceUrlSchema(['test', 'production']) });
  const rule =
    "must be 'test', 'production' or an absolute http(s) URL without credentials, query or fragment";
  const messageOf = (url: unknown) => {
    const parsed = environment.safeParse({ url });
    return parsed.success ? undefined : parsed.error.issues[0]?.message;
  };

  it('is a named environment or an absolute http(s) URL, as a string or a URL', () => {
    for (const good of [
      'test',
      'production',
      'http://127.0.0.1:4010',
      new URL('https://x.test/a/'),
    ])
      expect(messageOf(good)).toBeUndefined();
  });

  it('refuses credentials, a query, a fragment, another scheme or name, saying only the rule', () => {
    for (const bad of [
      'https://user:secret@x.test',
      'https://x.test/?key=secret',
      'https://x.test/#a',
      'ftp://x.test',
      'staging',
      42,
    ]) {
      expect(messageOf(bad)).toBe(rule);
    }
    expect(messageOf(undefined)).toBe('is required');
  });

  it('becomes a base to append paths to, without a trailing slash', () => {
    expect(baseUrlOf('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010');
    expect(baseUrlOf(new URL('https://x.test/base/'))).toBe('https://x.test/base');
    expect(baseUrlOf('https://x.test/base')).toBe('https://x.test/base');
  });
});
