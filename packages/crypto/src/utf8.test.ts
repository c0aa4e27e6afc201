import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Strict, encodeUtf8Padded, encodeUtf8PaddedPortable } from './utf8.js';

describe('encodeUtf8Padded', () => {
  it('is the UTF-8 of the text plus PKCS#7 padding, on both paths', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const utf8 = Buffer.from(text, 'utf8');
        const padding = 16 - (utf8.length % 16);
        const expected = Buffer.concat([utf8, Buffer.alloc(padding, padding)]);
        expect(Buffer.from(encodeUtf8Padded(text))).toEqual(expected);
        expect(Buffer.from(encodeUtf8PaddedPortable(text))).toEqual(expected);
      }),
    );
  });
});

describe('decodeUtf8Strict', () => {
  it('decodes any well-formed UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        fc.pre(!/[\uD800-\uDFFF]/u.test(text)); // no lone surrogates
        expect(decodeUtf8Strict(Buffer.from(text, 'utf8'))).toBe(text);
      }),
    );
  });

  it('keeps a byte order mark rather than skipping it', () => {
    expect(decodeUtf8Strict(Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toBe('\uFEFF{}');
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an invalid byte', [0xff]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an overlong NUL', [0xe0, 0x80, 0x80]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a truncated sequence at the end', [0x61, 0xe2, 0x82]],
    ['a truncated sequence in the middle', [0xe2, 0x82, 0x61]],
    ['Latin-1 text', [0x7a, 0x6f, 0xeb]],
  ])('rejects %s', (_, bytes) => {
    expect(decodeUtf8Strict(Uint8Array.from(bytes))).toBe(undefined);
  });
});
