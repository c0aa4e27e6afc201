import { createCipheriv, createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paddingFor, unpaddedLength } from './pkcs7.js';

const key = Buffer.alloc(24, 1);
const iv = Buffer.alloc(16, 2);

/** What OpenSSL's PKCS#7 padding adds to `data`, read back with padding checks off. */
function opensslPadded(data: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-192-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  const decipher = createDecipheriv('aes-192-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

describe('PKCS#7', () => {
  it('pads exactly as OpenSSL does, and unpads what OpenSSL padded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (data) => {
        const padded = opensslPadded(data);
        expect(padded.length).toBe(data.length + paddingFor(data.length));
        expect(padded.subarray(data.length)).toEqual(
          Buffer.alloc(paddingFor(data.length), paddingFor(data.length)),
        );
        expect(unpaddedLength(padded)).toBe(data.length);
      }),
    );
  });

  it.each([
    [0, 16],
    [1, 15],
    [15, 1],
    [16, 16],
    [17, 15],
  ])('adds %i bytes of data a padding of %i', (length, padding) => {
    expect(paddingFor(length)).toBe(padding);
  });

  it.each([
    ['a last byte of 0', [...Array(15).fill(65), 0]],
    ['a last byte of 17', Array(16).fill(17)],
    ['a last byte of 255', [...Array(15).fill(65), 255]],
    ['padding bytes that disagree', [...Array(13).fill(65), 2, 3, 3]],
    ['a disagreeing first padding byte', [...Array(12).fill(65), 3, 4, 4, 4]],
    ['zero padding ended by its length', [...Array(12).fill(65), 0, 0, 0, 4]],
    ['no bytes at all', []],
    ['padding longer than the data', [2]],
  ])('rejects %s', (_, bytes) => {
    expect(unpaddedLength(Uint8Array.from(bytes))).toBe(-1);
  });

  it('accepts a whole block of padding', () => {
    expect(unpaddedLength(new Uint8Array(16).fill(16))).toBe(0);
  });
});
