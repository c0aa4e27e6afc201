import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEnvelopeWith } from './envelope.js';
import { EnvelopeError, SealError } from './errors.js';
import { envelopeVectors, hexToBytes, implementations, withForcedIv } from './test-helpers.js';

const KEY = '8f3c2b1a0e9d8c7b6a5948372615f4e3d2c1b0a9f8e7d6c5';
const IV_MODES = [
  ['prefix', 'prefix'],
  ['fixed', { fixed: 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf' }],
] as const;

describe.each(implementations)('sealText and openText with $name', ({ aes }) => {
  describe.each(envelopeVectors)('openssl vector $name', (vector) => {
    it('seals the plaintext bytes as they are to exactly the openssl tokens', () => {
      const fixed = createEnvelopeWith({ key: vector.keyHex, iv: { fixed: vector.ivHex } }, aes);
      expect(fixed.sealText(vector.plaintext)).toBe(vector.fixedIvToken);
      const forced = withForcedIv(aes, hexToBytes(vector.ivHex));
      const prefixed = createEnvelopeWith({ key: vector.keyHex }, forced);
      expect(prefixed.sealText(vector.plaintext)).toBe(vector.ivPrefixedToken);
      expect(fixed.openText(vector.fixedIvToken)).toBe(vector.plaintext);
    });
  });

  it.each(IV_MODES)('openText(sealText(text)) is the text, any text (%s IV)', (_, iv) => {
    const envelope = createEnvelopeWith({ key: KEY, iv }, aes);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(envelope.openText(envelope.sealText(text))).toBe(text);
      }),
    );
  });

  it('keeps urlencoded text unparsed, which open() refuses as not JSON', () => {
    const envelope = createEnvelopeWith({ key: KEY }, aes);
    const form = 'key=abc&txnid=T1&amount=10.00&email=a%40b.in';
    const token = envelope.sealText(form);
    expect(envelope.openText(token)).toBe(form);
    expect(() => envelope.open(token)).toThrow(EnvelopeError);
  });

  it('refuses what is not a string to seal, and unreadable tokens the same way open does', () => {
    const envelope = createEnvelopeWith({ key: KEY }, aes);
    expect(() => envelope.sealText(42 as unknown as string)).toThrow(SealError);
    for (const token of [
      undefined,
      '',
      'not base64!',
      'AAAA',
      envelope.sealText('x').slice(0, -4),
    ]) {
      const error = (() => {
        try {
          envelope.openText(token);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(EnvelopeError);
    }
  });
});
