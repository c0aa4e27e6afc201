import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Digest } from './digest.js';

/**
 * SHA-2 in plain JavaScript (@noble/hashes): synchronous, like `node:crypto`, where Web Crypto's
 * `subtle.digest` is only asynchronous.
 */
export const digest: Digest = {
  sha512Hex(text) {
    return bytesToHex(sha512(utf8ToBytes(text)));
  },
  sha256Hex(text) {
    return bytesToHex(sha256(utf8ToBytes(text)));
  },
  equalHex(given, expected) {
    const same = given.length === expected.length;
    const received = same ? given : expected;
    let difference = 0;
    for (let i = 0; i < expected.length; i++) {
      difference |= received.charCodeAt(i) ^ expected.charCodeAt(i);
    }
    return difference === 0 && same;
  },
};
