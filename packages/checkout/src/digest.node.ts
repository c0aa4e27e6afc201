import { createHash, timingSafeEqual } from 'node:crypto';
import type { Digest } from './digest.js';

/** SHA-2 through `node:crypto` (OpenSSL on Node, BoringSSL on Bun). */
export const nodeDigest: Digest = {
  sha512Hex(text) {
    return createHash('sha512').update(text, 'utf8').digest('hex');
  },
  sha256Hex(text) {
    return createHash('sha256').update(text, 'utf8').digest('hex');
  },
  equalHex(given, expected) {
    const wanted = Buffer.from(expected, 'latin1');
    // Another length is compared against the expected value itself, so it costs the same.
    const same = given.length === expected.length;
    const received = same ? Buffer.from(given, 'latin1') : wanted;
    return timingSafeEqual(received, wanted) && same;
  },
};
