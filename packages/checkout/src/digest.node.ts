import * as nodeCrypto from 'node:crypto';
import type { Digest } from './digest.js';

const { createHash, timingSafeEqual } = nodeCrypto;

/**
 * The one-shot `crypto.hash()` (Node 20.12+): it skips the Hash object `createHash()` builds, which
 * for inputs this short is most of the cost. Read from the namespace so a runtime without it
 * (older Bun) falls back to `createHash()` instead of failing to load.
 */
const oneShot: ((algorithm: string, data: string, encoding: 'hex') => string) | undefined =
  typeof nodeCrypto.hash === 'function' ? nodeCrypto.hash : undefined;

/** SHA-2 through `node:crypto` (OpenSSL on Node, BoringSSL on Bun). */
export const digest: Digest = {
  sha512Hex:
    oneShot === undefined
      ? (text) => createHash('sha512').update(text).digest('hex')
      : (text) => oneShot('sha512', text, 'hex'),
  sha256Hex:
    oneShot === undefined
      ? (text) => createHash('sha256').update(text).digest('hex')
      : (text) => oneShot('sha256', text, 'hex'),
  equalHex(given, expected) {
    const wanted = Buffer.from(expected, 'latin1');
    // Another length is compared against the expected value itself, so it costs the same.
    const same = given.length === expected.length;
    const received = same ? Buffer.from(given, 'latin1') : wanted;
    return timingSafeEqual(received, wanted) && same;
  },
};
