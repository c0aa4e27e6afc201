import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeValidBase64,
  encodeBase64,
  encodeBase64Portable,
  isCanonicalBase64,
} from './base64.js';

const bytes = fc.uint8Array({ maxLength: 200 });

describe('encodeBase64', () => {
  it('matches Buffer on both the native and the portable path', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const expected = Buffer.from(input).toString('base64');
        expect(encodeBase64(input)).toBe(expected);
        expect(encodeBase64Portable(input)).toBe(expected);
      }),
    );
  });

  it('encodes a view into a larger buffer by its own bytes only', () => {
    const whole = Uint8Array.of(1, 2, 3, 4, 5, 6, 7);
    expect(encodeBase64(whole.subarray(2, 5))).toBe(Buffer.of(3, 4, 5).toString('base64'));
    expect(encodeBase64Portable(whole.subarray(2, 5))).toBe(Buffer.of(3, 4, 5).toString('base64'));
  });

  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 test vector %j', (text, expected) => {
    const input = new TextEncoder().encode(text);
    expect(encodeBase64(input)).toBe(expected);
    expect(encodeBase64Portable(input)).toBe(expected);
    expect(decodeBase64(expected)).toEqual(Buffer.from(text));
    expect(decodeValidBase64(expected)).toEqual(input);
  });
});

describe('decodeBase64', () => {
  it('inverts encoding on both the native and the portable path', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const text = Buffer.from(input).toString('base64');
        expect(isCanonicalBase64(text)).toBe(true);
        expect(Uint8Array.from(decodeBase64(text) ?? [])).toEqual(input);
        expect(decodeValidBase64(text)).toEqual(input);
      }),
    );
  });

  it.each([
    ['a missing padding character', 'Zm8'],
    ['missing padding', 'Zg'],
    ['too much padding', 'Zg==='],
    ['three padding characters', 'Z==='],
    ['padding in the middle', 'Zg==Zm9v'],
    ['only padding', '===='],
    ['a space', 'Zm9v YmFy'],
    ['a trailing newline', 'Zm9v\n'],
    ['a leading tab', '\tZm9v'],
    ['a CRLF line break', 'Zm9v\r\nYmFy'],
    ['the URL-safe "-"', 'Zm-v'],
    ['the URL-safe "_"', 'Zm_v'],
    ['a dot', 'Zm9.'],
    ['a non-ASCII letter', 'Zm9é'],
    ['a full-width letter', 'Ｚm9v'],
    ['a NUL character', 'Zm9\u0000'],
    ['unused bits set before ==', 'Zh=='],
    ['unused bits set before =', 'Zm9='],
    ['a length of 5', 'Zm9vY'],
    ['a length of 1', 'Z'],
  ])('rejects %s', (_, text) => {
    expect(isCanonicalBase64(text)).toBe(false);
    expect(decodeBase64(text)).toBe(undefined);
  });

  it('rejects every non-canonical spelling that lax decoders accept', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (text) => {
        const decoded = decodeBase64(text);
        if (decoded === undefined) return;
        // Whatever is accepted is exactly the canonical encoding of what it decodes to.
        expect(Buffer.from(decoded).toString('base64')).toBe(text);
      }),
    );
  });

  it('accepts the empty string as zero bytes', () => {
    expect(decodeBase64('')?.length).toBe(0);
    expect(decodeValidBase64('').length).toBe(0);
  });
});
