import { describe, expect, it } from 'vitest';
import { computeDigest } from './index.js';
import { vectors } from './test-vectors.js';

describe('computeDigest', () => {
  it.each(vectors.digest)("equals openssl's digest header for $name", (vector) => {
    expect(computeDigest(vector.body)).toBe(vector.digestHeader);
    expect(computeDigest(new TextEncoder().encode(vector.body))).toBe(vector.digestHeader);
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(computeDigest('zoë')).toBe(computeDigest(Uint8Array.of(0x7a, 0x6f, 0xc3, 0xab)));
    expect(computeDigest('')).toBe('SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });
});
