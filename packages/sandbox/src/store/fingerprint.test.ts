import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './fingerprint.js';
import type { JsonObject } from './json.js';

const request = (overrides: JsonObject = {}): JsonObject => ({
  messageCode: 1080,
  clientTxnId: 'abc',
  requestDateTime: '20240101101010',
  urn: '12345678901',
  transactionAmount: 500,
  ...overrides,
});

describe('requestFingerprint', () => {
  it('is 64 lowercase hex characters', () => {
    expect(requestFingerprint('load', request())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores requestDateTime and key order', () => {
    const base = requestFingerprint('load', request());
    expect(requestFingerprint('load', request({ requestDateTime: '20250101000000' }))).toBe(base);
    const { requestDateTime: _omitted, ...rest } = request();
    expect(requestFingerprint('load', rest)).toBe(base);
    expect(
      requestFingerprint('load', Object.fromEntries(Object.entries(request()).reverse())),
    ).toBe(base);
  });

  it('changes with the API and with any other field', () => {
    const base = requestFingerprint('load', request());
    expect(requestFingerprint('unload', request())).not.toBe(base);
    expect(requestFingerprint('load', request({ transactionAmount: 501 }))).not.toBe(base);
    expect(requestFingerprint('load', request({ urn: 12345678901 }))).not.toBe(base);
    expect(requestFingerprint('load', request({ nested: { requestDateTime: 'x' } }))).not.toBe(
      requestFingerprint('load', request({ nested: { requestDateTime: 'y' } })),
    );
  });

  it('tells two requests apart exactly when their content differs (property)', () => {
    const body = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
      maxKeys: 5,
    });
    fc.assert(
      fc.property(body, body, (a, b) => {
        const strip = ({ requestDateTime: _r, ...rest }: Record<string, unknown>) => rest;
        const same = JSON.stringify(sortDeep(strip(a))) === JSON.stringify(sortDeep(strip(b)));
        const equal =
          requestFingerprint('api', a as JsonObject) === requestFingerprint('api', b as JsonObject);
        expect(equal).toBe(same);
      }),
    );
  });
});

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortDeep((value as Record<string, unknown>)[key])]),
  );
}
